import type { ModuleRoutes } from '../../common/module-parts.ts';
import { OrgsService, type OrgsParts } from './orgs.service.ts';
import { OrgStructureService } from './org-structure.service.ts';
import { orgRoutes } from './orgs.routes.ts';

export { OrgsService, loadOrganization, type OrgsParts } from './orgs.service.ts';
export { OrgStructureService } from './org-structure.service.ts';
export { OrgTree, type OrgProfile } from './org-tree.ts';
export { orgRoutes } from './orgs.routes.ts';
export { orgsRepository } from './orgs.repository.ts';
export { seedDemoNetwork } from './demo-seed.ts';
export { orgsPolicy } from './orgs.policy.ts';

/** The organisations module: the directory, restructuring the network, and their routes. */
export interface OrgsModule {
  orgs: OrgsService;
  orgStructure: OrgStructureService;
  routes: ModuleRoutes;
}

/** Builds the organisations module from its database, relay and the organisation tree it keeps current. */
export function createOrgsModule(parts: OrgsParts): OrgsModule {
  const orgs = new OrgsService(parts);
  const orgStructure = new OrgStructureService(parts);
  const routes: ModuleRoutes = async (app) => {
    orgRoutes(app, { orgs, orgStructure });
  };
  return { orgs, orgStructure, routes };
}
