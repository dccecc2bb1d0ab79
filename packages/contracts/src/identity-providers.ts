import { Type, type Static } from 'typebox';
import { Timestamp, Uuid } from './common.ts';
import { UserRoleSchema } from './access.ts';

/** How a claim-mapping rule compares a claim: one exact value, any of a list, or globs (`*`, `?`; no regular expressions). */
export const CLAIM_OPERATORS = ['equals', 'in', 'glob'] as const;
export type ClaimOperator = (typeof CLAIM_OPERATORS)[number];

/** One ordered rule: when the claim (a dotted path, e.g. `groups` or `realm_access.roles`) matches, the account joins `orgId` as `role`. */
export const ClaimRule = Type.Object({
  claim: Type.String({ minLength: 1, maxLength: 200, pattern: '^[A-Za-z0-9_:\\-]+(\\.[A-Za-z0-9_:\\-]+)*$' }),
  operator: Type.Enum([...CLAIM_OPERATORS]),
  values: Type.Array(Type.String({ minLength: 1, maxLength: 300 }), { minItems: 1, maxItems: 50 }),
  orgId: Uuid,
  role: UserRoleSchema,
}, { additionalProperties: false });
export type ClaimRule = Static<typeof ClaimRule>;

const DisplayName = Type.String({ minLength: 1, maxLength: 100 });
const Issuer = Type.String({ minLength: 8, maxLength: 500, description: 'https URL of the OpenID provider (http only on a loopback address)' });
const ClientId = Type.String({ minLength: 1, maxLength: 300 });
const ClientSecret = Type.String({ minLength: 1, maxLength: 1000, description: 'write-only: stored sealed, never returned' });
const Scopes = Type.Array(Type.String({ minLength: 1, maxLength: 100, pattern: '^[\\x21\\x23-\\x5B\\x5D-\\x7E]+$' }), { minItems: 1, maxItems: 20, description: 'must include openid' });
const Rules = Type.Array(ClaimRule, { maxItems: 100 });

/** An identity provider as the centre sees it: the client secret is never returned, only whether one is set. */
export const IdentityProvider = Type.Object({
  id: Uuid,
  displayName: Type.String(),
  issuer: Type.String(),
  clientId: Type.String(),
  hasClientSecret: Type.Boolean(),
  scopes: Type.Array(Type.String()),
  enabled: Type.Boolean(),
  rules: Type.Array(ClaimRule),
  redirectUri: Type.String({ description: 'the redirect URI to register at the provider' }),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type IdentityProvider = Static<typeof IdentityProvider>;

export const IdentityProviderCreate = Type.Object({
  displayName: DisplayName,
  issuer: Issuer,
  clientId: ClientId,
  clientSecret: ClientSecret,
  scopes: Type.Optional(Scopes),
  enabled: Type.Optional(Type.Boolean()),
  rules: Type.Optional(Rules),
}, { additionalProperties: false });
export type IdentityProviderCreate = Static<typeof IdentityProviderCreate>;

/** A change to a provider; an absent `clientSecret` keeps the stored one. */
export const IdentityProviderPatch = Type.Object({
  displayName: Type.Optional(DisplayName),
  issuer: Type.Optional(Issuer),
  clientId: Type.Optional(ClientId),
  clientSecret: Type.Optional(ClientSecret),
  scopes: Type.Optional(Scopes),
  enabled: Type.Optional(Type.Boolean()),
  rules: Type.Optional(Rules),
}, { additionalProperties: false });
export type IdentityProviderPatch = Static<typeof IdentityProviderPatch>;

/** What the sign-in page may know of an enabled provider: its id and name, nothing else. */
export const SignInProvider = Type.Object({ id: Uuid, displayName: Type.String() });
export type SignInProvider = Static<typeof SignInProvider>;
export const SignInProviders = Type.Object({ items: Type.Array(SignInProvider) });
export type SignInProviders = Static<typeof SignInProviders>;

export const OidcStartParams = Type.Object({ providerId: Type.String({ maxLength: 100 }) });
/** What the provider sends back to the callback (an error, or a code and the state). */
export const OidcCallbackQuery = Type.Object({
  state: Type.Optional(Type.String({ maxLength: 500 })),
  code: Type.Optional(Type.String({ maxLength: 4000 })),
  error: Type.Optional(Type.String({ maxLength: 200 })),
  error_description: Type.Optional(Type.String({ maxLength: 1000 })),
  iss: Type.Optional(Type.String({ maxLength: 500 })),
  session_state: Type.Optional(Type.String({ maxLength: 500 })),
});

/**
 * Why a federated sign-in was refused, as the console's sign-in page receives it (`/login?oidcError=<code>`).
 */
export const OIDC_ERRORS = [
  'oidc_provider_unavailable',
  'oidc_state_invalid',
  'oidc_rejected',
  'oidc_token_invalid',
  'oidc_no_matching_rule',
  'oidc_account_conflict',
  'oidc_account_disabled',
] as const;
export type OidcError = (typeof OIDC_ERRORS)[number];
