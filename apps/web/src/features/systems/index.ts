/** Front door of the information systems registry console. */
export { SystemsPage } from './SystemsPage.tsx';
export { SystemPage } from './SystemPage.tsx';
export { SystemFormPage } from './SystemFormPage.tsx';
export { useSystemActivity, type SystemActivity } from './activity.api.ts';
