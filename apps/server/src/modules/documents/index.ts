import type { ModuleRoutes } from '../../common/module-parts.ts';
import { DocumentsService, type DocumentsParts, type DocumentSources } from './documents.service.ts';
import { documentRoutes } from './documents.routes.ts';

export {
  DocumentsService, renderDocument, referenceNames, type DocumentsParts, type DocumentSources, type RenderedDocument,
} from './documents.service.ts';
export { documentRoutes, sendDocument } from './documents.routes.ts';
export { periodicDocument } from './periodic-document.ts';
export { RSIT_CLASS } from './document-labels.ts';
export type { PrintDocument, DocLang } from './document.model.ts';

/** The documents module: printable incidents and warnings, and their routes. */
export interface DocumentsModule {
  documents: DocumentsService;
  routes: ModuleRoutes;
}

/** Builds the documents module from its parts and the incident and warning services documents are read from. */
export function createDocumentsModule(parts: DocumentsParts, sources: DocumentSources): DocumentsModule {
  const documents = new DocumentsService(parts, sources);
  const routes: ModuleRoutes = async (app) => {
    documentRoutes(app, documents);
  };
  return { documents, routes };
}
