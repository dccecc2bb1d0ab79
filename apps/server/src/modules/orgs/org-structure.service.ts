import type { Organization, OrgHistoryEntry } from '@lachan/contracts';
import { recordChange, transact } from '../events/index.ts';
import type { RequestContext } from '../../core/context.ts';
import { conflict, forbidden, invalid, notFound } from '../../core/errors.ts';
import { auditRepository } from '../audit/index.ts';
import { usersRepository } from '../users/index.ts';
import { apiKeysRepository } from '../apikeys/index.ts';
import { orgsPolicy } from './orgs.policy.ts';
import { orgsRepository } from './orgs.repository.ts';
import { orgLinksRepository } from './org-links.repository.ts';
import { directoryAudience, loadOrganization, presentSummaryOf, type OrgsParts } from './orgs.service.ts';

/**
 * Restructuring the network (agencies merge, units move, bodies are dissolved). Records are never
 * deleted: a merged unit keeps its id and its records, and the organisation it merged into sees them.
 */
export class OrgStructureService {
  #p: OrgsParts;
  constructor(parts: OrgsParts) {
    this.#p = parts;
  }

  async move(ctx: RequestContext, id: string, parentId: string | null): Promise<Organization> {
    if (!orgsPolicy.mayRestructure(ctx)) throw forbidden('only the national centre restructures the network');
    await this.#p.orgTree.ensure();
    if (parentId && this.#p.orgTree.subtree(id).has(parentId)) throw invalid('an organisation cannot move under itself or one of its units');
    const result = await transact(this.#p, async (tx) => {
      const before = await loadOrganization(tx, id);
      if (!before) throw notFound('organisation');
      if (before.status !== 'active') throw conflict('only an active organisation can move');
      if (parentId) {
        const parent = await orgsRepository.byId(tx, parentId);
        if (!parent || parent.status !== 'active') throw invalid('the new parent does not exist or is not active');
      }
      await orgsRepository.update(tx, id, { parentId });
      const after = (await loadOrganization(tx, id))!;
      await recordChange(tx, ctx, { action: 'org.move', entityType: 'org', entityId: id, orgId: id, before: { parentId: before.parentId }, after: { parentId }, event: { type: 'org.moved', audience: directoryAudience, data: presentSummaryOf(after) } });
      return after;
    });
    this.#p.orgTree.invalidate();
    return result;
  }

  /** Merges `id` into `intoId`: its units, accounts, keys and SOC links move over; its records stay and stay visible. */
  async merge(ctx: RequestContext, id: string, intoId: string, reason: string): Promise<Organization> {
    if (!orgsPolicy.mayRestructure(ctx)) throw forbidden('only the national centre restructures the network');
    if (id === intoId) throw invalid('an organisation cannot merge into itself');
    await this.#p.orgTree.ensure();
    if (this.#p.orgTree.subtree(id).has(intoId)) throw invalid('an organisation cannot merge into one of its own units');
    const result = await transact(this.#p, async (tx) => {
      const gone = await loadOrganization(tx, id);
      const into = await loadOrganization(tx, intoId);
      if (!gone || !into) throw notFound('organisation');
      if (gone.status !== 'active' || into.status !== 'active') throw conflict('both organisations must be active');
      const movedUnits = await orgsRepository.reparentChildren(tx, id, intoId);
      await usersRepository.moveOrg(tx, id, intoId);
      await apiKeysRepository.moveOrg(tx, id, intoId);
      await orgLinksRepository.moveSocLinks(tx, id, intoId);
      await orgsRepository.setSectors(tx, intoId, [...new Set([...into.sectors, ...gone.sectors])]);
      await orgsRepository.setStatus(tx, id, 'merged', intoId);
      const after = (await loadOrganization(tx, intoId))!;
      const merged = (await loadOrganization(tx, id))!;
      const detail = { mergedId: id, mergedName: gone.name, intoId, intoName: into.name, reason, movedUnits };
      await recordChange(tx, ctx, { action: 'org.merge', entityType: 'org', entityId: id, orgId: id, before: gone, after: { ...detail, status: 'merged' } });
      await recordChange(tx, ctx, { action: 'org.absorb', entityType: 'org', entityId: intoId, orgId: intoId, before: into, after: { ...detail, record: after }, event: { type: 'org.merged', audience: directoryAudience, data: { merged: presentSummaryOf(merged), into: presentSummaryOf(after) } } });
      return after;
    });
    this.#p.orgTree.invalidate();
    return result;
  }

  /** Retires an organisation with no active units; its accounts are disabled and its keys revoked. */
  async retire(ctx: RequestContext, id: string, reason: string): Promise<Organization> {
    if (!orgsPolicy.mayRestructure(ctx)) throw forbidden('only the national centre restructures the network');
    if (id === ctx.actor.orgId) throw invalid('you cannot retire your own organisation');
    const result = await transact(this.#p, async (tx) => {
      const before = await loadOrganization(tx, id);
      if (!before) throw notFound('organisation');
      if (before.status !== 'active') throw conflict('the organisation is not active');
      const units = await orgsRepository.activeChildren(tx, id);
      if (units > 0) throw conflict(`it still has ${units} active units: move or retire them first`, { activeUnits: units });
      await orgsRepository.setStatus(tx, id, 'retired', null);
      await usersRepository.disableOrg(tx, id);
      await apiKeysRepository.revokeOrg(tx, id);
      const after = (await loadOrganization(tx, id))!;
      await recordChange(tx, ctx, { action: 'org.retire', entityType: 'org', entityId: id, orgId: id, before, after: { status: 'retired', reason }, event: { type: 'org.retired', audience: directoryAudience, data: presentSummaryOf(after) } });
      return after;
    });
    this.#p.orgTree.invalidate();
    return result;
  }

  /** The organisation's life as recorded in the audit log: creation, edits, moves, merges, retirement. */
  async history(ctx: RequestContext, id: string): Promise<OrgHistoryEntry[]> {
    if (!orgsPolicy.mayRead(ctx)) throw forbidden();
    if (!(await orgsRepository.byId(this.#p.db, id))) throw notFound('organisation');
    const rows = await auditRepository.list(this.#p.db, { orgIds: null, entityType: 'org', entityId: id, limit: 200 });
    return rows.map((r) => ({ id: r.id, at: r.at.toISOString(), action: r.action, actorName: r.actor_name, before: r.before, after: r.after }));
  }
}
