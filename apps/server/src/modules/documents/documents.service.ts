import type { DocumentQuery } from '@lachan/contracts';
import type { RequestContext } from '../../core/context.ts';
import type { IncidentsService, IncidentServices } from '../incidents/index.ts';
import type { WarningsService } from '../warnings/index.ts';
import type { TransactionParts } from '../events/index.ts';
import { orgsRepository } from '../orgs/index.ts';
import { ReferenceService } from '../reference/index.ts';
import type { DocLang, PrintDocument } from './document.model.ts';
import { renderHtml } from './document-html.ts';
import { renderPdf } from './document-pdf.ts';
import { incidentDocument } from './incident-document.ts';
import { warningDocument } from './warning-document.ts';

/** A rendered document: its bytes, media type and file name. */
export interface RenderedDocument {
  contentType: 'application/pdf' | 'text/html; charset=utf-8';
  fileName: string;
  body: Buffer | string;
}

/** Renders one content model to the asked format. */
export async function renderDocument(d: PrintDocument, format: 'pdf' | 'html', now: Date): Promise<RenderedDocument> {
  if (format === 'html') return { contentType: 'text/html; charset=utf-8', fileName: `${d.fileName}.html`, body: renderHtml(d) };
  return { contentType: 'application/pdf', fileName: `${d.fileName}.pdf`, body: await renderPdf(d, now) };
}

/** Sector and province names in one language, from the reference data (codes stay as they are when unknown). */
export async function referenceNames(parts: TransactionParts, lang: DocLang): Promise<{ sector: (c: string) => string; province: (c: string) => string }> {
  const ref = new ReferenceService(parts);
  const [sectors, provinces] = await Promise.all([ref.sectors(), ref.provinces()]);
  const s = new Map(sectors.map((x) => [x.code, lang === 'vi' ? x.nameVi : x.nameEn]));
  const p = new Map(provinces.map((x) => [x.code, lang === 'vi' ? x.nameVi : x.nameEn]));
  return { sector: (c) => s.get(c) ?? c, province: (c) => p.get(c) ?? c };
}

/** What the documents module is built from: the database (and relay, for the reference data's service) and the clock. */
export interface DocumentsParts extends TransactionParts {
  now: () => Date;
}

/** The services whose reads documents are built from. */
export interface DocumentSources {
  incidents: IncidentsService;
  incidentParts: IncidentServices;
  warnings: WarningsService;
}

/**
 * Printable documents of incidents and warnings. Each is built from what the module's own read returns
 * to the caller (its access checks, TLP and redactions), never from the rows behind it.
 */
export class DocumentsService {
  #p: DocumentsParts;
  #incidents: IncidentsService;
  #parts: IncidentServices;
  #warnings: WarningsService;
  constructor(parts: DocumentsParts, deps: DocumentSources) {
    this.#p = parts;
    this.#incidents = deps.incidents;
    this.#parts = deps.incidentParts;
    this.#warnings = deps.warnings;
  }

  async incident(ctx: RequestContext, id: string, q: DocumentQuery): Promise<RenderedDocument> {
    const detail = await this.#incidents.get(ctx, id);
    const tasks = await this.#parts.collab.tasks(ctx, id);
    const now = this.#p.now();
    return renderDocument(incidentDocument(detail, tasks, q.lang ?? 'vi', now.toISOString()), q.format ?? 'pdf', now);
  }

  async warning(ctx: RequestContext, id: string, q: DocumentQuery): Promise<RenderedDocument> {
    const w = await this.#warnings.get(ctx, id);
    const lang = q.lang ?? 'vi';
    const names = await referenceNames(this.#p, lang);
    const orgs = new Map<string, string>();
    for (const orgId of w.targeting.orgIds ?? []) {
      const o = await orgsRepository.byId(this.#p.db, orgId);
      if (o) orgs.set(orgId, (lang === 'en' && o.name_en) || o.name);
    }
    const now = this.#p.now();
    const doc = warningDocument(w, lang, { ...names, org: (x) => orgs.get(x) ?? x }, now.toISOString());
    return renderDocument(doc, q.format ?? 'pdf', now);
  }
}
