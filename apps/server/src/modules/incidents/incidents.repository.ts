import { sql, type Kysely, type RawBuilder } from 'kysely';
import { escapeLike, foldDiacritics, type IncidentListQuery, type TimelineKind, type Tlp } from '@lachan/contracts';
import type { DB } from '../../db/index.ts';
import type { Visibility } from './incidents.policy.ts';
import { visibleIncidentSql } from './incident-visibility.ts';

export type IncidentRow = {
  id: string; number: string; org_id: string; org_name: string; title: string; description: string; severity: number; status: string; tlp: Tlp; pap: string;
  serious: boolean; serious_at: Date | null; rsit_class: string | null; rsit_type: string | null; source: string; rule_id: string | null; alert_count: number;
  title_code: string | null; title_params: Record<string, string> | null; related_incident_id: string | null;
  personal_data: boolean; attack: string[]; affected_assets: string[]; affected_system: unknown; assignee_user_id: string | null; next_deadline_at: Date | null;
  first_alert_at: Date | null; last_alert_at: Date | null; discovered_at: Date | null; occurred_at: Date | null; beyond_capacity: boolean; beyond_capacity_at: Date | null;
  acknowledged_at: Date | null; contained_at: Date | null; eradicated_at: Date | null; recovered_at: Date | null; response_ended_at: Date | null; closed_at: Date | null;
  resolution: string | null; duplicate_of: string | null; escalated_at: Date | null; reported_at: Date | null; created_at: Date; updated_at: Date; cursor_ts: string;
  exercise_id: string | null;
};

const cols = sql`i.id, i.number::text as number, i.org_id, o.name as org_name, i.title, i.description, i.severity, i.status, i.tlp, i.pap, i.serious, i.serious_at,
  i.rsit_class, i.rsit_type, i.source, i.rule_id, i.alert_count, i.title_code, i.title_params, i.related_incident_id, i.personal_data, i.attack, i.affected_assets, i.affected_system, i.assignee_user_id, i.next_deadline_at,
  i.first_alert_at, i.last_alert_at, i.discovered_at, i.occurred_at, i.beyond_capacity, i.beyond_capacity_at, i.acknowledged_at, i.contained_at, i.eradicated_at,
  i.recovered_at, i.response_ended_at, i.closed_at, i.resolution, i.duplicate_of, i.escalated_at, i.reported_at, i.created_at, i.updated_at, i.created_at::text as cursor_ts, i.exercise_id`;

/** An incident opened by hand or from a report, every value decided by the caller. */
export type NewIncident = {
  orgId: string; title: string; description: string; severity: number; tlp: string; pap: string; serious: boolean; seriousAt: Date | null; personalData: boolean;
  rsitClass: string | null; rsitType: string | null; source: 'manual' | 'report'; attack: readonly string[]; affectedAssets: readonly string[]; affectedSystem: unknown;
  discoveredAt: Date | string; occurredAt: Date | string | null; beyondCapacity: boolean; beyondCapacityAt: Date | null; assigneeUserId: string | null;
  createdByOrgId: string | null; at: Date;
};

/** A move of an incident's status: the phase column it stamps (first time only) and whether the response ends with it. */
export type StatusChange = {
  to: string; at: Date; resolution: string | null; duplicateOf: string | null; phaseColumn: string | undefined; endsResponse: boolean;
};

/** An alert linked to an incident, as its detail lists it. */
export type LinkedAlertRow = { id: string; title: string; severity: number; occurrences: number; last_seen: Date };

/** Encodes the keyset position of a row (creation time as the database prints it, and the id). */
export const encodeCursor = (r: IncidentRow): string => Buffer.from(`${r.cursor_ts}|${r.id}`).toString('base64url');
const decodeCursor = (c: string): [string, string] | null => {
  const [ts, id] = Buffer.from(c, 'base64url').toString().split('|');
  return ts && id && /^[0-9a-f-]{36}$/.test(id) && /^\d{4}-\d{2}-\d{2}[ T][0-9:.]+([+-]\d{2}(:?\d{2})?|Z)?$/.test(ts) ? [ts, id] : null;
};

/** Parses a human reference (`LC-000123`, `123`) into the incident number. */
export const parseReference = (q: string): string | null => /^(?:lc-?)?0*([0-9]{1,15})$/i.exec(q.trim())?.[1] ?? null;

function filters(q: IncidentListQuery, actorId: string | null): RawBuilder<unknown>[] | null {
  const w: RawBuilder<unknown>[] = [sql`true`];
  // The real list by default; the incidents of exercises only when asked for, of one exercise with its id (issue 17).
  if (q.exerciseId) w.push(sql`i.exercise_id = ${q.exerciseId}`);
  else w.push(q.exercise ? sql`i.exercise_id is not null` : sql`i.exercise_id is null`);
  if (q.status === 'open') w.push(sql`i.status not in ('closed', 'rejected')`);
  else if (q.status) w.push(sql`i.status = ${q.status}`);
  if (q.severity) w.push(sql`i.severity >= ${q.severity}`);
  if (q.orgId) w.push(sql`i.org_id = ${q.orgId}`);
  if (q.class) w.push(sql`i.rsit_class = ${q.class}`);
  if (q.serious !== undefined) w.push(sql`i.serious = ${q.serious}`);
  if (q.tlp) w.push(sql`i.tlp = ${q.tlp}`);
  if (q.assigned === 'me') w.push(sql`i.assignee_user_id = ${actorId}`);
  if (q.overdue) w.push(sql`i.next_deadline_at < now()`);
  if (q.sector) w.push(sql`exists (select 1 from org_sectors s where s.org_id = i.org_id and s.sector_code = ${q.sector})`);
  if (q.province) w.push(sql`exists (select 1 from organizations o where o.id = i.org_id and o.province_code = ${q.province})`);
  if (q.from) w.push(sql`i.created_at >= ${q.from}::date`);
  if (q.to) w.push(sql`i.created_at < ${q.to}::date + 1`);
  if (q.q) {
    const ref = parseReference(q.q);
    const like = sql`i.search_text like ${`%${escapeLike(foldDiacritics(q.q))}%`}`;
    w.push(ref ? sql`(${like} or i.number = ${ref}::bigint)` : like);
  }
  if (q.cursor) {
    const c = decodeCursor(q.cursor);
    if (!c) return null;
    w.push(sql`(i.created_at, i.id) < (${c[0]}::timestamptz, ${c[1]}::uuid)`);
  }
  return w;
}

/** SQL for incidents. Every read takes the caller's visibility (see `visibilityOf`). */
export const incidentsRepository = {
  /** Newest first. The centre's view walks one index; others merge a per-organisation index walk with their shares. */
  async list(db: Kysely<DB>, vis: Visibility, q: IncidentListQuery, actorId: string | null): Promise<IncidentRow[] | null> {
    const w = filters(q, actorId);
    if (!w) return null;
    const where = sql.join(w, sql` and `);
    const limit = q.limit ?? 50;
    if (vis.all) {
      const r = await sql<IncidentRow>`select ${cols} from incidents i join organizations o on o.id = i.org_id
        where ${where} and ${visibleIncidentSql(vis)}
        order by i.created_at desc, i.id desc limit ${limit}`.execute(db);
      return r.rows;
    }
    const r = await sql<IncidentRow>`with v as (select * from unnest(${vis.orgs.map((o) => o.orgId)}::uuid[], ${vis.orgs.map((o) => o.maxRank)}::int[], ${vis.orgs.map((o) => o.needsReport)}::bool[]) as v(org_id, max_rank, needs_report)),
      hit as (
        select x.id from v cross join lateral (
          select i.id from incidents i where i.org_id = v.org_id and lachan_tlp_rank(i.tlp) <= v.max_rank and (not v.needs_report or i.reported_at is not null) and ${where}
          order by i.created_at desc, i.id desc limit ${limit}) x
        union
        select i.id from incident_shares s join incidents i on i.id = s.incident_id
          where s.org_id = ${vis.actorOrgId} and s.revoked_at is null and lachan_tlp_rank(i.tlp) <= lachan_tlp_rank(s.tlp_ceiling) and ${where})
      select ${cols} from hit join incidents i on i.id = hit.id join organizations o on o.id = i.org_id
      order by i.created_at desc, i.id desc limit ${limit}`.execute(db);
    return r.rows;
  },

  async byId(db: Kysely<DB>, id: string): Promise<IncidentRow | undefined> {
    const r = await sql<IncidentRow>`select ${cols} from incidents i join organizations o on o.id = i.org_id where i.id = ${id}`.execute(db);
    return r.rows[0];
  },

  async byIds(db: Kysely<DB>, ids: string[]): Promise<IncidentRow[]> {
    if (!ids.length) return [];
    const r = await sql<IncidentRow>`select ${cols} from incidents i join organizations o on o.id = i.org_id where i.id = any(${ids}::uuid[])`.execute(db);
    return r.rows;
  },

  /** Adds one entry to the incident's timeline. */
  async addEvent(tx: Kysely<DB>, incidentId: string, kind: TimelineKind, actor: { name: string; orgId: string | null }, data: unknown): Promise<void> {
    await sql`insert into incident_events (incident_id, kind, actor_name, actor_org_id, data) values (${incidentId}, ${kind}, ${actor.name}, ${actor.orgId}, ${JSON.stringify(data ?? {})}::jsonb)`.execute(tx);
  },

  async replaceObservables(tx: Kysely<DB>, id: string, obs: { type: string; value: string }[]): Promise<void> {
    await sql`delete from incident_observables where incident_id = ${id}`.execute(tx);
    await sql`with kept as (insert into incident_observables (incident_id, type, value) select ${id}, t, v from unnest(${obs.map((o) => o.type)}::text[], ${obs.map((o) => o.value.trim())}::text[]) as x(t, v)
        on conflict do nothing returning 1)
      update incidents set observable_count = (select count(*) from kept) where id = ${id}`.execute(tx);
  },

  async replaceAffectedOrgs(tx: Kysely<DB>, id: string, orgIds: string[]): Promise<void> {
    await sql`delete from incident_orgs where incident_id = ${id}`.execute(tx);
    if (orgIds.length) await sql`insert into incident_orgs (incident_id, org_id) select ${id}, o from unnest(${orgIds}::uuid[]) as x(o) on conflict do nothing`.execute(tx);
  },

  /** Links alerts (by partition day and number) and recounts them. */
  async linkAlerts(tx: Kysely<DB>, id: string, alerts: readonly { day: string; id: string }[]): Promise<void> {
    if (alerts.length) await sql`insert into incident_alerts (incident_id, alert_day, alert_id) select ${id}, d, n from unnest(${alerts.map((a) => a.day)}::date[], ${alerts.map((a) => a.id)}::bigint[]) as t(d, n) on conflict do nothing`.execute(tx);
    await sql`update incidents set alert_count = (select count(*) from incident_alerts where incident_id = ${id}),
      first_alert_at = coalesce(first_alert_at, now()), last_alert_at = now() where id = ${id}`.execute(tx);
  },

  /** The knowledge-base indicator values its alerts matched. */
  async indicators(db: Kysely<DB>, id: string): Promise<{ valueId: number; stixId: string; type: string; value: string }[]> {
    return (await sql<{ valueId: number; stixId: string; type: string; value: string }>`select v.id::int as "valueId", v.stix_id as "stixId", v.type, v.value
      from incident_indicators x join intel_indicator_values v on v.id = x.value_id where x.incident_id = ${id} order by v.type, v.value limit 500`.execute(db)).rows;
  },

  async observables(db: Kysely<DB>, id: string): Promise<{ type: string; value: string }[]> {
    return (await sql<{ type: string; value: string }>`select type, value from incident_observables where incident_id = ${id} order by type, value`.execute(db)).rows;
  },

  async affectedOrgs(db: Kysely<DB>, id: string): Promise<{ id: string; name: string }[]> {
    return (await sql<{ id: string; name: string }>`select o.id, o.name from incident_orgs x join organizations o on o.id = x.org_id where x.incident_id = ${id} order by o.name`.execute(db)).rows;
  },
  /** The incident's latest 500 alerts, newest first. */
  async linkedAlerts(db: Kysely<DB>, id: string): Promise<LinkedAlertRow[]> {
    return (await sql<LinkedAlertRow>`select to_char(a.day, 'YYYYMMDD') || '-' || a.id as id, a.title, a.severity, a.occurrences, a.last_seen
      from incident_alerts l join alerts a on a.day = l.alert_day and a.id = l.alert_id where l.incident_id = ${id} order by a.last_seen desc limit 500`.execute(db)).rows;
  },

  /** Stores a new incident; answers its id. */
  async insert(tx: Kysely<DB>, n: NewIncident): Promise<string> {
    const r = await sql<{ id: string }>`insert into incidents (org_id, title, description, severity, tlp, pap, serious, serious_at, personal_data, rsit_class, rsit_type, source,
        attack, affected_assets, affected_system, discovered_at, occurred_at, beyond_capacity, beyond_capacity_at, assignee_user_id, created_by_org_id, created_at, updated_at)
      values (${n.orgId}, ${n.title}, ${n.description}, ${n.severity}, ${n.tlp}, ${n.pap}, ${n.serious},
        ${n.seriousAt}, ${n.personalData}, ${n.rsitClass}, ${n.rsitType}, ${n.source},
        ${n.attack}, ${n.affectedAssets}, ${JSON.stringify(n.affectedSystem)}::jsonb,
        ${n.discoveredAt}, ${n.occurredAt}, ${n.beyondCapacity},
        ${n.beyondCapacityAt}, ${n.assigneeUserId}, ${n.createdByOrgId}, ${n.at}, ${n.at}) returning id`.execute(tx);
    return r.rows[0]!.id;
  },

  /** Keeps the title the server made as a code and parameters the console words. */
  async setMadeTitle(tx: Kysely<DB>, id: string, code: string, params: Record<string, string>): Promise<void> {
    await sql`update incidents set title_code = ${code}, title_params = ${JSON.stringify(params)}::jsonb where id = ${id}`.execute(tx);
  },

  /** Sets the given columns (already in stored form) and the update time. */
  async updateColumns(tx: Kysely<DB>, id: string, set: Record<string, unknown>, at: Date): Promise<void> {
    await tx.updateTable('incidents').set({ ...set, updated_at: at } as never).where('id', '=', id).execute();
  },

  async setStatus(tx: Kysely<DB>, id: string, c: StatusChange): Promise<void> {
    const { to, at, phaseColumn } = c;
    await sql`update incidents set status = ${to}, updated_at = ${at}, resolution = ${c.resolution}, duplicate_of = ${c.duplicateOf}
      ${phaseColumn ? sql`, ${sql.ref(phaseColumn)} = coalesce(${sql.ref(phaseColumn)}, ${at})` : sql``}
      ${c.endsResponse ? sql`, response_ended_at = coalesce(response_ended_at, ${at})` : sql``} where id = ${id}`.execute(tx);
  },

  async markResponseEnded(tx: Kysely<DB>, id: string, at: Date): Promise<void> {
    await sql`update incidents set response_ended_at = ${at}, updated_at = ${at} where id = ${id}`.execute(tx);
  },

  /** Notes the first escalation to the national centre. */
  async markEscalated(tx: Kysely<DB>, id: string, at: Date): Promise<void> {
    await sql`update incidents set escalated_at = coalesce(escalated_at, ${at}), updated_at = ${at} where id = ${id}`.execute(tx);
  },

  /** Hands the incident to `orgId`, ending the shares it had with that organisation. */
  async transferTo(tx: Kysely<DB>, id: string, orgId: string, byName: string): Promise<void> {
    await sql`update incident_shares set revoked_at = now(), revoked_by_name = ${byName} where incident_id = ${id} and org_id = ${orgId} and revoked_at is null`.execute(tx);
    await sql`update incidents set org_id = ${orgId}, updated_at = now() where id = ${id}`.execute(tx);
  },

  /** The previous owner keeps analyst access (any TLP) to an incident it transferred. */
  async shareWithPreviousOwner(tx: Kysely<DB>, id: string, orgId: string, byName: string): Promise<void> {
    await sql`insert into incident_shares (incident_id, org_id, profile, tlp_ceiling, reason, created_by_name) values (${id}, ${orgId}, 'analyst', 'RED', 'transfer', ${byName})`.execute(tx);
  },

  async ownerOrgId(db: Kysely<DB>, id: string): Promise<string | undefined> {
    return (await sql<{ org_id: string }>`select org_id from incidents where id = ${id}`.execute(db)).rows[0]?.org_id;
  },

  /** Notes the first report (and a report's word that the incident is beyond the organisation's capacity); answers the incident's TLP. */
  async markReported(tx: Kysely<DB>, id: string, at: Date, beyondCapacity: boolean): Promise<Tlp> {
    return (await sql<{ tlp: Tlp }>`update incidents set reported_at = coalesce(reported_at, ${at}), updated_at = ${at},
        beyond_capacity = beyond_capacity or ${beyondCapacity}, beyond_capacity_at = case when ${beyondCapacity} then coalesce(beyond_capacity_at, ${at}) else beyond_capacity_at end
      where id = ${id} returning tlp`.execute(tx)).rows[0]!.tlp;
  },
};
