/** Front door of the alerts module. */
export { AlertStreamPage } from './AlertStreamPage.tsx';
export { AlertDetailPage } from './AlertDetailPage.tsx';
export { SourcesPage } from './SourcesPage.tsx';
export { QuarantinePage } from './QuarantinePage.tsx';
export { SuppressionsPage } from './SuppressionsPage.tsx';
