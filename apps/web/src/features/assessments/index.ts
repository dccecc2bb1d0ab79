/** Front door of the assessments console: catalogues, campaigns, the national view and assessment tasks. */
export { AssessmentsPage } from './AssessmentsPage.tsx';
export { CataloguesPage } from './CataloguesPage.tsx';
export { CataloguePage } from './CataloguePage.tsx';
export { OverviewPage } from './OverviewPage.tsx';
export { TaskPage } from './TaskPage.tsx';
