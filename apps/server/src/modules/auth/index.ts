export { AuthService, presentMe } from './auth.service.ts';
export { authRoutes } from './auth.routes.ts';
export { hashPassword, generatePassword, generateApiKey, sha256 } from './secrets.ts';
