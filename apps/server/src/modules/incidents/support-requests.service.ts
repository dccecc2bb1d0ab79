import type { SupportRequest, SupportRequestAnswer, SupportRequestCreate } from '@lachan/contracts';
import type { RequestContext } from '../../core/context.ts';
import { requirePermission } from '../../core/authorize.ts';
import { conflict, forbidden, invalid, notFound } from '../../core/errors.ts';
import { transact } from '../events/index.ts';
import type { IncidentParts } from './incident-parts.ts';
import type { IncidentWriter } from './incident-writer.ts';
import { supportRequestsRepository as repo, type SupportRequestRow } from './support-requests.repository.ts';

const present = (r: SupportRequestRow): SupportRequest => ({
  id: r.id, incidentId: r.incident_id, fromOrgId: r.from_org_id, toOrgId: r.to_org_id, toOrgName: r.to_org_name, message: r.message, status: r.status, response: r.response,
  createdByName: r.created_by_name, createdAt: r.created_at.toISOString(), respondedAt: r.responded_at?.toISOString() ?? null, respondedByName: r.responded_by_name,
});

/**
 * Requests for support to response teams and SOC providers. The request shares the incident
 * read-only with the team so it can decide; accepting makes it an analyst, declining ends the share.
 */
export class SupportRequestsService {
  #p: Pick<IncidentParts, 'db' | 'relay'>;
  #w: IncidentWriter;
  constructor(parts: Pick<IncidentParts, 'db' | 'relay'>, writer: IncidentWriter) {
    this.#p = parts;
    this.#w = writer;
  }

  async ofIncident(ctx: RequestContext, incidentId: string): Promise<SupportRequest[]> {
    await this.#w.access.require(ctx, incidentId, 'read');
    return (await repo.ofIncident(this.#p.db, incidentId)).map(present);
  }

  async mine(ctx: RequestContext, direction: 'incoming' | 'outgoing', status?: string): Promise<SupportRequest[]> {
    requirePermission(ctx, 'incidents.read');
    return (await repo.ofOrg(this.#p.db, ctx.actor.orgId, direction, status)).map(present);
  }

  async request(ctx: RequestContext, incidentId: string, body: SupportRequestCreate): Promise<SupportRequest> {
    const kind = await repo.activeOrgKind(this.#p.db, body.toOrgId);
    if (!kind) throw invalid('the organisation does not exist or is not active');
    if (!['response_team', 'soc_provider', 'coordination_centre'].includes(kind)) throw invalid('support is requested from response teams, SOC providers or the centre');
    const id = await this.#w.change(ctx, incidentId, 'work', 'support_requested', async (tx, row) => {
      const requestId = await repo.insertWithReadOnlyShare(tx, { incidentId, fromOrgId: row.org_id, toOrgId: body.toOrgId, message: body.message, tlp: row.tlp, byName: ctx.actor.name });
      return { data: { requestId, toOrgId: body.toOrgId }, result: requestId };
    });
    return (await this.ofIncident(ctx, incidentId)).find((s) => s.id === id)!;
  }

  /** The team answers: accept (analyst on the incident) or decline (its share ends). */
  async answer(ctx: RequestContext, id: string, body: SupportRequestAnswer): Promise<SupportRequest> {
    requirePermission(ctx, 'incidents.write');
    const row = await repo.byId(this.#p.db, id);
    if (!row || (row.to_org_id !== ctx.actor.orgId && !ctx.scope.all)) throw notFound('support request');
    if (row.status !== 'pending') throw conflict(`the request is already ${row.status}`);
    if (ctx.actor.role === 'viewer') throw forbidden();
    await this.#w.access.actor(ctx);
    await transact(this.#p, async (tx) => {
      await repo.recordAnswer(tx, id, body.accept, body.response ?? null, ctx.actor.name);
      if (body.accept) await repo.raiseShareToAnalyst(tx, row.incident_id, row.to_org_id);
      else await repo.revokeSupportShare(tx, row.incident_id, row.to_org_id, ctx.actor.name);
      await this.#w.record(tx, ctx, row.incident_id, body.accept ? 'support_accepted' : 'support_declined', { requestId: id, response: body.response ?? null });
    });
    return present((await repo.byId(this.#p.db, id))!);
  }
}
