/** Front door of the threat knowledge base (intel) console. */
export { KnowledgeSearchPage } from './KnowledgeSearchPage.tsx';
export { IntelObjectPage } from './IntelObjectPage.tsx';
export { IntakePage } from './IntakePage.tsx';
export { CollectionsPage } from './CollectionsPage.tsx';
