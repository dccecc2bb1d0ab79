import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/index.ts';
import { visibleIncidentSql, type FiledReport, type IncidentVisibility, type RegimeClock } from '../incidents/index.ts';
import type { StatsFilter } from './stats.repository.ts';

/** The times of an incident that response statistics look at. */
export type IncidentTimes = {
  id: string; org_id: string; status: string; created_at: Date; occurred_at: Date | null; discovered_at: Date | null; acknowledged_at: Date | null;
  contained_at: Date | null; closed_at: Date | null; beyond_capacity_at: Date | null; response_ended_at: Date | null; serious_at: Date | null;
  /** When the earliest of its alerts happened: the occurrence of an incident opened from alerts, which states none. */
  first_event_at?: Date | null;
};

const LIMIT = 50_000;

/** SQL of the response statistics: the period's incidents with their regimes and filed reports, in three queries. */
export const responseRepository = {
  /**
   * Incidents opened in the period in the caller's organisations that the caller may open (the
   * incidents policy: an AMBER+STRICT or RED incident counts only for its owner and its shares).
   */
  async incidents(db: Kysely<DB>, f: StatsFilter, vis: IncidentVisibility): Promise<IncidentTimes[]> {
    const r = await sql<IncidentTimes>`select id, org_id, status, created_at, occurred_at, discovered_at, acknowledged_at, contained_at, closed_at,
        beyond_capacity_at, response_ended_at, serious_at,
        case when occurred_at is null then (select min(a.event_time) from incident_alerts ia join alerts a on a.day = ia.alert_day and a.id = ia.alert_id
          where ia.incident_id = incidents.id) end as first_event_at
      from incidents
      where created_at >= ${f.from}::date and created_at < ${f.to}::date + 1 and status <> 'rejected' and exercise_id is null
        and ${visibleIncidentSql(vis, 'incidents')} ${f.orgIds ? sql`and org_id = any(${f.orgIds}::uuid[])` : sql``}
        ${f.orgId ? sql`and org_id = ${f.orgId}` : sql``}
        ${f.rsitClass ? sql`and rsit_class = ${f.rsitClass}` : sql``}
        ${f.minSeverity ? sql`and severity >= ${f.minSeverity}` : sql``}
      order by created_at desc limit ${LIMIT}`.execute(db);
    return r.rows;
  },

  async regimes(db: Kysely<DB>, ids: string[]): Promise<Map<string, RegimeClock[]>> {
    const out = new Map<string, RegimeClock[]>();
    if (!ids.length) return out;
    const r = await sql<{ incident_id: string; id: string; code: string; rules: RegimeClock['rules'] }>`select ir.incident_id, g.id, g.code, g.rules
      from incident_regimes ir join reporting_regimes g on g.id = ir.regime_id where ir.incident_id = any(${ids}::uuid[])`.execute(db);
    for (const row of r.rows) (out.get(row.incident_id) ?? out.set(row.incident_id, []).get(row.incident_id)!).push({ id: row.id, code: row.code, rules: row.rules });
    return out;
  },

  async reports(db: Kysely<DB>, ids: string[]): Promise<Map<string, FiledReport[]>> {
    const out = new Map<string, FiledReport[]>();
    if (!ids.length) return out;
    const r = await sql<FiledReport & { incident_id: string }>`select incident_id, regime_id as "regimeId", kind, submitted_at as "submittedAt"
      from incident_reports where incident_id = any(${ids}::uuid[])`.execute(db);
    for (const row of r.rows) (out.get(row.incident_id) ?? out.set(row.incident_id, []).get(row.incident_id)!).push(row);
    return out;
  },
};
