import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Tlp } from '@lachan/contracts';
import { requirePermission } from '../../core/authorize.ts';
import type { RequestContext } from '../../core/context.ts';
import type { Platform } from '../../platform.types.ts';
import { scoreIndicator } from './indicator-scores.ts';
import { readerCeiling } from './intel.policy.ts';
import { lowerTlp, stixViewAt, viewAt } from './object-view.ts';
import { indicatorValuesRepository } from './indicator-values.repository.ts';
import { warninglistsFrom } from './warninglist-files.ts';
import { renderExport, type ExportEntry, type ExportFormat } from './exports.format.ts';

/** Export filters: value type, decayed score floor (sightings restart the decay), TLP ceiling, and the sector of the creating organisation. */
export interface ExportFilter { type?: string; minScore?: number; tlp?: Tlp; sector?: string }

/** A rendered export with its ETag. */
export interface ExportResult { body: string; contentType: string; etag: string }

interface Row { id: string; object: Record<string, unknown>; tlp: Tlp | null; granular_tlp: Tlp | null; owner_org_id: string | null }

/** Outer-shield exports of the live indicators: block lists, IDS rules, an RPZ zone, CSV and STIX. */
export class ExportsService {
  readonly #p: Platform;

  constructor(platform: Platform) {
    this.#p = platform;
  }

  /**
   * The newest version of each indicator, not revoked nor expired. CLEAR/GREEN/unmarked indicators go to
   * every caller; AMBER and RED only to the organisations that reach the owner (the centre reaches all).
   * Each indicator is read as the caller may see it under `tlp` (and their own ceiling): parts that
   * granular markings put above it are taken out first, so a marked pattern yields no values and a
   * marked name or description never reaches the file. `sector` keeps indicators whose creating
   * organisation belongs to that sector.
   */
  async render(ctx: RequestContext, format: ExportFormat, f: ExportFilter): Promise<ExportResult> {
    requirePermission(ctx, 'intel.read');
    const rows = await sql<Row>`
      select distinct on (o.id) o.id, o.object, o.tlp, o.granular_tlp, o.owner_org_id from stix_objects o
      where o.type = 'indicator'
        ${f.sector ? sql`and exists (select 1 from org_sectors s where s.org_id = o.owner_org_id and s.sector_code = ${f.sector})` : sql``}
      order by o.id, o.version desc`.execute(this.#p.db);
    const now = Date.now();
    const sighted = await indicatorValuesRepository.sightingClock(this.#p.db);
    const lists = warninglistsFrom(this.#p.config.intelWarninglistsDir, true);
    const entries: ExportEntry[] = [];
    const view = format === 'stix' ? stixViewAt : viewAt;
    for (const r of rows.rows) {
      const o = view(r, lowerTlp(readerCeiling(ctx, r.owner_org_id), f.tlp))?.object;
      if (!o) continue;
      for (const v of scoreIndicator(r.id, o, sighted, lists, now) ?? []) {
        // Known-benign values, and documentation or benchmarking addresses, never reach a perimeter block list.
        if ((f.type && v.type !== f.type) || v.suppressedBy !== null) continue;
        if (v.score <= 0 || (f.minScore !== undefined && v.score < f.minScore)) continue;
        entries.push({ type: v.type, value: v.value, score: v.score, indicatorId: r.id, name: typeof o.name === 'string' ? o.name : '', tlp: r.tlp, object: o });
      }
    }
    entries.sort((a, b) => (a.type === b.type ? (a.value < b.value ? -1 : a.value > b.value ? 1 : 0) : a.type < b.type ? -1 : 1));
    // Scores move with time; the ETag covers only what the file says, so it changes when the list does.
    const { body, contentType } = renderExport(format, entries);
    return { body, contentType, etag: `"${createHash('sha256').update(body).digest('base64url')}"` };
  }
}
