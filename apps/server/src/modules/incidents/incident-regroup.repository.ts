import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/index.ts';

/** An alert as incident_alerts keys it. */
type AlertKey = { day: string; id: string };

/** The fields of a part split off an incident that the split decides (the rest is copied from the incident). */
export type SplitIncident = {
  orgId: string; title: string; titleCode: string | null; titleParams: Record<string, string> | null; severity: number; tlp: string; pap: string;
  relatedIncidentId: string; rsitClass: string | null; rsitType: string | null; createdByOrgId: string | null;
};

/** SQL for merging incidents into one and splitting alerts off an incident. */
export const incidentRegroupRepository = {
  /** Copies the merged incidents' alerts, observables and indicators into `id`, and hands it their active promotion groups. */
  async takeOverMembers(tx: Kysely<DB>, id: string, others: readonly string[]): Promise<void> {
    const from = sql`${[...others]}::uuid[]`;
    await sql`insert into incident_alerts (incident_id, alert_day, alert_id) select ${id}, alert_day, alert_id from incident_alerts where incident_id = any(${from}) on conflict do nothing`.execute(tx);
    await sql`insert into incident_observables (incident_id, type, value) select ${id}, type, value from incident_observables where incident_id = any(${from}) on conflict do nothing`.execute(tx);
    await sql`insert into incident_indicators (incident_id, value_id) select ${id}, value_id from incident_indicators where incident_id = any(${from}) on conflict do nothing`.execute(tx);
    await sql`update incident_groups set incident_id = ${id} where incident_id = any(${from}) and active`.execute(tx);
  },
  /** Recounts `id`'s alerts and observables and joins its and the merged incidents' techniques, assets and first and last alert times. */
  async recountMerged(tx: Kysely<DB>, id: string, others: readonly string[]): Promise<void> {
    const from = sql`${[...others]}::uuid[]`;
    await sql`update incidents i set alert_count = (select count(*) from incident_alerts where incident_id = ${id}),
        observable_count = (select count(*) from incident_observables where incident_id = ${id}),
        attack = array(select distinct x from incidents o, unnest(o.attack) x where o.id = ${id} or o.id = any(${from}) order by x limit 100),
        affected_assets = array(select distinct x from incidents o, unnest(o.affected_assets) x where o.id = ${id} or o.id = any(${from}) order by x limit 500),
        first_alert_at = (select min(first_alert_at) from incidents o where o.id = ${id} or o.id = any(${from})),
        last_alert_at = (select max(last_alert_at) from incidents o where o.id = ${id} or o.id = any(${from}))
      where i.id = ${id}`.execute(tx);
  },
  /** Ends the merged incidents as rejected duplicates of `into`. */
  async closeAsMerged(tx: Kysely<DB>, others: readonly string[], into: string): Promise<void> {
    await sql`update incidents set status = 'rejected', resolution = 'merged', duplicate_of = ${into}, closed_at = coalesce(closed_at, now()), updated_at = now() where id = any(${[...others]}::uuid[])`.execute(tx);
  },
  /** How many of `alerts` the incident holds. */
  async countHeld(tx: Kysely<DB>, incidentId: string, alerts: readonly AlertKey[]): Promise<number> {
    const held = await sql<{ n: number }>`select count(*)::int as n from incident_alerts l
      join unnest(${alerts.map((a) => a.day)}::date[], ${alerts.map((a) => a.id)}::bigint[]) as t(d, i) on l.alert_day = t.d and l.alert_id = t.i
      where l.incident_id = ${incidentId}`.execute(tx);
    return held.rows[0]!.n;
  },
  /** Creates the manual incident a split makes, discovered now; answers its id. */
  async insertSplit(tx: Kysely<DB>, s: SplitIncident): Promise<string> {
    const r = await sql<{ id: string }>`insert into incidents (org_id, title, title_code, title_params, severity, tlp, pap, source, related_incident_id, rsit_class, rsit_type,
        discovered_at, created_by_org_id, first_alert_at, last_alert_at)
      values (${s.orgId}, ${s.title}, ${s.titleCode}, ${s.titleParams ? JSON.stringify(s.titleParams) : null}::jsonb, ${s.severity}, ${s.tlp}, ${s.pap}, 'manual', ${s.relatedIncidentId},
        ${s.rsitClass}, ${s.rsitType}, now(), ${s.createdByOrgId}, now(), now())
      returning id`.execute(tx);
    return r.rows[0]!.id;
  },
  /** Takes `alerts` out of the incident and recounts what stays. */
  async removeAlerts(tx: Kysely<DB>, incidentId: string, alerts: readonly AlertKey[]): Promise<void> {
    await sql`delete from incident_alerts l using unnest(${alerts.map((a) => a.day)}::date[], ${alerts.map((a) => a.id)}::bigint[]) as t(d, i)
      where l.incident_id = ${incidentId} and l.alert_day = t.d and l.alert_id = t.i`.execute(tx);
    await sql`update incidents set alert_count = (select count(*) from incident_alerts where incident_id = ${incidentId}), updated_at = now() where id = ${incidentId}`.execute(tx);
  },
  /** Gives `to` the live shares of `from` (same organisations, profiles, ceilings and reasons). */
  async copyLiveShares(tx: Kysely<DB>, from: string, to: string, byName: string): Promise<void> {
    await sql`insert into incident_shares (incident_id, org_id, profile, tlp_ceiling, reason, created_by_name)
      select ${to}, org_id, profile, tlp_ceiling, reason, ${byName} from incident_shares where incident_id = ${from} and revoked_at is null`.execute(tx);
  },
};
