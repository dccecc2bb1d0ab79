import type { Config } from '../../config.ts';
import type { TransactionParts } from '../events/index.ts';

/** The settings the sign-in routes read: where the console is served, cookies, the sign-in rate limit, session length. */
export type OidcRouteConfig = Pick<Config, 'publicUrl' | 'cookieSecure' | 'loginRateLimit' | 'sessionHours'>;

/** What federation is built from: database and relay, and its settings. */
export interface FederationParts extends TransactionParts {
  /** `publicUrl`: the redirect address providers send the browser back to; `idpSecretsKey`: seals and opens providers' client secrets; the rest: the sign-in routes' cookies, rate limit and session length. */
  config: Pick<Config, 'idpSecretsKey'> & OidcRouteConfig;
}
