import { readFileSync } from 'node:fs';
import type { CatalogueDetail, CatalogueDocument, CatalogueRequirementPatch, CatalogueSummary, LangText } from '@lachan/contracts';
import { hasPermission } from '@lachan/contracts';
import { recordChange, transact, type TransactionParts } from '../events/index.ts';
import type { RequestContext } from '../../core/context.ts';
import { conflict, forbidden, invalid, notFound } from '../../core/errors.ts';
import { catalogueProblems } from './catalogue-format.ts';
import { cataloguesRepository as repo, type CatalogueRow, type RequirementRow } from './catalogues.repository.ts';

/** The catalogues shipped with the platform (public-domain text only). */
const BUILT_IN = [new URL('./catalogues/nist-csf-2.0.json', import.meta.url)];

const lang = (vi: string | null, en: string | null): LangText => ({ ...(vi ? { vi } : {}), ...(en ? { en } : {}) });
const summary = (r: CatalogueRow): CatalogueSummary => ({
  id: r.id, code: r.code, version: r.version, name: lang(r.name_vi, r.name_en), source: r.source, licence: r.licence, builtIn: r.built_in,
  requirements: r.requirements, assessable: r.assessable, updatedAt: r.updated_at.toISOString(),
});
const item = (r: RequirementRow) => ({ id: r.req_id, parent: r.parent_id, title: lang(r.title_vi, r.title_en), text: lang(r.text_vi, r.text_en), levels: r.levels });

const mayRead = (ctx: RequestContext) => ctx.actor.role !== 'connector' && hasPermission(ctx.actor.role, 'orgs.read');
/** Loading and editing catalogues is the national centre's work (they carry legal text). */
const mayManage = (ctx: RequestContext) => hasPermission(ctx.actor.role, 'reference.manage');

/** Requirement catalogues: the built-in NIST CSF 2.0 and those the centre loads and edits. */
export class CataloguesService {
  #p: TransactionParts;
  #ready: Promise<void> | null = null;
  constructor(parts: TransactionParts) {
    this.#p = parts;
  }

  /** Loads the built-in catalogues once per process (idempotent: same code and version replace themselves). */
  ensureBuiltIn(): Promise<void> {
    this.#ready ??= (async () => {
      for (const url of BUILT_IN) {
        const doc = JSON.parse(readFileSync(url, 'utf8')) as CatalogueDocument;
        const existing = await repo.idByCode(this.#p.db, doc.code, doc.version);
        if (existing) continue;
        await this.#p.db.transaction().execute((tx) => repo.upsert(tx, doc, true));
      }
    })().catch((e: unknown) => {
      this.#ready = null;
      throw e;
    });
    return this.#ready;
  }

  async list(ctx: RequestContext): Promise<CatalogueSummary[]> {
    if (!mayRead(ctx)) throw forbidden();
    await this.ensureBuiltIn();
    return (await repo.list(this.#p.db)).map(summary);
  }

  async get(ctx: RequestContext, id: string): Promise<CatalogueDetail> {
    if (!mayRead(ctx)) throw forbidden();
    await this.ensureBuiltIn();
    const row = await repo.byId(this.#p.db, id);
    if (!row) throw notFound('catalogue');
    return { ...summary(row), notes: row.notes, items: (await repo.requirements(this.#p.db, id)).map(item) };
  }

  /** The catalogue as a file in the documented format (to edit offline and load again). */
  async exportDocument(ctx: RequestContext, id: string): Promise<CatalogueDocument> {
    const c = await this.get(ctx, id);
    return {
      format: 'lachan-catalogue/1', code: c.code, version: c.version, name: c.name, source: c.source, licence: c.licence, notes: c.notes,
      requirements: c.items.map((i) => ({ id: i.id, parent: i.parent, ...(i.title.vi || i.title.en ? { title: i.title } : {}), text: i.text, levels: i.levels })),
    };
  }

  /** Loads a catalogue file; a file of the same code and version replaces its tree while no campaign uses it. */
  async load(ctx: RequestContext, file: CatalogueDocument): Promise<CatalogueDetail> {
    if (!mayManage(ctx)) throw forbidden('only the national centre loads catalogues');
    // The validator's type coercion turns a JSON null into '' for a nullable string: a root is either.
    const doc = { ...file, requirements: file.requirements.map((n) => ({ ...n, parent: n.parent || null })) };
    const problems = catalogueProblems(doc);
    if (problems.length) throw invalid('the catalogue file has errors', { problems });
    await this.ensureBuiltIn();
    const existing = await repo.idByCode(this.#p.db, doc.code, doc.version);
    if (existing?.built_in) throw conflict('a built-in catalogue cannot be replaced; load it under another version');
    if (existing && (await repo.inUse(this.#p.db, existing.id))) throw conflict('a campaign uses this catalogue version; load a new version');
    const id = await transact(this.#p, async (tx) => {
      const id = await repo.upsert(tx, doc, false);
      await recordChange(tx, ctx, { action: 'catalogue.load', entityType: 'catalogue', entityId: id, orgId: null, after: { code: doc.code, version: doc.version, requirements: doc.requirements.length } });
      return id;
    });
    return this.get(ctx, id);
  }

  /** The editor: changes one requirement's texts or levels (not of a built-in catalogue, nor one a campaign uses). */
  async editRequirement(ctx: RequestContext, id: string, reqId: string, patch: CatalogueRequirementPatch): Promise<CatalogueDetail> {
    if (!mayManage(ctx)) throw forbidden('only the national centre edits catalogues');
    const row = await repo.byId(this.#p.db, id);
    if (!row) throw notFound('catalogue');
    if (row.built_in) throw conflict('a built-in catalogue is read-only');
    if (await repo.inUse(this.#p.db, id)) throw conflict('a campaign uses this catalogue version; load a new version');
    const current = (await repo.requirements(this.#p.db, id)).find((r) => r.req_id === reqId);
    if (!current) throw notFound('requirement');
    const next: RequirementRow = {
      ...current,
      title_vi: patch.title ? patch.title.vi ?? null : current.title_vi, title_en: patch.title ? patch.title.en ?? null : current.title_en,
      text_vi: patch.text ? patch.text.vi ?? null : current.text_vi, text_en: patch.text ? patch.text.en ?? null : current.text_en,
      levels: patch.levels ?? current.levels,
    };
    if (!next.text_vi && !next.text_en) throw invalid('a text in Vietnamese or English is needed');
    await transact(this.#p, async (tx) => {
      await repo.updateRequirement(tx, id, reqId, next);
      await recordChange(tx, ctx, { action: 'catalogue.edit', entityType: 'catalogue', entityId: id, orgId: null, before: item(current), after: item(next) });
    });
    return this.get(ctx, id);
  }
}
