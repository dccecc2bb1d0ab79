export { AuthService, presentMe } from './auth.service.ts';
export { authRoutes } from './auth.routes.ts';
export { hashPassword, generatePassword, generateApiKey, sha256 } from './secrets.ts';
export { CREDENTIALS_CHANGED, concerns, credentialSignal, type Credential, type CredentialSignal } from './credentials.ts';
export { actorNow, contextNow, sameStanding } from './credential-check.ts';
export { CredentialWatch } from './credential-watch.ts';
