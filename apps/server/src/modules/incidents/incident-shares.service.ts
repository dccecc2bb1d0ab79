import { sql } from 'kysely';
import { writeEvents, recordChange, transact } from '../events/index.ts';
import type { IncidentShare, IncidentShareCreate, OrgLink, OrgLinkCreate, Tlp } from '@lachan/contracts';
import { canManage, type RequestContext } from '../../core/context.ts';
import { requirePermission } from '../../core/authorize.ts';
import { conflict, forbidden, invalid, notFound } from '../../core/errors.ts';
import type { Platform } from '../../platform.types.ts';
import { orgsRepository } from '../orgs/index.ts';
import type { IncidentWriter } from './incident-writer.ts';
import { TLP_RANK } from './incidents.policy.ts';

type ShareRow = { id: string; incident_id: string; org_id: string; org_name: string; profile: IncidentShare['profile']; tlp_ceiling: Tlp; reason: IncidentShare['reason']; created_by_name: string; created_at: Date; revoked_at: Date | null; revoked_by_name: string | null; tlp: Tlp };
const presentShare = (r: ShareRow): IncidentShare => ({
  id: r.id, incidentId: r.incident_id, orgId: r.org_id, orgName: r.org_name, profile: r.profile, tlpCeiling: r.tlp_ceiling, reason: r.reason,
  effective: !r.revoked_at && TLP_RANK[r.tlp] <= TLP_RANK[r.tlp_ceiling], createdByName: r.created_by_name, createdAt: r.created_at.toISOString(),
  revokedAt: r.revoked_at?.toISOString() ?? null, revokedByName: r.revoked_by_name,
});
type LinkRow = { id: string; from_org_id: string; from_org_name: string; to_org_id: string; to_org_name: string; type: OrgLink['type']; profile: OrgLink['profile']; tlp_ceiling: OrgLink['tlpCeiling']; created_by_name: string; created_at: Date };
const presentLink = (r: LinkRow): OrgLink => ({
  id: r.id, fromOrgId: r.from_org_id, fromOrgName: r.from_org_name, toOrgId: r.to_org_id, toOrgName: r.to_org_name, type: r.type, profile: r.profile, tlpCeiling: r.tlp_ceiling,
  createdByName: r.created_by_name, createdAt: r.created_at.toISOString(),
});

/** Sharing incidents with other organisations, and the standing links between organisations. */
export class IncidentSharesService {
  #p: Platform;
  #w: IncidentWriter;
  constructor(platform: Platform, writer: IncidentWriter) {
    this.#p = platform;
    this.#w = writer;
  }

  async list(ctx: RequestContext, incidentId: string): Promise<IncidentShare[]> {
    await this.#w.access.require(ctx, incidentId, 'read');
    const r = await sql<ShareRow>`select s.*, o.name as org_name, i.tlp from incident_shares s join organizations o on o.id = s.org_id join incidents i on i.id = s.incident_id
      where s.incident_id = ${incidentId} order by s.created_at`.execute(this.#p.db);
    return r.rows.map(presentShare);
  }

  async share(ctx: RequestContext, incidentId: string, body: IncidentShareCreate): Promise<IncidentShare> {
    const org = await orgsRepository.byId(this.#p.db, body.orgId);
    if (!org || org.status !== 'active') throw invalid('the organisation does not exist or is not active');
    const id = await this.#w.change(ctx, incidentId, 'manage', 'shared', async (tx, row) => {
      if (row.org_id === body.orgId) throw conflict('the incident belongs to that organisation');
      const r = await sql<{ id: string }>`insert into incident_shares (incident_id, org_id, profile, tlp_ceiling, reason, created_by_name)
        values (${incidentId}, ${body.orgId}, ${body.profile}, ${body.tlpCeiling}, 'manual', ${ctx.actor.name}) on conflict do nothing returning id`.execute(tx);
      if (!r.rows[0]) throw conflict('the incident is already shared with that organisation; revoke the share to change it');
      return { data: { orgId: body.orgId, profile: body.profile, tlpCeiling: body.tlpCeiling }, result: r.rows[0].id };
    });
    return (await this.list(ctx, incidentId)).find((s) => s.id === id)!;
  }

  /** Revokes a share: the organisation loses access at once and hears that it did. */
  async revoke(ctx: RequestContext, incidentId: string, shareId: string): Promise<IncidentShare> {
    await this.#w.change(ctx, incidentId, 'manage', 'share_revoked', async (tx) => {
      const r = await sql<{ org_id: string }>`update incident_shares set revoked_at = now(), revoked_by_name = ${ctx.actor.name}
        where id = ${shareId} and incident_id = ${incidentId} and revoked_at is null returning org_id`.execute(tx);
      const orgId = r.rows[0]?.org_id;
      if (!orgId) throw notFound('share');
      await writeEvents(tx, [{ type: 'incident.share_revoked', audience: { orgIds: [orgId], exact: true }, payload: { id: incidentId } }]);
      return { data: { shareId, orgId }, result: undefined };
    });
    return (await this.list(ctx, incidentId)).find((s) => s.id === shareId)!;
  }

  async links(ctx: RequestContext, orgId: string | undefined): Promise<OrgLink[]> {
    requirePermission(ctx, 'incidents.read');
    const r = await sql<LinkRow>`select l.*, f.name as from_org_name, t.name as to_org_name from org_links l join organizations f on f.id = l.from_org_id join organizations t on t.id = l.to_org_id
      where ${orgId ? sql`(l.from_org_id = ${orgId} or l.to_org_id = ${orgId})` : sql`true`} order by f.name, t.name`.execute(this.#p.db);
    return r.rows.map(presentLink).filter((l) => ctx.scope.all || ctx.scope.read.has(l.fromOrgId) || ctx.scope.read.has(l.toOrgId));
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
      const r = await sql<{ id: string }>`insert into org_links (from_org_id, to_org_id, type, profile, tlp_ceiling, created_by_name)
        select ${body.fromOrgId}, ${body.toOrgId}, ${body.type}, ${body.profile ?? 'read_only'}, ${body.tlpCeiling ?? 'AMBER'}, ${ctx.actor.name}
        where exists (select 1 from organizations where id = ${body.fromOrgId} and status = 'active') and exists (select 1 from organizations where id = ${body.toOrgId} and status = 'active')
        on conflict (from_org_id, to_org_id) do nothing returning id`.execute(tx);
      if (!r.rows[0]) throw conflict('these organisations are already linked, or one does not exist');
      await recordChange(tx, ctx, { action: 'org_link.create', entityType: 'org_link', entityId: r.rows[0].id, orgId: body.toOrgId, after: body, event: { type: 'org_link.changed', audience: { orgIds: [body.fromOrgId, body.toOrgId], exact: true }, data: { link: r.rows[0].id } } });
      return r.rows[0].id;
    });
    return (await this.links(ctx, body.toOrgId)).find((l) => l.id === id)!;
  }

  /** Removes a link; one the caller cannot see (neither end in its scope) is not there for it. */
  async unlink(ctx: RequestContext, id: string): Promise<OrgLink> {
    const before = (await this.links(ctx, undefined)).find((l) => l.id === id);
    if (!before) throw notFound('organisation link');
    this.#mayLink(ctx, before.toOrgId);
    await transact(this.#p, async (tx) => {
      await sql`delete from org_links where id = ${id}`.execute(tx);
      await recordChange(tx, ctx, { action: 'org_link.delete', entityType: 'org_link', entityId: id, orgId: before.toOrgId, before, event: { type: 'org_link.changed', audience: { orgIds: [before.fromOrgId, before.toOrgId], exact: true }, data: { link: id } } });
    });
    return before;
  }
}
