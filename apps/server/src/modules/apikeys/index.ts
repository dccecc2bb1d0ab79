export { ApiKeysService } from './apikeys.service.ts';
export { apiKeyRoutes } from './apikeys.routes.ts';
export { apiKeysRepository } from './apikeys.repository.ts';
