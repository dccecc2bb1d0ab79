import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config.ts';
import type { Platform } from '../../platform.types.ts';
import type { AuthService } from '../auth/index.ts';
import { IdentityProvidersService } from './identity-providers.service.ts';
import { identityProviderRoutes } from './identity-providers.routes.ts';
import { OidcClients } from './oidc-client.ts';
import { OidcSignIn } from './oidc-sign-in.service.ts';
import { oidcRoutes } from './oidc.routes.ts';

export { mapClaims, globMatches } from './claim-mapping.ts';

/** Sign-in with the organisation's identity provider: the providers (data) and the OpenID Connect flow. */
export interface FederationServices {
  providers: IdentityProvidersService;
  signIn: OidcSignIn;
}

/** Builds federation from the platform and the auth service whose sessions it opens. */
export function createFederationModule(platform: Platform, auth: AuthService): FederationServices {
  const clients = new OidcClients(platform.config.idpSecretsKey);
  return { providers: new IdentityProvidersService(platform, clients), signIn: new OidcSignIn(platform, auth, clients) };
}

/** /api/v1/identity-providers (the centre) and /api/v1/auth/oidc/* (public: the sign-in itself). */
export function federationRoutes(app: FastifyInstance, f: FederationServices, config: Config): void {
  identityProviderRoutes(app, f.providers);
  oidcRoutes(app, f, config);
}
