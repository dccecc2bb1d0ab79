/** Front door of the organisation module. */
export { OrgDirectoryPage } from './OrgDirectoryPage.tsx';
export { OrgDetailPage } from './OrgDetailPage.tsx';
export { OrgPicker } from './OrgPicker.tsx';
export { useOrgDirectory } from './orgs.api.ts';
export { useOrgLabels } from './useOrgLabels.ts';
export { useAssets, useSectors, useProvinces } from './orgs.api.ts';
export { orgNameIn, useOrgName } from './useOrgName.ts';
