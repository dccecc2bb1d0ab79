import type { FocalPointInput, Organization, OrgCreate, OrgListQuery, OrgPatch, OrgSummary, SocLinkCreate } from '@lachan/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/index.ts';
import { recordChange, transact, type TransactionParts } from '../events/index.ts';
import type { RequestContext } from '../../core/context.ts';
import { conflict, forbidden, invalid, notFound } from '../../core/errors.ts';
import { orgsPolicy } from './orgs.policy.ts';
import { orgsRepository, type OrgFields } from './orgs.repository.ts';
import { orgLinksRepository } from './org-links.repository.ts';
import { presentOrganization, presentOrgSummary } from './orgs.presenter.ts';
import type { OrgTree } from './org-tree.ts';

/** Loads the full record of an organisation (inside a transaction when given one). */
export async function loadOrganization(db: Kysely<DB>, id: string): Promise<Organization | null> {
  const row = await orgsRepository.byId(db, id);
  if (!row) return null;
  const [focalPoints, providers, clients, mergedFrom] = await Promise.all([
    orgLinksRepository.focalPoints(db, id),
    orgLinksRepository.socLinks(db, id, 'client'),
    orgLinksRepository.socLinks(db, id, 'provider'),
    orgsRepository.mergedFrom(db, id),
  ]);
  return presentOrganization(row, { focalPoints, providers, clients, mergedFrom });
}

export const directoryAudience = { all: true } as const;

/** What the organisations module is built from: the database and relay, and the organisation tree it keeps current. */
export interface OrgsParts extends TransactionParts {
  orgTree: OrgTree;
}

/** The organisation directory: reading it, adding units, editing records, focal points and SOC links. */
export class OrgsService {
  #p: OrgsParts;
  constructor(parts: OrgsParts) {
    this.#p = parts;
  }

  async list(ctx: RequestContext, q: OrgListQuery): Promise<OrgSummary[]> {
    if (!orgsPolicy.mayRead(ctx)) throw forbidden();
    const rows = await orgsRepository.list(this.#p.db, { ...q, status: q.status ?? 'active', limit: q.limit ?? 1000 });
    return rows.map(presentOrgSummary);
  }

  async get(ctx: RequestContext, id: string): Promise<Organization> {
    if (!orgsPolicy.mayRead(ctx)) throw forbidden();
    const org = await loadOrganization(this.#p.db, id);
    if (!org) throw notFound('organisation');
    return org;
  }

  async #validate(f: { provinceCode?: string | null | undefined; sectors?: string[] | undefined }): Promise<void> {
    if (f.provinceCode && !(await orgsRepository.provinceExists(this.#p.db, f.provinceCode))) throw invalid(`unknown province code ${f.provinceCode}`);
    const unknown = await orgsRepository.sectorsExist(this.#p.db, f.sectors ?? []);
    if (unknown.length) throw invalid(`unknown or inactive sectors: ${unknown.join(', ')}`);
  }

  async create(ctx: RequestContext, body: OrgCreate, demoKey?: string): Promise<Organization> {
    if (!orgsPolicy.mayCreateUnder(ctx, body.parentId)) throw forbidden('you may not add an organisation there');
    await this.#validate(body);
    const fields: OrgFields = {
      name: body.name, nameEn: body.nameEn ?? null, shortName: body.shortName ?? null, kind: body.kind, parentId: body.parentId,
      provinceCode: body.provinceCode ?? null, securityLevel: body.securityLevel ?? null, website: body.website ?? null,
      incidentReceptionEmail: body.incidentReceptionEmail ?? null, address: body.address ?? null, demoKey: demoKey ?? null,
    };
    const org = await transact(this.#p, async (tx) => {
      if (body.parentId) {
        const parent = await orgsRepository.byId(tx, body.parentId);
        if (!parent) throw invalid('the parent organisation does not exist');
        if (parent.status !== 'active') throw conflict('the parent organisation is not active');
      }
      const id = await orgsRepository.insert(tx, fields);
      await orgsRepository.setSectors(tx, id, body.sectors ?? []);
      const org = (await loadOrganization(tx, id))!;
      await recordChange(tx, ctx, { action: 'org.create', entityType: 'org', entityId: id, orgId: id, after: org, event: { type: 'org.created', audience: directoryAudience, data: presentSummaryOf(org) } });
      return org;
    });
    this.#p.orgTree.invalidate();
    return org;
  }

  async update(ctx: RequestContext, id: string, patch: OrgPatch): Promise<Organization> {
    if (!orgsPolicy.mayUpdate(ctx, id)) throw (await this.#exists(id)) ? forbidden('you may not edit this organisation') : notFound('organisation');
    await this.#validate(patch);
    return transact(this.#p, async (tx) => {
      const before = await loadOrganization(tx, id);
      if (!before) throw notFound('organisation');
      const { sectors, ...rest } = patch;
      const name = { name: rest.name ?? before.name, shortName: rest.shortName !== undefined ? rest.shortName : before.shortName };
      await orgsRepository.update(tx, id, rest as Partial<OrgFields>, name);
      if (sectors) await orgsRepository.setSectors(tx, id, sectors);
      const after = (await loadOrganization(tx, id))!;
      await recordChange(tx, ctx, { action: 'org.update', entityType: 'org', entityId: id, orgId: id, before, after, event: { type: 'org.updated', audience: directoryAudience, data: presentSummaryOf(after) } });
      return after;
    });
  }

  async setFocalPoints(ctx: RequestContext, id: string, points: FocalPointInput[]): Promise<Organization> {
    if (!orgsPolicy.mayUpdate(ctx, id)) throw (await this.#exists(id)) ? forbidden('you may not edit this organisation') : notFound('organisation');
    if (points.filter((p) => p.isPrimary).length > 1) throw invalid('only one focal point can be primary');
    return transact(this.#p, async (tx) => {
      const before = await loadOrganization(tx, id);
      if (!before) throw notFound('organisation');
      await orgLinksRepository.replaceFocalPoints(tx, id, points);
      const after = (await loadOrganization(tx, id))!;
      await recordChange(tx, ctx, { action: 'org.focal_points', entityType: 'org', entityId: id, orgId: id, before: before.focalPoints, after: after.focalPoints, event: { type: 'org.updated', audience: directoryAudience, data: presentSummaryOf(after) } });
      return after;
    });
  }

  async addSocClient(ctx: RequestContext, providerId: string, body: SocLinkCreate): Promise<Organization> {
    if (!orgsPolicy.mayLinkSoc(ctx, body.clientId)) throw forbidden('only the centre or the client organisation may link a SOC provider');
    const result = await transact(this.#p, async (tx) => {
      const provider = await orgsRepository.byId(tx, providerId);
      if (!provider) throw notFound('organisation');
      if (provider.kind !== 'soc_provider') throw invalid('only a SOC provider can have clients');
      if (providerId === body.clientId) throw invalid('a SOC provider cannot be its own client');
      const client = await orgsRepository.byId(tx, body.clientId);
      if (!client || client.status !== 'active') throw invalid('the client organisation does not exist or is not active');
      if (!(await orgLinksRepository.addSocLink(tx, providerId, body.clientId, body.services ?? ['monitoring'], body.since))) throw conflict('this SOC link already exists');
      const after = (await loadOrganization(tx, providerId))!;
      await recordChange(tx, ctx, { action: 'org.soc_link', entityType: 'org', entityId: providerId, orgId: body.clientId, after: { providerId, clientId: body.clientId, services: body.services }, event: { type: 'org.updated', audience: directoryAudience, data: presentSummaryOf(after) } });
      return after;
    });
    this.#p.orgTree.invalidate();
    return result;
  }

  async removeSocClient(ctx: RequestContext, providerId: string, clientId: string): Promise<Organization> {
    if (!orgsPolicy.mayLinkSoc(ctx, clientId)) throw forbidden('only the centre or the client organisation may end a SOC link');
    const result = await transact(this.#p, async (tx) => {
      if (!(await orgLinksRepository.removeSocLink(tx, providerId, clientId))) throw notFound('SOC link');
      const after = (await loadOrganization(tx, providerId))!;
      await recordChange(tx, ctx, { action: 'org.soc_unlink', entityType: 'org', entityId: providerId, orgId: clientId, before: { providerId, clientId }, event: { type: 'org.updated', audience: directoryAudience, data: presentSummaryOf(after) } });
      return after;
    });
    this.#p.orgTree.invalidate();
    return result;
  }

  async #exists(id: string): Promise<boolean> {
    return !!(await orgsRepository.byId(this.#p.db, id));
  }
}

/** The summary part of a full record (what directory events carry). */
export function presentSummaryOf(o: Organization): OrgSummary {
  return { id: o.id, name: o.name, nameEn: o.nameEn, shortName: o.shortName, kind: o.kind, parentId: o.parentId, provinceCode: o.provinceCode, sectors: o.sectors, status: o.status, mergedIntoId: o.mergedIntoId };
}
