import type { Platform } from '../../platform.types.ts';
import type { ModuleRoutes } from '../../common/module-parts.ts';
import { SystemsService } from './systems.service.ts';
import { LayersService } from './layers.service.ts';
import { registryRoutes, type RegistryRouteServices } from './registry.routes.ts';

export { SystemsService, loadSystem } from './systems.service.ts';
export { classify } from './classification.ts';
export { LayersService } from './layers.service.ts';
export { alertOnAsset, alertOnSystem } from './layers.repository.ts';
export { registryPolicy } from './registry.policy.ts';

/** The information-systems registry (systems and their four layers) and its routes. */
export interface RegistryModule extends RegistryRouteServices {
  routes: ModuleRoutes;
}

/** Builds the registry module from the platform. */
export function createRegistryModule(platform: Platform): RegistryModule {
  const systems = new SystemsService(platform);
  const services: RegistryRouteServices = { systems, systemLayers: new LayersService(platform, systems) };
  return { ...services, routes: async (app) => registryRoutes(app, services) };
}
