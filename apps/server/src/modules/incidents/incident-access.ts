import type { Kysely } from 'kysely';
import type { DB } from '../../db/index.ts';
import type { IncidentAccessParts } from './incident-parts.ts';
import type { RequestContext } from '../../core/context.ts';
import { notFound } from '../../core/errors.ts';
import { accessTo, allows, audienceOf, type IncidentAccessGrant, type IncidentActor, type IncidentAction, type IncidentFacts, type LinkGrant } from './incidents.policy.ts';
import { forbidden } from '../../core/errors.ts';
import { requirePermission } from '../../core/authorize.ts';
import { incidentAccessRepository as repo } from './incident-access.repository.ts';

/** Loads what the pure policy needs: the actor's links, an incident's shares, the organisations around it. */
export class IncidentAccess {
  #p: IncidentAccessParts;
  constructor(parts: IncidentAccessParts) {
    this.#p = parts;
  }

  /** The actor with its standing links, each expanded to the linked organisation's units. Call outside transactions. */
  async actor(ctx: RequestContext): Promise<IncidentActor> {
    await this.#p.orgTree.ensure();
    const rows = await repo.linksFrom(this.#p.db, ctx.actor.orgId);
    const links = new Map<string, LinkGrant>();
    for (const l of rows) for (const id of this.#p.orgTree.subtree(l.to_org_id)) if (!links.has(id) || l.type === 'supervised') links.set(id, { type: l.type, profile: l.profile, tlpCeiling: l.tlpCeiling });
    return { orgId: ctx.actor.orgId, role: ctx.actor.role, all: ctx.scope.all, manage: ctx.scope.manage, read: ctx.scope.read, links };
  }

  /** The facts of one incident (null when it does not exist). */
  async facts(db: Kysely<DB>, id: string): Promise<IncidentFacts | null> {
    const row = await repo.incident(db, id);
    if (!row) return null;
    const shares = await repo.liveShares(db, id);
    return { orgId: row.org_id, tlp: row.tlp, reported: row.reported_at !== null, shares: shares.map((s) => ({ orgId: s.org_id, profile: s.profile, tlpCeiling: s.tlp_ceiling, revoked: false })) };
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
    const socProviders = await repo.socProvidersOf(tx, around);
    const links = await repo.linksTo(tx, around);
    return audienceOf(facts, { ancestors, socProviders, links });
  }
}
