import type { Asset, AssetCreate } from '@lachan/contracts';
import { isIP } from 'node:net';
import { canRead, type RequestContext } from '../../core/context.ts';
import { requirePermission } from '../../core/authorize.ts';
import { conflict, forbidden, invalid, notFound } from '../../core/errors.ts';
import { recordChange, transact } from '../events/index.ts';
import type { AlertsParts } from './alerts-parts.ts';
import { orgsPolicy } from '../orgs/index.ts';
import type { AssetCache } from './asset-cache.ts';

type AssetRow = { id: string; org_id: string; kind: 'cidr' | 'domain' | 'hostname'; value: string; description: string | null; created_at: Date };
const present = (r: AssetRow): Asset => ({ id: r.id, orgId: r.org_id, kind: r.kind, value: r.value, description: r.description, createdAt: r.created_at.toISOString() });

/** Canonical form of an asset value, or an error message. */
export function normaliseAsset(kind: AssetCreate['kind'], value: string): string | { error: string } {
  const v = value.trim().toLowerCase();
  if (kind === 'cidr') {
    const [addr, bits, extra] = v.split('/');
    const family = isIP(addr ?? '');
    const max = family === 4 ? 32 : 128;
    if (!family || extra !== undefined || (bits !== undefined && !(/^\d{1,3}$/.test(bits) && Number(bits) <= max))) return { error: 'an address range is an IP address with an optional /prefix' };
    return bits === undefined ? `${addr}/${max}` : v;
  }
  const name = v.replace(/\.$/, '');
  if (!/^(?=.{1,253}$)([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)(\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)*$/.test(name)) return { error: `not a valid ${kind}` };
  return name;
}

/** What organisations own (address ranges, domains, host names), used to attribute alerts. */
export class AssetsService {
  #p: AlertsParts;
  #cache: AssetCache;
  constructor(parts: AlertsParts, cache: AssetCache) {
    this.#p = parts;
    this.#cache = cache;
  }

  async list(ctx: RequestContext, orgId: string): Promise<Asset[]> {
    if (!canRead(ctx.scope, orgId)) throw forbidden('that organisation is outside your scope');
    const rows = await this.#p.db.selectFrom('assets').selectAll().where('org_id', '=', orgId).orderBy('kind').orderBy('value').execute();
    return rows.map(present);
  }

  async add(ctx: RequestContext, orgId: string, body: AssetCreate): Promise<Asset> {
    requirePermission(ctx, 'orgs.update');
    if (!orgsPolicy.mayUpdate(ctx, orgId)) throw forbidden('you may not register assets for this organisation');
    const value = normaliseAsset(body.kind, body.value);
    if (typeof value !== 'string') throw invalid(value.error);
    const asset = await transact(this.#p, async (tx) => {
      const taken = await tx.selectFrom('assets').select('org_id').where('kind', '=', body.kind).where('value', '=', value).executeTakeFirst();
      if (taken) throw conflict(taken.org_id === orgId ? 'this asset is already registered' : 'this asset is registered to another organisation');
      const row = await tx.insertInto('assets').values({ org_id: orgId, kind: body.kind, value, description: body.description ?? null }).returningAll().executeTakeFirstOrThrow();
      const asset = present(row);
      await recordChange(tx, ctx, { action: 'asset.create', entityType: 'asset', entityId: row.id, orgId, after: asset, event: { type: 'asset.changed', audience: { orgIds: [orgId] }, data: asset } });
      return asset;
    });
    this.#cache.invalidate();
    return asset;
  }

  async remove(ctx: RequestContext, id: string): Promise<Asset> {
    const row = await this.#p.db.selectFrom('assets').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row || !canRead(ctx.scope, row.org_id)) throw notFound('asset');
    if (!orgsPolicy.mayUpdate(ctx, row.org_id)) throw forbidden('you may not remove assets of this organisation');
    await transact(this.#p, async (tx) => {
      await tx.deleteFrom('assets').where('id', '=', id).execute();
      await recordChange(tx, ctx, { action: 'asset.delete', entityType: 'asset', entityId: id, orgId: row.org_id, before: present(row), event: { type: 'asset.changed', audience: { orgIds: [row.org_id] }, data: { id, removed: true } } });
    });
    this.#cache.invalidate();
    return present(row);
  }
}
