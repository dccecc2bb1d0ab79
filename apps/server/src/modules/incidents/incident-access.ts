import { sql, type Kysely } from 'kysely';
import type { ShareProfile, Tlp } from '@lachan/contracts';
import type { DB } from '../../db/index.ts';
import type { Platform } from '../../platform.types.ts';
import type { RequestContext } from '../../core/context.ts';
import { notFound } from '../../core/errors.ts';
import { accessTo, allows, audienceOf, type IncidentAccessGrant, type IncidentActor, type IncidentAction, type IncidentFacts, type LinkGrant } from './incidents.policy.ts';
import { forbidden } from '../../core/errors.ts';
import { requirePermission } from '../../core/authorize.ts';

type ShareRow = { org_id: string; profile: ShareProfile; tlp_ceiling: Tlp; revoked_at: Date | null };

/** Loads what the pure policy needs: the actor's links, an incident's shares, the organisations around it. */
export class IncidentAccess {
  #p: Platform;
  constructor(platform: Platform) {
    this.#p = platform;
  }

  /** The actor with its standing links, each expanded to the linked organisation's units. Call outside transactions. */
  async actor(ctx: RequestContext): Promise<IncidentActor> {
    await this.#p.orgTree.ensure();
    const rows = await sql<{ to_org_id: string } & LinkGrant>`select to_org_id, type, profile, tlp_ceiling as "tlpCeiling" from org_links where from_org_id = ${ctx.actor.orgId}`.execute(this.#p.db);
    const links = new Map<string, LinkGrant>();
    for (const l of rows.rows) for (const id of this.#p.orgTree.subtree(l.to_org_id)) if (!links.has(id) || l.type === 'supervised') links.set(id, { type: l.type, profile: l.profile, tlpCeiling: l.tlpCeiling });
    return { orgId: ctx.actor.orgId, role: ctx.actor.role, all: ctx.scope.all, manage: ctx.scope.manage, read: ctx.scope.read, links };
  }

  /** The facts of one incident (null when it does not exist). */
  async facts(db: Kysely<DB>, id: string): Promise<IncidentFacts | null> {
    const r = await sql<{ org_id: string; tlp: Tlp; reported_at: Date | null }>`select org_id, tlp, reported_at from incidents where id = ${id}`.execute(db);
    const row = r.rows[0];
    if (!row) return null;
    const shares = await sql<ShareRow>`select org_id, profile, tlp_ceiling, revoked_at from incident_shares where incident_id = ${id} and revoked_at is null`.execute(db);
    return { orgId: row.org_id, tlp: row.tlp, reported: row.reported_at !== null, shares: shares.rows.map((s) => ({ orgId: s.org_id, profile: s.profile, tlpCeiling: s.tlp_ceiling, revoked: false })) };
  }

  /** The caller's grant on an incident; 404 when the caller may not see it (or it does not exist), 403 when seen but not allowed. */
  async require(ctx: RequestContext, id: string, action: IncidentAction): Promise<{ actor: IncidentActor; grant: IncidentAccessGrant; facts: IncidentFacts }> {
    requirePermission(ctx, action === 'read' ? 'incidents.read' : 'incidents.write');
    const actor = await this.actor(ctx);
    const facts = await this.facts(this.#p.db, id);
    const grant = facts ? accessTo(actor, facts) : null;
    if (!facts || !grant) throw notFound('incident');
    if (!allows(grant, action)) throw forbidden(action === 'manage' ? 'only the owner of the incident may do this' : 'your access to this incident is read-only');
    return { actor, grant, facts };
  }

  /** Exactly the organisations that may see the incident now (inside the change's transaction). */
  async audience(tx: Kysely<DB>, id: string): Promise<ReturnType<typeof audienceOf>> {
    const facts = (await this.facts(tx, id))!;
    const ancestors = this.#p.orgTree.ancestors(facts.orgId);
    const around = [facts.orgId, ...ancestors];
    const soc = await sql<{ provider_id: string }>`select distinct provider_id from soc_links where client_id = any(${around}::uuid[])`.execute(tx);
    const links = await sql<{ fromOrgId: string; type: LinkGrant['type']; tlpCeiling: Tlp }>`select from_org_id as "fromOrgId", type, tlp_ceiling as "tlpCeiling" from org_links where to_org_id = any(${around}::uuid[])`.execute(tx);
    return audienceOf(facts, { ancestors, socProviders: soc.rows.map((r) => r.provider_id), links: links.rows });
  }
}
