import { foldDiacritics, type IntelCollectionPatch, type IntelObjectQuery } from '@lachan/contracts';
import { requirePermission } from '../../core/authorize.ts';
import { recordChange, transact } from '../events/index.ts';
import type { RequestContext } from '../../core/context.ts';
import { forbidden, invalid, notFound } from '../../core/errors.ts';
import type { IntelParts } from './intel-parts.ts';
import type { FeedRow } from './feeds.service.ts';
import { intelAdminRepository, type AdminCollectionRow } from './intel-admin.repository.ts';
import { mayAdministerCollections, readerCeiling } from './intel.policy.ts';
import { displayName, viewAt } from './object-view.ts';
import { exerciseKnowledgeScope } from './exercise-scope.ts';
import { knowledgeRepository, type EdgeRow, type ObjectSummaryRow, type VersionRow } from './knowledge.repository.ts';
import { taxiiCollectionsRepository } from './taxii-collections.repository.ts';

/** Most relationships drawn around one object. */
export const GRAPH_LIMIT = 300;

/** One object with its graph, as the service answers it. */
export interface ObjectView {
  row: ObjectSummaryRow & { object: Record<string, unknown> };
  /** Selectors of the parts taken out because granular markings put them above what the caller may see. */
  withheld: string[];
  nodes: ObjectSummaryRow[];
  edges: EdgeRow[];
  sightings: { stix: number; alerts: number };
  versionCount: number;
}

const encodeCursor = (r: { version: string; id: string }): string => Buffer.from(JSON.stringify([r.version, r.id])).toString('base64url');

function decodeCursor(cursor: string): { version: string; id: string } {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string') return { version: v[0], id: v[1] };
  } catch { /* answered below */ }
  throw invalid('cursor is not a value this server gave');
}

const blank = (s: string | undefined): string | null => (s === undefined || s.trim() === '' ? null : s.trim());

/** The analysts' view of the knowledge base: search, objects with their graph and versions, collection administration. */
export class KnowledgeService {
  readonly #p: Pick<IntelParts, 'db' | 'relay'>;

  constructor(parts: Pick<IntelParts, 'db' | 'relay'>) {
    this.#p = parts;
  }

  /** Newest version of each visible object matching the filters, newest first, keyset-paged. */
  async search(ctx: RequestContext, q: IntelObjectQuery): Promise<{ rows: ObjectSummaryRow[]; nextCursor: string | null }> {
    requirePermission(ctx, 'intel.read');
    const limit = q.limit ?? 50;
    const text = blank(q.q);
    const types = blank(q.type)?.split(',').map((t) => t.trim()).filter(Boolean) ?? null;
    const scope = await exerciseKnowledgeScope(this.#p.db, ctx, q.exerciseId);
    const rows = await knowledgeRepository.search(this.#p.db, scope, {
      folded: text === null ? null : foldDiacritics(text), types, actor: blank(q.actor), technique: blank(q.technique),
      tlp: q.tlp ?? null, after: q.cursor ? decodeCursor(q.cursor) : null, limit,
    });
    const more = rows.length > limit;
    if (more) rows.length = limit;
    return { rows: this.shown(ctx, rows), nextCursor: more ? encodeCursor(rows.at(-1)!) : null };
  }

  /** One visible object, its visible relationships both ways (with the objects at their other ends) and sightings. */
  async object(ctx: RequestContext, id: string, exerciseId?: string): Promise<ObjectView> {
    requirePermission(ctx, 'intel.read');
    const db = this.#p.db;
    const scope = await exerciseKnowledgeScope(db, ctx, exerciseId);
    const stored = await knowledgeRepository.latest(db, scope, id);
    const view = stored ? viewAt(stored, readerCeiling(ctx, stored.owner_org_id)) : null;
    if (!stored || !view) throw notFound('object');
    const row = { ...stored, object: view.object, name: displayName(view.object, stored.id) };
    const rels = await knowledgeRepository.edges(db, scope, id, GRAPH_LIMIT);
    const others = [...new Set(rels.flatMap((e) => [e.source, e.target]).filter((x) => x !== id))];
    const nodes = this.shown(ctx, await knowledgeRepository.summaries(db, scope, others));
    const seen = new Set([id, ...nodes.map((n) => n.id)]);
    const edges = rels.filter((e) => seen.has(e.source) && seen.has(e.target));
    const [sightings, versions] = await Promise.all([knowledgeRepository.sightings(db, scope, id), this.versions(ctx, id, exerciseId)]);
    return { row, withheld: view.withheld, nodes: [row, ...nodes], edges, sightings, versionCount: versions.length };
  }

  /** Every version of one object the caller may see, newest first. */
  async versions(ctx: RequestContext, id: string, exerciseId?: string): Promise<VersionRow[]> {
    requirePermission(ctx, 'intel.read');
    const scope = await exerciseKnowledgeScope(this.#p.db, ctx, exerciseId);
    const rows = (await knowledgeRepository.versions(this.#p.db, scope, id)).flatMap((r) => {
      const view = viewAt(r, readerCeiling(ctx, r.owner_org_id));
      return view ? [{ ...r, object: view.object }] : [];
    });
    if (rows.length === 0) throw notFound('object');
    return rows;
  }

  /** Summaries as the caller may see them: named from what remains of a granularly marked object, left out when nothing does. */
  private shown(ctx: RequestContext, rows: ObjectSummaryRow[]): ObjectSummaryRow[] {
    return rows.flatMap((r) => {
      if (r.object === null) return [r];
      const view = viewAt(r, readerCeiling(ctx, r.owner_org_id));
      return view ? [{ ...r, name: displayName(view.object, r.id), object: null }] : [];
    });
  }

  /** Every collection with its grants (the national centre only). */
  async collections(ctx: RequestContext): Promise<AdminCollectionRow[]> {
    this.administer(ctx);
    return intelAdminRepository.collections(this.#p.db);
  }

  /** Change a collection's title, description, TLP ceiling or grants (replaced as a whole), audited. */
  async updateCollection(ctx: RequestContext, id: string, patch: IntelCollectionPatch): Promise<AdminCollectionRow> {
    this.administer(ctx);
    const db = this.#p.db;
    const before = /^[0-9a-f-]{36}$/i.test(id) ? (await intelAdminRepository.collections(db, id))[0] : undefined;
    if (!before) throw notFound('collection');
    if (patch.grants) {
      const unknown = await intelAdminRepository.unknownOrgs(db, patch.grants.map((g) => g.orgId));
      if (unknown.length > 0) throw invalid('grants name organisations that do not exist', { orgIds: unknown });
    }
    return transact(this.#p, async (tx) => {
      await intelAdminRepository.update(tx, id, patch);
      if (patch.grants) {
        await intelAdminRepository.clearGrants(tx, id);
        for (const g of patch.grants) await taxiiCollectionsRepository.grant(tx, id, g);
      }
      const after = (await intelAdminRepository.collections(tx, id))[0]!;
      await recordChange(tx, ctx, {
        action: 'intel.collection_updated', entityType: 'taxii_collection', entityId: id, orgId: ctx.actor.orgId,
        before: { title: before.title, description: before.description, tlpCeiling: before.tlp_ceiling, grants: before.grants },
        after: { title: after.title, description: after.description, tlpCeiling: after.tlp_ceiling, grants: after.grants },
      });
      return after;
    });
  }

  /** Feeds of the caller's organisations (every feed for the centre). */
  async feeds(ctx: RequestContext): Promise<FeedRow[]> {
    requirePermission(ctx, 'intel.read');
    return intelAdminRepository.feeds(this.#p.db, ctx.scope);
  }

  private administer(ctx: RequestContext): void {
    if (!mayAdministerCollections(ctx)) throw forbidden('only the national centre administers TAXII collections');
  }
}
