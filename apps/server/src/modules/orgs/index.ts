export { OrgsService, loadOrganization } from './orgs.service.ts';
export { OrgStructureService } from './org-structure.service.ts';
export { OrgTree, type OrgProfile } from './org-tree.ts';
export { orgRoutes } from './orgs.routes.ts';
export { orgsRepository } from './orgs.repository.ts';
export { seedDemoNetwork } from './demo-seed.ts';
export { orgsPolicy } from './orgs.policy.ts';
