import type { Tlp } from '@lachan/contracts';
import { redactGranular, tlpRank, validateObject } from '@lachan/stix';
import type { RequestContext } from '../../core/context.ts';
import { readerCeiling } from './intel.policy.ts';

/** A stored version as the readers see it: its object-level TLP, its highest granular TLP and (when read) the object. */
export interface MarkedRow { object?: Record<string, unknown> | null; tlp: string | null; granular_tlp: string | null }

/** What one reader is shown of an object: the object without what lies above their ceiling, and which selectors were taken out. */
export interface ReaderView { object: Record<string, unknown>; withheld: string[] }

const above = (tlp: string | null, ceiling: Tlp): boolean => tlp !== null && tlpRank(tlp as Tlp) > tlpRank(ceiling);

/**
 * The object as a reader allowed up to `ceiling` sees it: nothing when its object-level TLP is above
 * the ceiling, else the object with every granularly marked part above the ceiling taken out (nothing
 * at all when such a part is structural, e.g. its id). Every path an object leaves by goes through
 * here (TAXII, knowledge base, exports, indicator status, decision support), so a marked field is
 * never shown by one and hidden by another. An unread object (manifest rows) yields an empty object.
 */
export function viewAt(row: MarkedRow, ceiling: Tlp): ReaderView | null {
  if (above(row.tlp, ceiling)) return null;
  const object = row.object ?? {};
  if (!above(row.granular_tlp, ceiling)) return { object, withheld: [] };
  return redactGranular(object, ceiling);
}

/**
 * For STIX consumers (TAXII, the STIX export): as {@link viewAt}, and nothing when what remains is no
 * longer a valid STIX object (e.g. an indicator whose pattern is marked above the reader's ceiling).
 */
export function stixViewAt(row: MarkedRow, ceiling: Tlp): ReaderView | null {
  const view = viewAt(row, ceiling);
  return view && view.withheld.length > 0 && validateObject(view.object).length > 0 ? null : view;
}

/** An object as the caller of the knowledge base may see it (all of it within the owner's reach, else up to GREEN): for other modules reading intel. */
export function readerView(ctx: RequestContext, row: MarkedRow & { owner_org_id: string | null }): ReaderView | null {
  return viewAt(row, readerCeiling(ctx, row.owner_org_id));
}

/** The lower of two TLP levels (an export's `tlp` filter under the reader's own ceiling). */
export const lowerTlp = (a: Tlp, b: Tlp | undefined): Tlp => (b !== undefined && tlpRank(b) < tlpRank(a) ? b : a);

/** The label lists show for an object: its name, observable value, pattern or relationship type, else its id. */
export function displayName(o: Record<string, unknown>, id: string): string {
  for (const k of ['name', 'value', 'pattern', 'relationship_type']) if (typeof o[k] === 'string') return o[k] as string;
  return id;
}
