import type { ModuleRoutes } from '../../common/module-parts.ts';
import type { RegistryParts } from './registry-parts.ts';
import { SystemsService } from './systems.service.ts';
import { LayersService } from './layers.service.ts';
import { registryRoutes, type RegistryRouteServices } from './registry.routes.ts';

export { SystemsService, loadSystem } from './systems.service.ts';
export { classify } from './classification.ts';
export { LayersService } from './layers.service.ts';
export { alertOnAsset, alertOnSystem } from './layers.repository.ts';
export { registryPolicy } from './registry.policy.ts';
export type { RegistryParts } from './registry-parts.ts';

/** The information-systems registry (systems and their four layers) and its routes. */
export interface RegistryModule extends RegistryRouteServices {
  routes: ModuleRoutes;
}

/** Builds the registry module from its database, relay, organisation tree and clock. */
export function createRegistryModule(parts: RegistryParts): RegistryModule {
  const systems = new SystemsService(parts);
  const services: RegistryRouteServices = { systems, systemLayers: new LayersService(parts, systems) };
  return { ...services, routes: async (app) => registryRoutes(app, services) };
}
