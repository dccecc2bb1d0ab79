import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/index.ts';
import type { RequestContext } from '../../core/context.ts';
import { invalid } from '../../core/errors.ts';
import { incidentsRepository, type IncidentRow } from './incidents.repository.ts';
import { alertsTitle } from './incident-title.ts';
import { linkWithFacts, type LoadedAlert } from './alert-links.ts';

const SYSTEM = { name: 'system', orgId: null };

/**
 * Folds other incidents into `id`: their alerts, observables, indicators, techniques and assets, and
 * the promotion groups they collected (so the groups' next alerts come here); they end as rejected
 * (merged), each with a timeline entry naming the incident they went into.
 */
export async function absorb(tx: Kysely<DB>, id: string, others: readonly string[]): Promise<void> {
  if (!others.length) return;
  const from = sql`${[...others]}::uuid[]`;
  await sql`insert into incident_alerts (incident_id, alert_day, alert_id) select ${id}, alert_day, alert_id from incident_alerts where incident_id = any(${from}) on conflict do nothing`.execute(tx);
  await sql`insert into incident_observables (incident_id, type, value) select ${id}, type, value from incident_observables where incident_id = any(${from}) on conflict do nothing`.execute(tx);
  await sql`insert into incident_indicators (incident_id, value_id) select ${id}, value_id from incident_indicators where incident_id = any(${from}) on conflict do nothing`.execute(tx);
  await sql`update incident_groups set incident_id = ${id} where incident_id = any(${from}) and active`.execute(tx);
  await sql`update incidents i set alert_count = (select count(*) from incident_alerts where incident_id = ${id}),
      attack = array(select distinct x from incidents o, unnest(o.attack) x where o.id = ${id} or o.id = any(${from}) order by x limit 100),
      affected_assets = array(select distinct x from incidents o, unnest(o.affected_assets) x where o.id = ${id} or o.id = any(${from}) order by x limit 500),
      first_alert_at = (select min(first_alert_at) from incidents o where o.id = ${id} or o.id = any(${from})),
      last_alert_at = (select max(last_alert_at) from incidents o where o.id = ${id} or o.id = any(${from}))
    where i.id = ${id}`.execute(tx);
  await sql`update incidents set status = 'rejected', resolution = 'merged', duplicate_of = ${id}, closed_at = coalesce(closed_at, now()), updated_at = now() where id = any(${from})`.execute(tx);
  for (const o of others) await incidentsRepository.addEvent(tx, o, 'merged', SYSTEM, { into: id });
}

/**
 * Moves some of an incident's alerts to a new incident of the same organisation, TLP and sharing,
 * related to the first; both recounted. Refused when an alert is not in the incident or none would stay.
 * Returns the new incident's id.
 */
export async function splitOff(tx: Kysely<DB>, ctx: RequestContext, row: IncidentRow, alerts: readonly LoadedAlert[], title: string | undefined): Promise<string> {
  const held = await sql<{ n: number }>`select count(*)::int as n from incident_alerts l
    join unnest(${alerts.map((a) => a.day)}::date[], ${alerts.map((a) => a.id)}::bigint[]) as t(d, i) on l.alert_day = t.d and l.alert_id = t.i
    where l.incident_id = ${row.id}`.execute(tx);
  if (held.rows[0]!.n !== alerts.length) throw invalid('some of these alerts are not in this incident');
  if (alerts.length >= row.alert_count) throw invalid('a split leaves at least one alert in the incident: move some, not all');
  const made = title ? null : alertsTitle(alerts);
  const severity = Math.max(...alerts.map((a) => a.severity));
  const r = await sql<{ id: string }>`insert into incidents (org_id, title, title_code, title_params, severity, tlp, pap, source, related_incident_id, rsit_class, rsit_type,
      discovered_at, created_by_org_id, first_alert_at, last_alert_at)
    values (${row.org_id}, ${title ?? made!.text}, ${made?.code ?? null}, ${made ? JSON.stringify(made.params) : null}::jsonb, ${severity}, ${row.tlp}, ${row.pap}, 'manual', ${row.id},
      ${row.rsit_class}, ${row.rsit_type}, now(), ${ctx.actor.orgId}, now(), now())
    returning id`.execute(tx);
  const id = r.rows[0]!.id;
  await sql`delete from incident_alerts l using unnest(${alerts.map((a) => a.day)}::date[], ${alerts.map((a) => a.id)}::bigint[]) as t(d, i)
    where l.incident_id = ${row.id} and l.alert_day = t.d and l.alert_id = t.i`.execute(tx);
  await sql`update incidents set alert_count = (select count(*) from incident_alerts where incident_id = ${row.id}), updated_at = now() where id = ${row.id}`.execute(tx);
  await linkWithFacts(tx, id, alerts);
  // Whoever the incident was shared with sees its part too.
  await sql`insert into incident_shares (incident_id, org_id, profile, tlp_ceiling, reason, created_by_name)
    select ${id}, org_id, profile, tlp_ceiling, reason, ${ctx.actor.name} from incident_shares where incident_id = ${row.id} and revoked_at is null`.execute(tx);
  await incidentsRepository.addEvent(tx, id, 'created', { name: ctx.actor.name, orgId: ctx.actor.orgId }, { source: 'split', from: row.id, alerts: alerts.length });
  return id;
}
