export { DocumentsService, renderDocument, referenceNames, type RenderedDocument } from './documents.service.ts';
export { documentRoutes, sendDocument } from './documents.routes.ts';
export { periodicDocument } from './periodic-document.ts';
export { RSIT_CLASS } from './document-labels.ts';
export type { PrintDocument, DocLang } from './document.model.ts';
