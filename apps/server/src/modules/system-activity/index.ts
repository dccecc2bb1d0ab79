import type { ModuleRoutes } from '../../common/module-parts.ts';
import type { LayersService, SystemsService } from '../registry/index.ts';
import { SystemActivityService, type SystemActivityParts } from './system-activity.service.ts';
import { systemActivityRoutes } from './system-activity.routes.ts';

export { SystemActivityService, type SystemActivityParts } from './system-activity.service.ts';

/** A system's activity page and its route. */
export interface SystemActivityModule {
  activity: SystemActivityService;
  routes: ModuleRoutes;
}

/** Builds the system-activity module from its parts and the registry's two services it reads. */
export function createSystemActivityModule(
  parts: SystemActivityParts,
  registry: { systems: SystemsService; layers: LayersService },
): SystemActivityModule {
  const activity = new SystemActivityService(parts, registry);
  return { activity, routes: async (app) => systemActivityRoutes(app, activity) };
}
