export { SystemsService, loadSystem } from './systems.service.ts';
export { registryRoutes } from './registry.routes.ts';
export { classify } from './classification.ts';
export { LayersService } from './layers.service.ts';
export { alertOnAsset, alertOnSystem } from './layers.repository.ts';
export { registryPolicy } from './registry.policy.ts';
