import { sql } from 'kysely';
import type { SupportRequest, SupportRequestAnswer, SupportRequestCreate } from '@lachan/contracts';
import type { RequestContext } from '../../core/context.ts';
import { requirePermission } from '../../core/authorize.ts';
import { conflict, forbidden, invalid, notFound } from '../../core/errors.ts';
import { transact } from '../events/index.ts';
import type { Platform } from '../../platform.types.ts';
import type { IncidentWriter } from './incident-writer.ts';

type Row = { id: string; incident_id: string; from_org_id: string; to_org_id: string; to_org_name: string; message: string; status: SupportRequest['status']; response: string | null; created_by_name: string; created_at: Date; responded_at: Date | null; responded_by_name: string | null };
const present = (r: Row): SupportRequest => ({
  id: r.id, incidentId: r.incident_id, fromOrgId: r.from_org_id, toOrgId: r.to_org_id, toOrgName: r.to_org_name, message: r.message, status: r.status, response: r.response,
  createdByName: r.created_by_name, createdAt: r.created_at.toISOString(), respondedAt: r.responded_at?.toISOString() ?? null, respondedByName: r.responded_by_name,
});
const select = sql`select s.*, o.name as to_org_name from support_requests s join organizations o on o.id = s.to_org_id`;

/**
 * Requests for support to response teams and SOC providers. The request shares the incident
 * read-only with the team so it can decide; accepting makes it an analyst, declining ends the share.
 */
export class SupportRequestsService {
  #p: Platform;
  #w: IncidentWriter;
  constructor(platform: Platform, writer: IncidentWriter) {
    this.#p = platform;
    this.#w = writer;
  }

  async ofIncident(ctx: RequestContext, incidentId: string): Promise<SupportRequest[]> {
    await this.#w.access.require(ctx, incidentId, 'read');
    return (await sql<Row>`${select} where s.incident_id = ${incidentId} order by s.created_at`.execute(this.#p.db)).rows.map(present);
  }

  async mine(ctx: RequestContext, direction: 'incoming' | 'outgoing', status?: string): Promise<SupportRequest[]> {
    requirePermission(ctx, 'incidents.read');
    const col = direction === 'incoming' ? sql`s.to_org_id` : sql`s.from_org_id`;
    return (await sql<Row>`${select} where ${col} = ${ctx.actor.orgId} ${status ? sql`and s.status = ${status}` : sql``} order by s.created_at desc limit 500`.execute(this.#p.db)).rows.map(present);
  }

  async request(ctx: RequestContext, incidentId: string, body: SupportRequestCreate): Promise<SupportRequest> {
    const to = await sql<{ kind: string }>`select kind from organizations where id = ${body.toOrgId} and status = 'active'`.execute(this.#p.db);
    if (!to.rows[0]) throw invalid('the organisation does not exist or is not active');
    if (!['response_team', 'soc_provider', 'coordination_centre'].includes(to.rows[0].kind)) throw invalid('support is requested from response teams, SOC providers or the centre');
    const id = await this.#w.change(ctx, incidentId, 'work', 'support_requested', async (tx, row) => {
      const r = await sql<{ id: string }>`insert into support_requests (incident_id, from_org_id, to_org_id, message, created_by_name) values (${incidentId}, ${row.org_id}, ${body.toOrgId}, ${body.message}, ${ctx.actor.name}) returning id`.execute(tx);
      await sql`insert into incident_shares (incident_id, org_id, profile, tlp_ceiling, reason, created_by_name) values (${incidentId}, ${body.toOrgId}, 'read_only', ${row.tlp}, 'support', ${ctx.actor.name}) on conflict do nothing`.execute(tx);
      return { data: { requestId: r.rows[0]!.id, toOrgId: body.toOrgId }, result: r.rows[0]!.id };
    });
    return (await this.ofIncident(ctx, incidentId)).find((s) => s.id === id)!;
  }

  /** The team answers: accept (analyst on the incident) or decline (its share ends). */
  async answer(ctx: RequestContext, id: string, body: SupportRequestAnswer): Promise<SupportRequest> {
    requirePermission(ctx, 'incidents.write');
    const row = (await sql<Row>`${select} where s.id = ${id}`.execute(this.#p.db)).rows[0];
    if (!row || (row.to_org_id !== ctx.actor.orgId && !ctx.scope.all)) throw notFound('support request');
    if (row.status !== 'pending') throw conflict(`the request is already ${row.status}`);
    if (ctx.actor.role === 'viewer') throw forbidden();
    await this.#w.access.actor(ctx);
    await transact(this.#p, async (tx) => {
      await sql`update support_requests set status = ${body.accept ? 'accepted' : 'declined'}, response = ${body.response ?? null}, responded_at = now(), responded_by_name = ${ctx.actor.name} where id = ${id}`.execute(tx);
      if (body.accept) await sql`update incident_shares set profile = 'analyst' where incident_id = ${row.incident_id} and org_id = ${row.to_org_id} and revoked_at is null and profile = 'read_only'`.execute(tx);
      else await sql`update incident_shares set revoked_at = now(), revoked_by_name = ${ctx.actor.name} where incident_id = ${row.incident_id} and org_id = ${row.to_org_id} and revoked_at is null and reason = 'support'`.execute(tx);
      await this.#w.record(tx, ctx, row.incident_id, body.accept ? 'support_accepted' : 'support_declined', { requestId: id, response: body.response ?? null });
    });
    return present((await sql<Row>`${select} where s.id = ${id}`.execute(this.#p.db)).rows[0]!);
  }
}
