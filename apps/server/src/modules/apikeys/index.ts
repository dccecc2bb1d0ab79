import type { ModuleRoutes } from '../../common/module-parts.ts';
import { ApiKeysService, type ApiKeysParts } from './apikeys.service.ts';
import { apiKeyRoutes } from './apikeys.routes.ts';

export { ApiKeysService, type ApiKeysParts } from './apikeys.service.ts';
export { apiKeyRoutes } from './apikeys.routes.ts';
export { apiKeysRepository } from './apikeys.repository.ts';

/** The API-keys module: machines' keys and their routes. */
export interface ApiKeysModule {
  apiKeys: ApiKeysService;
  routes: ModuleRoutes;
}

/** Builds the API-keys module from its database, relay and organisation tree. */
export function createApiKeysModule(parts: ApiKeysParts): ApiKeysModule {
  const apiKeys = new ApiKeysService(parts);
  const routes: ModuleRoutes = async (app) => {
    apiKeyRoutes(app, apiKeys);
  };
  return { apiKeys, routes };
}
