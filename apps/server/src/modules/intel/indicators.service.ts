import { sql } from 'kysely';
import type { Tlp } from '@lachan/contracts';
import { requirePermission } from '../../core/authorize.ts';
import type { RequestContext } from '../../core/context.ts';
import { notFound } from '../../core/errors.ts';
import type { IntelParts } from './intel-parts.ts';
import { scoreIndicator, type ScoredValue } from './indicator-scores.ts';
import { indicatorValuesRepository } from './indicator-values.repository.ts';
import { readerCeiling } from './intel.policy.ts';
import { viewAt } from './object-view.ts';
import { warninglistsFrom } from './warninglist-files.ts';

/** An indicator's values as the knowledge base judges them now. */
export interface IndicatorStatus {
  id: string; name: string | null; tlp: Tlp | null; revoked: boolean;
  values: Array<ScoredValue & { sightings: number; sightingOrgs: number }>;
}

/** Scores, sightings and warninglist suppression of one indicator's values. */
export class IndicatorsService {
  readonly #p: Pick<IntelParts, 'db' | 'config' | 'now'>;

  constructor(parts: Pick<IntelParts, 'db' | 'config' | 'now'>) {
    this.#p = parts;
  }

  /**
   * The latest version's values, scored with their sightings; sightings counted in the caller's
   * organisations only (all for the centre). Read as the caller may see it: a pattern or name marked
   * above their ceiling is not shown (nor are the values it holds).
   */
  async status(ctx: RequestContext, id: string): Promise<IndicatorStatus> {
    requirePermission(ctx, 'intel.read');
    const r = await sql<{ object: Record<string, unknown>; tlp: Tlp | null; granular_tlp: Tlp | null; owner_org_id: string | null }>`
      select object, tlp, granular_tlp, owner_org_id from stix_objects where id = ${id} and type = 'indicator' order by version desc limit 1`.execute(this.#p.db);
    const stored = r.rows[0];
    const object = stored ? viewAt(stored, readerCeiling(ctx, stored.owner_org_id))?.object : undefined;
    if (!stored || !object) throw notFound('indicator');
    const row = { ...stored, object };
    const [clock, seen] = await Promise.all([
      indicatorValuesRepository.sightingClock(this.#p.db, id),
      indicatorValuesRepository.sightings(this.#p.db, id, ctx.scope.all ? null : [...ctx.scope.read]),
    ]);
    const values = scoreIndicator(id, row.object, clock, warninglistsFrom(this.#p.config.intelWarninglistsDir), this.#p.now().getTime()) ?? [];
    return {
      id, name: typeof row.object.name === 'string' ? row.object.name : null, tlp: row.tlp, revoked: row.object.revoked === true,
      values: values.map((v) => {
        const s = seen.find((x) => x.type === v.type && x.value === v.value);
        return { ...v, score: Math.round(v.score * 10) / 10, sightings: s?.count ?? 0, sightingOrgs: s?.orgs ?? 0 };
      }),
    };
  }
}
