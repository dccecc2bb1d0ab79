import { writeEvents, recordChange, transact } from '../events/index.ts';
import type { IncidentShare, IncidentShareCreate, OrgLink, OrgLinkCreate } from '@lachan/contracts';
import { canManage, type RequestContext } from '../../core/context.ts';
import { requirePermission } from '../../core/authorize.ts';
import { conflict, forbidden, invalid, notFound } from '../../core/errors.ts';
import type { IncidentParts } from './incident-parts.ts';
import { orgsRepository } from '../orgs/index.ts';
import type { IncidentWriter } from './incident-writer.ts';
import { TLP_RANK } from './incidents.policy.ts';
import { incidentSharesRepository as repo, type LinkRow, type ShareRow } from './incident-shares.repository.ts';

const presentShare = (r: ShareRow): IncidentShare => ({
  id: r.id, incidentId: r.incident_id, orgId: r.org_id, orgName: r.org_name, profile: r.profile, tlpCeiling: r.tlp_ceiling, reason: r.reason,
  effective: !r.revoked_at && TLP_RANK[r.tlp] <= TLP_RANK[r.tlp_ceiling], createdByName: r.created_by_name, createdAt: r.created_at.toISOString(),
  revokedAt: r.revoked_at?.toISOString() ?? null, revokedByName: r.revoked_by_name,
});
const presentLink = (r: LinkRow): OrgLink => ({
  id: r.id, fromOrgId: r.from_org_id, fromOrgName: r.from_org_name, toOrgId: r.to_org_id, toOrgName: r.to_org_name, type: r.type, profile: r.profile, tlpCeiling: r.tlp_ceiling,
  createdByName: r.created_by_name, createdAt: r.created_at.toISOString(),
});

/** Sharing incidents with other organisations, and the standing links between organisations. */
export class IncidentSharesService {
  #p: Pick<IncidentParts, 'db' | 'relay'>;
  #w: IncidentWriter;
  constructor(parts: Pick<IncidentParts, 'db' | 'relay'>, writer: IncidentWriter) {
    this.#p = parts;
    this.#w = writer;
  }

  async list(ctx: RequestContext, incidentId: string): Promise<IncidentShare[]> {
    await this.#w.access.require(ctx, incidentId, 'read');
    return (await repo.ofIncident(this.#p.db, incidentId)).map(presentShare);
  }

  async share(ctx: RequestContext, incidentId: string, body: IncidentShareCreate): Promise<IncidentShare> {
    const org = await orgsRepository.byId(this.#p.db, body.orgId);
    if (!org || org.status !== 'active') throw invalid('the organisation does not exist or is not active');
    const id = await this.#w.change(ctx, incidentId, 'manage', 'shared', async (tx, row) => {
      if (row.org_id === body.orgId) throw conflict('the incident belongs to that organisation');
      const shareId = await repo.insertManual(tx, incidentId, body, ctx.actor.name);
      if (!shareId) throw conflict('the incident is already shared with that organisation; revoke the share to change it');
      return { data: { orgId: body.orgId, profile: body.profile, tlpCeiling: body.tlpCeiling }, result: shareId };
    });
    return (await this.list(ctx, incidentId)).find((s) => s.id === id)!;
  }

  /** Revokes a share: the organisation loses access at once and hears that it did. */
  async revoke(ctx: RequestContext, incidentId: string, shareId: string): Promise<IncidentShare> {
    await this.#w.change(ctx, incidentId, 'manage', 'share_revoked', async (tx) => {
      const orgId = await repo.revoke(tx, incidentId, shareId, ctx.actor.name);
      if (!orgId) throw notFound('share');
      await writeEvents(tx, [{ type: 'incident.share_revoked', audience: { orgIds: [orgId], exact: true }, payload: { id: incidentId } }]);
      return { data: { shareId, orgId }, result: undefined };
    });
    return (await this.list(ctx, incidentId)).find((s) => s.id === shareId)!;
  }

  async links(ctx: RequestContext, orgId: string | undefined): Promise<OrgLink[]> {
    requirePermission(ctx, 'incidents.read');
    const rows = await repo.links(this.#p.db, orgId);
    return rows.map(presentLink).filter((l) => ctx.scope.all || ctx.scope.read.has(l.fromOrgId) || ctx.scope.read.has(l.toOrgId));
  }

  /** A link lets `from` see `to`'s incidents; it is made by the centre or by an admin of the organisation being seen. */
  #mayLink(ctx: RequestContext, toOrgId: string): void {
    requirePermission(ctx, 'orgs.update');
    if (!canManage(ctx.scope, toOrgId)) throw forbidden('only the centre or the linked organisation’s admins may link it');
  }

  async link(ctx: RequestContext, body: OrgLinkCreate): Promise<OrgLink> {
    this.#mayLink(ctx, body.toOrgId);
    if (body.fromOrgId === body.toOrgId) throw invalid('an organisation cannot be linked to itself');
    const id = await transact(this.#p, async (tx) => {
      const linkId = await repo.insertLink(tx, body, ctx.actor.name);
      if (!linkId) throw conflict('these organisations are already linked, or one does not exist');
      await recordChange(tx, ctx, { action: 'org_link.create', entityType: 'org_link', entityId: linkId, orgId: body.toOrgId, after: body, event: { type: 'org_link.changed', audience: { orgIds: [body.fromOrgId, body.toOrgId], exact: true }, data: { link: linkId } } });
      return linkId;
    });
    return (await this.links(ctx, body.toOrgId)).find((l) => l.id === id)!;
  }

  /** Removes a link; one the caller cannot see (neither end in its scope) is not there for it. */
  async unlink(ctx: RequestContext, id: string): Promise<OrgLink> {
    const before = (await this.links(ctx, undefined)).find((l) => l.id === id);
    if (!before) throw notFound('organisation link');
    this.#mayLink(ctx, before.toOrgId);
    await transact(this.#p, async (tx) => {
      await repo.deleteLink(tx, id);
      await recordChange(tx, ctx, { action: 'org_link.delete', entityType: 'org_link', entityId: id, orgId: before.toOrgId, before, event: { type: 'org_link.changed', audience: { orgIds: [before.fromOrgId, before.toOrgId], exact: true }, data: { link: id } } });
    });
    return before;
  }
}
