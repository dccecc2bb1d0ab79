import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Tlp } from '@lachan/contracts';
import { requirePermission } from '../../core/authorize.ts';
import type { RequestContext } from '../../core/context.ts';
import type { IntelParts } from './intel-parts.ts';
import { scoreIndicator } from './indicator-scores.ts';
import { readerCeiling } from './intel.policy.ts';
import { lowerTlp, stixViewAt, viewAt } from './object-view.ts';
import { indicatorValuesRepository } from './indicator-values.repository.ts';
import { warninglistsFrom } from './warninglist-files.ts';
import { renderExport, type ExportEntry, type ExportFormat } from './exports.format.ts';

/**
 * Export filters: value type, decayed score floor (sightings restart the decay), TLP ceiling, the sector
 * of the creating organisation, and whether to add the mass-scanning list (at a low score).
 */
export interface ExportFilter { type?: string; minScore?: number; tlp?: Tlp; sector?: string; massScanning?: boolean }

/**
 * The score of an address on the mass-scanning list: low (scanners hit everyone and change addresses;
 * blocking them is hygiene, not defence), higher for the widest seen. A `minScore` above it leaves them out.
 */
export const MASS_SCANNING_SCORE = { base: 15, widest: 25 } as const;
/** How long an address stays on the exported mass-scanning list after it was last seen scanning. */
const MASS_SCANNING_DAYS = 14;

/** A rendered export with its ETag. */
export interface ExportResult { body: string; contentType: string; etag: string }

interface Row { id: string; object: Record<string, unknown>; tlp: Tlp | null; granular_tlp: Tlp | null; owner_org_id: string | null }

/** The addresses judged internet-wide scanning seen since a time, widest first (the campaigns module keeps them). */
export type MassScanners = (since: Date) => Promise<{ type: 'ipv4' | 'ipv6'; value: string; orgCount: number; sectors: string[]; lastSeen: Date }[]>;

/** Outer-shield exports of the live indicators: block lists, IDS rules, an RPZ zone, CSV and STIX. */
export class ExportsService {
  readonly #p: Pick<IntelParts, 'db' | 'config'>;
  readonly #massScanners: MassScanners;

  /** `massScanners` reads the campaigns module's mass-scanning list (handed in by the composition root). */
  constructor(parts: Pick<IntelParts, 'db' | 'config'>, massScanners: MassScanners) {
    this.#p = parts;
    this.#massScanners = massScanners;
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
      where o.type = 'indicator' and o.exercise_id is null
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
    // A STIX bundle carries the knowledge base's indicators only; the list goes to the block lists, rules and CSV.
    if (f.massScanning && format !== 'stix') entries.push(...(await this.#massScanning(f, lists, new Set(entries.map((e) => `${e.type}:${e.value}`)), now)));
    entries.sort((a, b) => (a.type === b.type ? (a.value < b.value ? -1 : a.value > b.value ? 1 : 0) : a.type < b.type ? -1 : 1));
    // Scores move with time; the ETag covers only what the file says, so it changes when the list does.
    const { body, contentType } = renderExport(format, entries);
    return { body, contentType, etag: `"${createHash('sha256').update(body).digest('base64url')}"` };
  }

  /**
   * The mass-scanning list as export entries: TLP:GREEN (derived from many organisations' alerts, naming
   * none), left out under a CLEAR ceiling, for the sector filter (no creating organisation), for values
   * an indicator already exports (its own score wins) and for warninglisted or reserved addresses.
   */
  async #massScanning(f: ExportFilter, lists: ReturnType<typeof warninglistsFrom>, exported: ReadonlySet<string>, now: number): Promise<ExportEntry[]> {
    if (f.sector || f.tlp === 'CLEAR' || (f.type && f.type !== 'ipv4' && f.type !== 'ipv6')) return [];
    const list = await this.#massScanners(new Date(now - MASS_SCANNING_DAYS * 86_400_000));
    const widest = Math.max(1, ...list.map((s) => s.orgCount));
    const out: ExportEntry[] = [];
    for (const s of list) {
      if ((f.type && s.type !== f.type) || exported.has(`${s.type}:${s.value}`) || lists.suppress(s.type, s.value) !== null) continue;
      const score = Math.round((MASS_SCANNING_SCORE.base + ((MASS_SCANNING_SCORE.widest - MASS_SCANNING_SCORE.base) * s.orgCount) / widest) * 10) / 10;
      if (f.minScore !== undefined && score < f.minScore) continue;
      const name = `Mass scanning (${s.sectors.length} sectors)`;
      out.push({ type: s.type, value: s.value, score, indicatorId: 'mass-scanning', name, tlp: 'GREEN',
        object: { type: 'indicator', name, pattern: `[${s.type}-addr:value = '${s.value}']`, modified: s.lastSeen.toISOString(), labels: ['mass-scanning'] } });
    }
    return out;
  }
}
