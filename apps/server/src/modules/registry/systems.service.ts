import type {
  ClassificationAnswers, ClassificationResult, InformationSystem, SystemCreate, SystemImportResult, SystemListQuery, SystemPatch, SystemSummary,
} from '@lachan/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/index.ts';
import { recordChange, transact } from '../events/index.ts';
import type { RequestContext } from '../../core/context.ts';
import { conflict, forbidden, invalid, notFound } from '../../core/errors.ts';
import { classify } from './classification.ts';
import { LIVE_HOURS } from './layers.repository.ts';
import { registryPolicy } from './registry.policy.ts';
import type { RegistryParts } from './registry-parts.ts';
import { presentSummary, presentSystem } from './registry.presenter.ts';
import { formatSystemsCsv, parseSystemsCsv, type SystemCsvRow } from './systems-csv.ts';
import { systemsRepository as repo, type SystemFields, type SystemRow } from './systems.repository.ts';

/** Loads the full record of a system (inside a transaction when given one). */
export async function loadSystem(db: Kysely<DB>, id: string): Promise<InformationSystem | null> {
  const row = await repo.byId(db, id);
  if (!row) return null;
  const [assets, deps] = await Promise.all([repo.assetsOf(db, [id]), repo.dependencies(db, id)]);
  return presentSystem(row, assets, deps);
}

const audience = (orgId: string) => ({ orgIds: [orgId], manage: true });

/** The information systems registry: each organisation's systems, levels, assets and dependencies. */
export class SystemsService {
  #p: RegistryParts;
  constructor(parts: RegistryParts) {
    this.#p = parts;
  }

  async list(ctx: RequestContext, q: SystemListQuery): Promise<SystemSummary[]> {
    if (!registryPolicy.mayList(ctx)) throw forbidden();
    if (q.orgId && !registryPolicy.mayRead(ctx, q.orgId)) throw forbidden('that organisation is outside your scope');
    const orgIds = q.orgId ? await this.#subtree(q.orgId) : ctx.scope.all ? null : [...ctx.scope.manage];
    const liveSince = new Date(this.#p.now().getTime() - LIVE_HOURS * 3_600_000);
    const rows = await repo.list(this.#p.db, {
      orgIds, level: q.level, critical: q.critical, q: q.q, status: q.status ?? 'active', functionType: q.functionType, monitored: q.monitored, connected: q.connected,
      liveSince, limit: q.limit ?? 1000,
    });
    return rows.map(presentSummary);
  }

  async get(ctx: RequestContext, id: string): Promise<InformationSystem> {
    const sys = await loadSystem(this.#p.db, id);
    if (!sys || !registryPolicy.mayRead(ctx, sys.orgId)) throw notFound('information system');
    return sys;
  }

  /** The organisation id of a system the caller may read (other modules use it to scope their queries). */
  async readable(ctx: RequestContext, id: string): Promise<SystemRow> {
    const row = await repo.byId(this.#p.db, id);
    if (!row || !registryPolicy.mayRead(ctx, row.org_id)) throw notFound('information system');
    return row;
  }

  classify(components: ClassificationAnswers[]): ClassificationResult {
    return classify(components);
  }

  async create(ctx: RequestContext, body: SystemCreate): Promise<InformationSystem> {
    if (!registryPolicy.mayWrite(ctx, body.orgId)) throw forbidden('you may not register systems for this organisation');
    const fields = toFields(body.orgId, {
      name: body.name, description: body.description ?? null, operatorOrgId: body.operatorOrgId ?? null, operatorName: body.operatorName ?? null,
      functionType: body.functionType, dataClasses: body.dataClasses, usersServed: body.usersServed ?? null, securityLevel: body.securityLevel ?? null,
      approval: body.approval ?? null, critical: body.critical ?? false,
    });
    return transact(this.#p, async (tx) => {
      await this.#checkOrgs(tx, fields);
      if (await repo.activeByName(tx, body.orgId, body.name)) throw conflict('the organisation already has a system of that name');
      const id = await repo.insert(tx, fields);
      await this.#setLinks(ctx, tx, id, body.orgId, body.assetIds ?? [], body.dependsOn ?? []);
      const after = (await loadSystem(tx, id))!;
      await recordChange(tx, ctx, { action: 'system.create', entityType: 'information_system', entityId: id, orgId: body.orgId, after, event: { type: 'system.changed', audience: audience(body.orgId), data: { id, orgId: body.orgId } } });
      return after;
    });
  }

  async update(ctx: RequestContext, id: string, patch: SystemPatch): Promise<InformationSystem> {
    const current = await repo.byId(this.#p.db, id);
    if (!current || !registryPolicy.mayRead(ctx, current.org_id)) throw notFound('information system');
    if (!registryPolicy.mayWrite(ctx, current.org_id)) throw forbidden('you may not edit this system');
    if (current.status !== 'active') throw conflict('a retired system cannot be edited');
    return transact(this.#p, async (tx) => {
      const before = (await loadSystem(tx, id))!;
      const fields = toFields(current.org_id, { ...before, ...patch });
      await this.#checkOrgs(tx, fields);
      const namesake = patch.name ? await repo.activeByName(tx, current.org_id, patch.name) : null;
      if (namesake && namesake !== id) throw conflict('the organisation already has a system of that name');
      await repo.update(tx, id, fields);
      await this.#setLinks(ctx, tx, id, current.org_id, patch.assetIds ?? before.assets.map((a) => a.id), patch.dependsOn ?? before.dependsOn.map((d) => d.id));
      const after = (await loadSystem(tx, id))!;
      await recordChange(tx, ctx, { action: 'system.update', entityType: 'information_system', entityId: id, orgId: current.org_id, before, after, event: { type: 'system.changed', audience: audience(current.org_id), data: { id, orgId: current.org_id } } });
      return after;
    });
  }

  async retire(ctx: RequestContext, id: string, reason: string): Promise<InformationSystem> {
    const current = await repo.byId(this.#p.db, id);
    if (!current || !registryPolicy.mayRead(ctx, current.org_id)) throw notFound('information system');
    if (!registryPolicy.mayWrite(ctx, current.org_id)) throw forbidden('you may not retire this system');
    if (current.status !== 'active') throw conflict('the system is already retired');
    return transact(this.#p, async (tx) => {
      await repo.retire(tx, id);
      const after = (await loadSystem(tx, id))!;
      await recordChange(tx, ctx, { action: 'system.retire', entityType: 'information_system', entityId: id, orgId: current.org_id, after: { reason }, event: { type: 'system.changed', audience: audience(current.org_id), data: { id, orgId: current.org_id } } });
      return after;
    });
  }

  /** The registry of an organisation's subtree as CSV (what `importCsv` reads back). */
  async exportCsv(ctx: RequestContext, orgId: string | undefined): Promise<string> {
    if (!registryPolicy.mayList(ctx)) throw forbidden();
    const root = orgId ?? ctx.actor.orgId;
    if (!registryPolicy.mayRead(ctx, root)) throw forbidden('that organisation is outside your scope');
    const rows = await repo.fullRowsOf(this.#p.db, await this.#subtree(root));
    const assets = new Map<string, string[]>();
    for (const a of await repo.assetsOf(this.#p.db, rows.map((r) => r.id))) (assets.get(a.system_id) ?? assets.set(a.system_id, []).get(a.system_id)!).push(`${a.kind}:${a.value}`);
    return formatSystemsCsv(rows, assets);
  }

  /**
   * Loads an organisation's list of systems from CSV: every row checked first (errors with line and
   * column; nothing stored when any), then each system created or, by name, updated in one transaction.
   */
  async importCsv(ctx: RequestContext, orgId: string, text: string): Promise<SystemImportResult> {
    if (!registryPolicy.mayWrite(ctx, orgId)) throw forbidden('you may not register systems for this organisation');
    const { rows, errors } = parseSystemsCsv(text);
    const assetIds = await repo.assetsByValue(this.#p.db, orgId);
    const resolved = rows.map((r) => ({ row: r, assets: r.assets.map((a) => assetIds.get(a)) }));
    for (const { row, assets } of resolved) {
      const missing = row.assets.filter((_, i) => !assets[i]);
      if (missing.length) errors.push({ line: row.line, column: 'assets', message: `not registered assets of this organisation: ${missing.join(', ')}` });
    }
    if (errors.length) throw invalid('the file has errors; nothing was imported', { errors: errors.sort((a, b) => a.line - b.line) });
    if (!rows.length) throw invalid('the file has no systems');
    return transact(this.#p, async (tx) => {
      let created = 0;
      let updated = 0;
      for (const { row, assets } of resolved) {
        const fields = csvFields(orgId, row);
        const existing = await repo.activeByName(tx, orgId, row.name);
        const id = existing ?? (await repo.insert(tx, fields));
        if (existing) await repo.update(tx, existing, fields);
        await this.#setAssets(tx, id, orgId, assets as string[]);
        if (existing) updated++;
        else created++;
      }
      await recordChange(tx, ctx, { action: 'system.import', entityType: 'org', entityId: orgId, orgId, after: { created, updated }, event: { type: 'system.changed', audience: audience(orgId), data: { orgId } } });
      return { created, updated };
    });
  }

  async #subtree(orgId: string): Promise<string[]> {
    await this.#p.orgTree.ensure();
    return [...this.#p.orgTree.subtree(orgId)];
  }

  async #checkOrgs(tx: Kysely<DB>, f: SystemFields): Promise<void> {
    const ids = [f.org_id, f.operator_org_id].filter((x): x is string => !!x);
    const found = await tx.selectFrom('organizations').select(['id', 'status']).where('id', 'in', ids).execute();
    const owner = found.find((o) => o.id === f.org_id);
    if (!owner || owner.status !== 'active') throw invalid('the owner organisation does not exist or is not active');
    if (f.operator_org_id && !found.some((o) => o.id === f.operator_org_id)) throw invalid('the operator organisation does not exist');
  }

  async #setLinks(ctx: RequestContext, tx: Kysely<DB>, id: string, orgId: string, assetIds: string[], dependsOn: string[]): Promise<void> {
    await this.#setAssets(tx, id, orgId, assetIds);
    if (dependsOn.includes(id)) throw invalid('a system cannot depend on itself');
    const refs = await repo.refs(tx, dependsOn);
    const unknown = dependsOn.filter((d) => !refs.some((r) => r.id === d && registryPolicy.mayRead(ctx, r.org_id)));
    if (unknown.length) throw invalid(`unknown systems to depend on: ${unknown.join(', ')}`);
    await repo.replaceDependencies(tx, id, dependsOn);
  }

  async #setAssets(tx: Kysely<DB>, id: string, orgId: string, assetIds: string[]): Promise<void> {
    const owned = await repo.assetOwnership(tx, assetIds);
    const foreign = assetIds.filter((a) => !owned.some((o) => o.id === a && o.org_id === orgId));
    if (foreign.length) throw invalid(`not registered assets of the owner: ${foreign.join(', ')}`);
    const taken = owned.filter((o) => o.system_id && o.system_id !== id);
    if (taken.length) throw conflict('an asset already belongs to another system', { assetIds: taken.map((t) => t.id) });
    await repo.replaceAssets(tx, id, assetIds);
  }
}

type Editable = Pick<InformationSystem, 'name' | 'description' | 'operatorOrgId' | 'operatorName' | 'functionType' | 'dataClasses' | 'usersServed' | 'securityLevel' | 'approval' | 'critical'>;

function toFields(orgId: string, e: Editable): SystemFields {
  if (e.approval && e.securityLevel === null) throw invalid('an approval decision needs the level it approved');
  return {
    org_id: orgId, name: e.name.trim(), description: e.description, operator_org_id: e.operatorOrgId, operator_name: e.operatorName,
    function_type: e.functionType, data_classes: [...e.dataClasses], users_served: e.usersServed, security_level: e.securityLevel,
    approval_number: e.approval?.number ?? null, approval_date: e.approval?.date ?? null, approver: e.approval?.approver ?? null, critical: e.critical,
  };
}

const csvFields = (orgId: string, r: SystemCsvRow): SystemFields => toFields(orgId, {
  name: r.name, description: r.description, operatorOrgId: null, operatorName: r.operatorName, functionType: r.functionType, dataClasses: r.dataClasses,
  usersServed: r.usersServed, securityLevel: r.securityLevel, approval: r.approval, critical: r.critical,
});
