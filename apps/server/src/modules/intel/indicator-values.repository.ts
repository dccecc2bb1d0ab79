import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/index.ts';
import { valueKey, type SightingClock } from './indicator-scores.ts';

/** Sightings of one value, summed over organisations and days. */
export interface ValueSightings { type: string; value: string; count: number; orgs: number }

/** SQL over the matchable indicator values: their sighting clock, sighting totals and warninglist suppression. */
export const indicatorValuesRepository = {
  /** Latest sighting of every sighted value (of one indicator, or all). */
  async sightingClock(db: Kysely<DB>, stixId: string | null = null): Promise<SightingClock> {
    const r = await sql<{ stix_id: string; type: string; value: string; at: string }>`
      select stix_id, type, value, to_char(last_sighted_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at
      from intel_indicator_values where last_sighted_at is not null ${stixId === null ? sql`` : sql`and stix_id = ${stixId}`}`.execute(db);
    return new Map(r.rows.map((x) => [valueKey(x.stix_id, x.type, x.value), x.at]));
  },

  /** Sighting totals per value of one indicator, counted over the organisations the caller reaches (null: all). */
  async sightings(db: Kysely<DB>, stixId: string, orgIds: string[] | null): Promise<ValueSightings[]> {
    const r = await sql<ValueSightings>`
      select v.type, v.value, sum(s.count)::int as count, count(distinct s.org_id)::int as orgs
      from intel_indicator_values v join intel_sightings s on s.value_id = v.id
      where v.stix_id = ${stixId} ${orgIds === null ? sql`` : sql`and s.org_id = any(${orgIds}::uuid[])`}
      group by v.type, v.value`.execute(db);
    return r.rows;
  },

  /** Record which list suppresses each value id (others cleared), so the reason stays visible. */
  async markSuppressed(db: Kysely<DB>, ids: number[], lists: string[]): Promise<void> {
    await sql`update intel_indicator_values v set suppressed_by = t.l from unnest(${ids}::bigint[], ${lists}::text[]) as t(i, l) where v.id = t.i and v.suppressed_by is distinct from t.l`.execute(db);
    await sql`update intel_indicator_values set suppressed_by = null where suppressed_by is not null and id <> all(${ids}::bigint[])`.execute(db);
  },

  /** A sighting at `seen` restarts the decay clock of the value (never moves it back). */
  async sighted(tx: Kysely<DB>, valueIds: number[], seen: string[]): Promise<void> {
    await sql`update intel_indicator_values v set last_sighted_at = greatest(v.last_sighted_at, t.s)
      from (select i, max(s) as s from unnest(${valueIds}::bigint[], ${seen}::timestamptz[]) as u(i, s) group by i) t where v.id = t.i`.execute(tx);
  },
};
