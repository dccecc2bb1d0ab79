import type { ApiKey, ApiKeyCreate, ApiKeyCreated, ApiKeyListQuery } from '@lachan/contracts';
import { recordChange, transact, type TransactionParts } from '../events/index.ts';
import type { RequestContext } from '../../core/context.ts';
import { conflict, forbidden, invalid, notFound } from '../../core/errors.ts';
import { requirePermission } from '../../core/authorize.ts';
import { generateApiKey } from '../auth/index.ts';
import { apiKeysPolicy } from './apikeys.policy.ts';
import { apiKeysRepository } from './apikeys.repository.ts';
import { presentApiKey } from './apikeys.presenter.ts';

/** What the API-keys module is built from: the database and relay, and the organisations keys belong to. */
export interface ApiKeysParts extends TransactionParts {
  orgTree: { ensure(): Promise<void>; exists(orgId: string): boolean };
}

/** API keys for connectors and other machines: scoped to one organisation and one role. */
export class ApiKeysService {
  #p: ApiKeysParts;
  constructor(parts: ApiKeysParts) {
    this.#p = parts;
  }

  async list(ctx: RequestContext, query: ApiKeyListQuery): Promise<ApiKey[]> {
    requirePermission(ctx, 'apikeys.manage');
    const orgIds = ctx.scope.all ? null : [...ctx.scope.manage];
    const rows = await apiKeysRepository.list(this.#p.db, orgIds, { orgId: query.orgId, includeRevoked: query.includeRevoked ?? false });
    return rows.map(presentApiKey);
  }

  /** Issues a key; the clear key is in this answer only. */
  async create(ctx: RequestContext, body: ApiKeyCreate): Promise<ApiKeyCreated> {
    requirePermission(ctx, 'apikeys.manage');
    await this.#p.orgTree.ensure();
    if (!this.#p.orgTree.exists(body.orgId)) throw invalid('the organisation does not exist');
    if (!apiKeysPolicy.mayIssue(ctx, body.orgId, body.role)) throw forbidden('you may not issue a key for that organisation with that role');
    const secret = generateApiKey();
    return transact(this.#p, async (tx) => {
      const org = await tx.selectFrom('organizations').select('status').where('id', '=', body.orgId).executeTakeFirstOrThrow();
      if (org.status !== 'active') throw conflict('the organisation is not active');
      const id = await apiKeysRepository.insert(tx, { name: body.name, orgId: body.orgId, role: body.role, prefix: secret.prefix, hash: secret.hash, createdBy: ctx.actor.type === 'user' ? ctx.actor.id : null });
      const key = presentApiKey((await apiKeysRepository.byId(tx, id))!);
      await recordChange(tx, ctx, { action: 'apikey.create', entityType: 'apikey', entityId: id, orgId: body.orgId, after: key, event: { type: 'apikey.created', audience: { orgIds: [body.orgId], roles: ['org_admin'], manage: true }, data: key } });
      return { ...key, key: secret.key };
    });
  }

  async revoke(ctx: RequestContext, id: string): Promise<ApiKey> {
    requirePermission(ctx, 'apikeys.manage');
    const current = await apiKeysRepository.byId(this.#p.db, id);
    if (!current || !apiKeysPolicy.mayManage(ctx, current.org_id)) throw notFound('API key');
    return transact(this.#p, async (tx) => {
      await apiKeysRepository.revoke(tx, id);
      const after = presentApiKey((await apiKeysRepository.byId(tx, id))!);
      await recordChange(tx, ctx, { action: 'apikey.revoke', entityType: 'apikey', entityId: id, orgId: current.org_id, before: presentApiKey(current), after, event: { type: 'apikey.revoked', audience: { orgIds: [current.org_id], roles: ['org_admin'], manage: true }, data: after } });
      return after;
    });
  }
}
