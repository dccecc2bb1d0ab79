import type { ModuleRoutes } from '../../common/module-parts.ts';
import type { AuthService } from '../auth/index.ts';
import type { FederationParts } from './federation-parts.ts';
import { IdentityProvidersService } from './identity-providers.service.ts';
import { identityProviderRoutes } from './identity-providers.routes.ts';
import { OidcClients } from './oidc-client.ts';
import { OidcSignIn } from './oidc-sign-in.service.ts';
import { oidcRoutes } from './oidc.routes.ts';

export { mapClaims, globMatches } from './claim-mapping.ts';
export type { FederationParts } from './federation-parts.ts';

/** Sign-in with the organisation's identity provider: the providers (data) and the OpenID Connect flow. */
export interface FederationServices {
  providers: IdentityProvidersService;
  signIn: OidcSignIn;
}

/** Federation's services and its routes: /identity-providers (the centre) and /auth/oidc/* (public: the sign-in itself). */
export interface FederationModule extends FederationServices {
  routes: ModuleRoutes;
}

/** Builds federation from its database, relay and settings, and the auth service whose sessions it opens. */
export function createFederationModule(parts: FederationParts, auth: AuthService): FederationModule {
  const clients = new OidcClients(parts.config.idpSecretsKey);
  const services: FederationServices = { providers: new IdentityProvidersService(parts, clients), signIn: new OidcSignIn(parts, auth, clients) };
  const routes: ModuleRoutes = async (app) => {
    identityProviderRoutes(app, services.providers);
    oidcRoutes(app, services, parts.config);
  };
  return { ...services, routes };
}
