import type { Tlp } from '@lachan/contracts';
import { tlpOf, validateObject } from '@lachan/stix';
import { requirePermission } from '../../core/authorize.ts';
import { recordChange, transact } from '../events/index.ts';
import type { RequestContext } from '../../core/context.ts';
import { AppError, forbidden, notFound } from '../../core/errors.ts';
import type { IntelParts } from './intel-parts.ts';
import { collectionAccess, collectionReaderCeiling, fitsCeiling, isVisible, mayVersionObject, writerOf, type CollectionAccess } from './intel.policy.ts';
import { stixViewAt } from './object-view.ts';
import { stixObjectsRepository, type PageRow, type StoredVersion } from './stix-objects.repository.ts';
import { stixOwnersRepository } from './stix-owners.repository.ts';
import { decideWrites, toStored } from './stix-writes.ts';
import { taxiiCollectionsRepository, type CollectionRow, type StatusRow } from './taxii-collections.repository.ts';
import { makeCursor, type TaxiiFilter } from './taxii-query.ts';
import { unstorableJson } from '../../common/storable-json.ts';

/** A collection as the caller sees it. */
export type VisibleCollection = CollectionRow & CollectionAccess;

/** One page of results as the caller may see them, where the next one starts, and the date_added span the page read. */
export interface TaxiiPage {
  rows: PageRow[];
  more: boolean;
  next: string | null;
  span: { first: string; last: string } | null;
}

/** Details of one object in a POST status. */
interface StatusDetail { id: string; version: string; message?: string }

/** TAXII 2.1 collections over the STIX knowledge base: read, write, delete and status. */
export class TaxiiService {
  readonly #p: Pick<IntelParts, 'db' | 'relay'>;

  constructor(parts: Pick<IntelParts, 'db' | 'relay'>) {
    this.#p = parts;
  }

  /** Collections the caller can read or write, with their rights. */
  async collections(ctx: RequestContext): Promise<VisibleCollection[]> {
    requirePermission(ctx, 'intel.read');
    const rows = await taxiiCollectionsRepository.list(this.#p.db);
    return rows.map((c) => ({ ...c, ...collectionAccess(ctx, c.grants) })).filter(isVisible);
  }

  /** One visible collection by id or alias, else 404. */
  async collection(ctx: RequestContext, idOrAlias: string): Promise<VisibleCollection> {
    const c = (await this.collections(ctx)).find((x) => x.id === idOrAlias || x.alias === idOrAlias);
    if (!c) throw notFound('collection');
    return c;
  }

  /** A page of object versions (with the objects, or manifest records only). */
  async page(ctx: RequestContext, collectionId: string, filter: TaxiiFilter, opts: { objectId?: string; withObject: boolean; versionsEndpoint?: boolean }): Promise<TaxiiPage> {
    const c = await this.readable(ctx, collectionId);
    if (opts.objectId !== undefined && !(await stixObjectsRepository.existsIn(this.#p.db, c.id, opts.objectId))) throw notFound('object');
    const rows = await stixObjectsRepository.page(this.#p.db, c.id, filter, { ...(opts.objectId ? { objectId: opts.objectId } : {}), withObject: opts.withObject, useVersions: !opts.versionsEndpoint });
    const more = rows.length > filter.limit;
    if (more) rows.length = filter.limit;
    const first = rows[0];
    const last = rows.at(-1);
    // Each version as this reader may see it: above the collection's ceiling (unless they reach the
    // owner) granularly marked parts are taken out, and versions with nothing left to show are left out.
    const shown = rows.flatMap((r) => {
      const view = stixViewAt(r, collectionReaderCeiling(ctx, r.owner_org_id, c.tlp_ceiling as Tlp));
      return view ? [{ ...r, object: view.object }] : [];
    });
    // One object none of whose versions this reader may see is, to them, not there.
    if (opts.objectId !== undefined && rows.length > 0 && shown.length === 0) throw notFound('object');
    return {
      rows: shown, more, next: more && last ? makeCursor(filter, { dateAdded: last.date_added, seq: last.seq }) : null,
      span: first && last ? { first: first.date_added, last: last.date_added } : null,
    };
  }

  /** Store the envelope's objects in the collection; each object succeeds or fails on its own. */
  async add(ctx: RequestContext, collectionId: string, envelope: unknown): Promise<StatusRow> {
    const c = await this.collection(ctx, collectionId);
    if (!c.canWrite) throw forbidden('you may not write to this collection');
    const objects = (envelope as { objects?: unknown } | null)?.objects;
    if (typeof envelope !== 'object' || envelope === null || Array.isArray(envelope) || !Array.isArray(objects)) {
      throw new AppError(422, 'validation_failed', 'the body must be an envelope {"objects": [...]}');
    }
    const successes: StatusDetail[] = [];
    const failures: StatusDetail[] = [];
    const ready: StoredVersion[] = [];
    const versionOf = (o: Record<string, unknown> | null): string => typeof o?.modified === 'string' ? o.modified : typeof o?.created === 'string' ? o.created : new Date().toISOString();
    const overCeiling = (tlp: string | null) => `TLP:${tlp} is above this collection's ceiling TLP:${c.tlp_ceiling}`;
    for (const o of objects) {
      const unstorable = unstorableJson(o);
      const errors = unstorable === null ? validateObject(o) : [unstorable];
      const obj = o as Record<string, unknown>;
      const id = typeof obj?.id === 'string' ? obj.id : '';
      const tlp = errors.length === 0 ? tlpOf(obj) : null;
      if (errors.length > 0) failures.push({ id, version: versionOf(obj), message: errors.join('; ') });
      else if (!fitsCeiling(tlp, c.tlp_ceiling as Tlp)) failures.push({ id, version: versionOf(obj), message: overCeiling(tlp) });
      else ready.push(toStored(obj, ctx.actor.orgId));
    }
    return transact(this.#p, async (tx) => {
      // Another organisation's object is refused here, each on its own; the rest of the envelope is stored.
      for (const d of await decideWrites(tx, writerOf(ctx), ready)) {
        const version = d.kind === 'held' ? d.version : d.v.version;
        const shownVersion = d.v.modified ?? version;
        if (d.kind === 'refused') {
          failures.push({ id: d.v.id, version: shownVersion, message: d.message });
          continue;
        }
        const isNew = d.kind === 'store' && (await stixObjectsRepository.insert(tx, d.v));
        // A version already stored enters the collection as stored, so its stored marking meets the ceiling.
        const tlp = d.kind === 'held' ? d.tlp : isNew ? d.v.tlp : (await stixObjectsRepository.markings(tx, d.v.id, version))?.tlp ?? null;
        if (!fitsCeiling(tlp as Tlp | null, c.tlp_ceiling as Tlp)) {
          failures.push({ id: d.v.id, version: shownVersion, message: overCeiling(tlp) });
          continue;
        }
        const added = await stixObjectsRepository.addToCollection(tx, c.id, d.v.id, version);
        // A version already held is not an error (the reference server reports it as a success too).
        successes.push({ id: d.v.id, version: shownVersion, message: added ? 'added to the collection' : 'this version is already in the collection' });
      }
      const status = { collection_id: c.id, org_id: ctx.actor.orgId, status: 'complete' as const, total_count: objects.length, success_count: successes.length, failure_count: failures.length, pending_count: 0, successes, failures, pendings: [] };
      const id = await taxiiCollectionsRepository.insertStatus(tx, status);
      await recordChange(tx, ctx, {
        action: 'intel.objects_added', entityType: 'taxii_collection', entityId: c.id, orgId: ctx.actor.orgId,
        after: { status: id, added: successes.map((s) => s.id), failed: failures.length },
        event: { type: 'intel.objects_added', audience: { orgIds: c.grants.filter((g) => g.can_read).map((g) => g.org_id) }, data: { collectionId: c.id, count: successes.length } },
      });
      return (await taxiiCollectionsRepository.status(tx, id))!;
    });
  }

  /** Remove versions of one object from a collection (match[version] and match[spec_version] apply). */
  async remove(ctx: RequestContext, collectionId: string, objectId: string, filter: TaxiiFilter): Promise<void> {
    const c = await this.readable(ctx, collectionId);
    if (!c.canWrite) throw forbidden('you may not delete from this collection');
    if (!(await stixObjectsRepository.existsIn(this.#p.db, c.id, objectId))) throw notFound('object');
    // Taking an organisation's object out of a shared collection is its owner's decision (or the centre's).
    const owner = await stixOwnersRepository.owner(this.#p.db, objectId);
    if (owner !== undefined && !mayVersionObject(writerOf(ctx), owner)) throw forbidden('this object belongs to another organisation: only it, or the national centre, may remove it');
    await transact(this.#p, async (tx) => {
      const removed = await stixObjectsRepository.remove(tx, c.id, objectId, filter);
      await recordChange(tx, ctx, { action: 'intel.object_removed', entityType: 'taxii_collection', entityId: c.id, orgId: ctx.actor.orgId, after: { objectId, versions: removed } });
    });
  }

  /** A status resource, to the organisation that posted it or anyone who may write the collection. */
  async status(ctx: RequestContext, id: string): Promise<StatusRow> {
    requirePermission(ctx, 'intel.read');
    const s = /^[0-9a-f-]{36}$/i.test(id) ? await taxiiCollectionsRepository.status(this.#p.db, id) : undefined;
    if (!s) throw notFound('status');
    const c = (await this.collections(ctx)).find((x) => x.id === s.collection_id);
    if (!ctx.scope.all && s.org_id !== ctx.actor.orgId && !c?.canWrite) throw notFound('status');
    return s;
  }

  /** Create a collection and its grants (the national centre's decision). */
  async createCollection(ctx: RequestContext, input: { title: string; alias?: string; description?: string; tlpCeiling: Tlp; grants: Array<{ orgId: string; canRead: boolean; canWrite: boolean }> }): Promise<string> {
    requirePermission(ctx, 'intel.manage');
    return transact(this.#p, async (tx) => {
      const id = await taxiiCollectionsRepository.insert(tx, { title: input.title, alias: input.alias ?? null, description: input.description ?? null, tlpCeiling: input.tlpCeiling, ownerOrgId: ctx.actor.orgId });
      for (const g of input.grants) await taxiiCollectionsRepository.grant(tx, id, g);
      await recordChange(tx, ctx, { action: 'intel.collection_created', entityType: 'taxii_collection', entityId: id, orgId: ctx.actor.orgId, after: input });
      return id;
    });
  }

  private async readable(ctx: RequestContext, collectionId: string): Promise<VisibleCollection> {
    const c = await this.collection(ctx, collectionId);
    if (!c.canRead) throw forbidden('you may not read this collection');
    return c;
  }
}
