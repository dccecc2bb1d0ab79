import { expect } from 'vitest';
import { del, get, patch, post, row, type Answer, type RouteSpec } from './spec.ts';
import { must, type World } from './world.ts';

const CLIENT_SECRET = 'isolation-matrix-client-secret-5d1c';
const everyone = (status: number) => row(status, status, status, status, status, { ownAdmin: status, ownKey: status, centre: status });
/** Identity providers are the centre's: an organisation's admin is refused like everyone else (docs/oidc.md). */
const centreOnly = (status: number) => row(401, 403, 403, 403, 403, { ownAdmin: 403, ownKey: 403, centre: status });
/** No answer ever carries a provider's client secret. */
const noSecret = (_w: World, _who: unknown, res: Answer) => expect(res.body).not.toContain(CLIENT_SECRET);

/** A provider of the centre mapping people into the own organisation (its issuer refuses connections: nobody signs in). */
async function freshProvider(w: World): Promise<string> {
  const res = await w.callers.centre.post('/api/v1/identity-providers', {
    displayName: `Matrix IdP ${w.unique()}`, issuer: 'http://127.0.0.1:9', clientId: 'lachan', clientSecret: CLIENT_SECRET,
    rules: [{ claim: 'org', operator: 'equals', values: ['own'], orgId: w.org.own, role: 'analyst' }],
  });
  return must<{ id: string }>(res, 201).id;
}

/** The centre's identity providers, and the public routes of a federated sign-in (like the password sign-in). */
export const FEDERATION_ROUTES: RouteSpec[] = [
  { route: 'GET /api/v1/identity-providers', request: () => get('/api/v1/identity-providers'), expect: centreOnly(200), check: noSecret },
  {
    route: 'POST /api/v1/identity-providers',
    request: (w) => post('/api/v1/identity-providers', { displayName: `Matrix ${w.unique()}`, issuer: 'https://idp.example.gov.vn', clientId: 'c', clientSecret: CLIENT_SECRET }),
    expect: centreOnly(201),
    check: noSecret,
  },
  { route: 'GET /api/v1/identity-providers/:id', request: async (w) => get(`/api/v1/identity-providers/${await freshProvider(w)}`), expect: centreOnly(200), check: noSecret },
  {
    route: 'PATCH /api/v1/identity-providers/:id',
    request: async (w) => patch(`/api/v1/identity-providers/${await freshProvider(w)}`, { enabled: false, clientSecret: `${CLIENT_SECRET}-2` }),
    expect: centreOnly(200),
    check: noSecret,
  },
  { route: 'DELETE /api/v1/identity-providers/:id', request: async (w) => del(`/api/v1/identity-providers/${await freshProvider(w)}`), expect: centreOnly(200), check: noSecret },
  // Public by nature, like the password sign-in: the sign-in page's buttons (id and name only), the start and the callback.
  { route: 'GET /api/v1/auth/oidc/providers', request: () => get('/api/v1/auth/oidc/providers'), expect: everyone(200), check: noSecret },
  {
    // The provider cannot be reached: every caller is sent back to the sign-in page with the reason, signed in as nobody new.
    route: 'GET /api/v1/auth/oidc/:providerId/start',
    request: async (w) => get(`/api/v1/auth/oidc/${await freshProvider(w)}/start`),
    expect: everyone(302),
    check: (_w, _who, res) => expect(res.headers.location).toBe('/login?oidcError=oidc_provider_unavailable'),
  },
  {
    route: 'GET /api/v1/auth/oidc/callback',
    request: () => get('/api/v1/auth/oidc/callback?state=forged&code=forged'),
    expect: everyone(302),
    check: (_w, _who, res) => expect(res.headers.location).toBe('/login?oidcError=oidc_state_invalid'),
  },
];
