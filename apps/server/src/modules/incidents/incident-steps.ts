import { sql, type Kysely } from 'kysely';
import type { ReportContent, ReportKind, Tlp } from '@lachan/contracts';
import type { DB } from '../../db/index.ts';
import type { RequestContext } from '../../core/context.ts';
import { incidentsRepository } from './incidents.repository.ts';

/** Shares the incident with the national centre (escalation, or a report it receives), at the incident's TLP. */
export async function shareWithCentre(tx: Kysely<DB>, ctx: RequestContext, id: string, centreId: string, tlp: Tlp, reason: 'escalation' | 'report'): Promise<void> {
  const owner = await sql<{ org_id: string }>`select org_id from incidents where id = ${id}`.execute(tx);
  if (owner.rows[0]?.org_id === centreId) return;
  await sql`update incident_shares set tlp_ceiling = case when lachan_tlp_rank(tlp_ceiling) < lachan_tlp_rank(${tlp}) then ${tlp} else tlp_ceiling end,
      profile = case when profile = 'read_only' then 'analyst' else profile end
    where incident_id = ${id} and org_id = ${centreId} and revoked_at is null`.execute(tx);
  await sql`insert into incident_shares (incident_id, org_id, profile, tlp_ceiling, reason, created_by_name)
    select ${id}, ${centreId}, 'analyst', ${tlp}, ${reason}, ${ctx.actor.name}
    where not exists (select 1 from incident_shares where incident_id = ${id} and org_id = ${centreId} and revoked_at is null)`.execute(tx);
}

/**
 * Files a report as the next version of its kind (per regime, or for all the incident's regimes),
 * marks the incident reported and lets the national centre, which receives reports, see it.
 */
export async function fileReport(tx: Kysely<DB>, ctx: RequestContext, id: string, r: { kind: ReportKind; regimeId?: string | null; content: ReportContent }, now: Date, centreId: string | null): Promise<string> {
  const regimeId = r.regimeId ?? null;
  const v = await sql<{ v: number }>`select coalesce(max(version), 0)::int + 1 as v from incident_reports where incident_id = ${id} and kind = ${r.kind} and regime_id is not distinct from ${regimeId}`.execute(tx);
  const ins = await sql<{ id: string }>`insert into incident_reports (incident_id, regime_id, kind, version, content, submitted_by_id, submitted_by_name, submitted_by_org_id, submitted_at)
    values (${id}, ${regimeId}, ${r.kind}, ${v.rows[0]!.v}, ${JSON.stringify(r.content)}::jsonb, ${ctx.actor.type === 'user' ? ctx.actor.id : null}, ${ctx.actor.name}, ${ctx.actor.orgId}, ${now}) returning id`.execute(tx);
  const inc = await sql<{ tlp: Tlp }>`update incidents set reported_at = coalesce(reported_at, ${now}), updated_at = ${now},
      beyond_capacity = beyond_capacity or ${r.content.beyondCapacity === true}, beyond_capacity_at = case when ${r.content.beyondCapacity === true} then coalesce(beyond_capacity_at, ${now}) else beyond_capacity_at end
    where id = ${id} returning tlp`.execute(tx);
  if (centreId) await shareWithCentre(tx, ctx, id, centreId, inc.rows[0]!.tlp, 'report');
  await incidentsRepository.addEvent(tx, id, 'report', { name: ctx.actor.name, orgId: ctx.actor.orgId }, { kind: r.kind, version: v.rows[0]!.v, regimeId });
  return ins.rows[0]!.id;
}
