import type { CredentialFollower } from '../events/index.ts';
import type { ModuleRoutes } from '../../common/module-parts.ts';
import { AuthService } from './auth.service.ts';
import { authRoutes } from './auth.routes.ts';
import { SecondFactorService } from './second-factor.service.ts';
import { secondFactorRoutes } from './second-factor.routes.ts';
import { AccountService } from './account.service.ts';
import { accountRoutes } from './account.routes.ts';
import type { AuthParts } from './auth-parts.ts';
import { credentialFollower } from './credential-check.ts';

export { AuthService, presentMe, type Caller, type OpenedSession } from './auth.service.ts';
export { SecondFactorService } from './second-factor.service.ts';
export { secondFactorRepository } from './second-factor.repository.ts';
export { throttleRepository } from './throttle.repository.ts';
export { assertStrongPassword, passwordProblem, type PasswordOwner } from './password-policy.ts';
export { totpCodeAt } from './totp.ts';
export { hashPassword, generatePassword, generateApiKey, sha256 } from './secrets.ts';
export { CREDENTIALS_CHANGED, concerns, credentialSignal, type Credential, type CredentialSignal } from './credential-signal.ts';
export { actorNow, contextNow, sameStanding, credentialFollower } from './credential-check.ts';
export type { AuthParts, OrgScopes } from './auth-parts.ts';
export { CredentialWatch } from './credential-watch.ts';
export { AccountService } from './account.service.ts';
export { callerOf, DEVICE_COOKIE, SESSION_COOKIE } from './request-caller.ts';
export { loadTotpSeal, sealStoredTotpSecrets } from './totp-seal.ts';

/** The auth module: sign-in and sessions, the second factor, the account page, and their routes. */
export interface AuthModule {
  auth: AuthService;
  secondFactor: SecondFactorService;
  account: AccountService;
  /** How the consoles' event stream follows each caller's credential (handed to the events module). */
  follower: CredentialFollower;
  routes: ModuleRoutes;
}

/** Builds the auth module from its database, relay, organisation scopes, settings and clock. */
export function createAuthModule(parts: AuthParts): AuthModule {
  const auth = new AuthService(parts);
  const secondFactor = new SecondFactorService(parts, auth);
  const account = new AccountService(parts);
  const follower = credentialFollower(parts);
  const routes: ModuleRoutes = async (app) => {
    authRoutes(app, auth, parts.config);
    secondFactorRoutes(app, secondFactor);
    accountRoutes(app, account);
  };
  return { auth, secondFactor, account, follower, routes };
}
