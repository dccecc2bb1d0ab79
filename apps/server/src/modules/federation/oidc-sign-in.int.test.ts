import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { startTestOidcProvider, type TestOidcProvider } from '../../testing/oidc-provider.ts';

let t: TestApp;
let idp: TestOidcProvider;
let providerId: string;
let prov48: string;

const ALICE = { sub: 'alice', claims: { email: 'alice@bank-hn.example', email_verified: true, name: 'Alice Nguyen', org: 'bank-hn', groups: ['staff'] } };
const BOB = { sub: 'bob', claims: { email: 'bob@telco.example', name: 'Bob Tran', org: 'telco', groups: ['staff'] } };
// carries the address of a local account: must never be linked to it
const MALLORY = { sub: 'mallory', claims: { email: 'admin@lachan.local', name: 'Mallory', org: 'bank-x', groups: [] } };

/** The browser's trip: Lachan's start, the provider's login form, back to Lachan's callback. */
async function signIn(login: string): Promise<{ callback: URL; binding: string; res: LightMyRequestResponse }> {
  const { location, binding } = await started();
  const callback = await idp.signInAs(location, login);
  return { callback, binding, res: await back(callback, binding) };
}
/** Lachan's start: the provider's URL, and the cookie binding the sign-in to this browser. */
async function started(): Promise<{ location: string; binding: string }> {
  const start = await t.anonymous.get(`/api/v1/auth/oidc/${providerId}/start`);
  expect(start.statusCode).toBe(302);
  const cookie = start.cookies.find((c) => c.name === 'lachan_oidc')!;
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/api/v1/auth/oidc' });
  return { location: start.headers.location as string, binding: cookie.value };
}
const back = (callback: URL, binding?: string) =>
  t.app.inject({ method: 'GET', url: `${callback.pathname}${callback.search}`, headers: binding ? { cookie: `lachan_oidc=${binding}` } : {} });
const sessionOf = (res: LightMyRequestResponse) => res.cookies.find((c) => c.name === 'lachan_session');
const refusedWith = (res: LightMyRequestResponse, code: string) => {
  expect(res.statusCode).toBe(302);
  expect(res.headers.location).toBe(`/login?oidcError=${code}`);
  expect(sessionOf(res)).toBeUndefined();
};
const me = (res: LightMyRequestResponse) => t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: `lachan_session=${sessionOf(res)!.value}` } });

beforeAll(async () => {
  t = await createTestApp();
  prov48 = await t.org('prov-48');
  idp = await startTestOidcProvider(`${t.platform.config.publicUrl}/api/v1/auth/oidc/callback`, [ALICE, BOB, MALLORY]);
  const created = await t.admin.post('/api/v1/identity-providers', {
    displayName: 'Bank SSO', issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret,
    rules: [
      { claim: 'groups', operator: 'in', values: ['soc-admins'], orgId: prov48, role: 'org_admin' },
      { claim: 'org', operator: 'glob', values: ['bank-*'], orgId: prov48, role: 'analyst' },
    ],
  });
  expect(created.statusCode).toBe(201);
  providerId = created.json().id;
});
afterAll(async () => {
  await idp?.close();
  await t?.close();
});
beforeEach(() => {
  idp.rewriteIdToken = null;
  idp.resign = true;
});

describe('signing in with an OpenID provider', () => {
  it('runs the code flow with PKCE S256, creates the account just in time with the mapped organisation and role', async () => {
    const start = await t.anonymous.get(`/api/v1/auth/oidc/${providerId}/start`);
    const to = new URL(start.headers.location as string);
    expect(to.origin).toBe(idp.issuer);
    expect(to.searchParams.get('code_challenge_method')).toBe('S256');
    expect(to.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(to.searchParams.get('nonce')).toBeTruthy();
    expect(to.searchParams.get('state')).toBeTruthy();

    const { res } = await signIn('alice');
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/');
    const cookie = sessionOf(res)!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    const user = (await me(res)).json().user;
    expect(user).toMatchObject({ email: 'alice@bank-hn.example', name: 'Alice Nguyen', role: 'analyst', stage: 'complete' });
    expect(user.org.id).toBe(prov48);
  });

  it('reuses the linked account on the next sign-in, and follows a role change in the claims (audited)', async () => {
    const first = (await me((await signIn('alice')).res)).json().user;
    idp.identities.set('alice', { ...ALICE, claims: { ...ALICE.claims, groups: ['staff', 'soc-admins'] } });
    const again = (await me((await signIn('alice')).res)).json().user;
    expect(again.id).toBe(first.id);
    // org_admin requires a second factor of a password sign-in; the provider vouches for it here
    expect(again).toMatchObject({ role: 'org_admin', stage: 'complete' });
    const audit = await t.platform.db.selectFrom('audit_log').select(['action', 'after']).where('entity_id', '=', first.id).where('action', '=', 'user.federated_update').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toMatchObject({ role: 'org_admin', providerId });
    const accounts = await t.platform.db.selectFrom('users').select('id').where('email', '=', 'alice@bank-hn.example').execute();
    expect(accounts).toHaveLength(1);
    idp.identities.set('alice', ALICE);
  });

  it('refuses a person no mapping rule matches, creating no account', async () => {
    refusedWith((await signIn('bob')).res, 'oidc_no_matching_rule');
    expect(await t.platform.db.selectFrom('users').select('id').where('email', '=', 'bob@telco.example').execute()).toHaveLength(0);
    // the centre sees who was refused, by which provider and why
    const audit = await t.platform.db.selectFrom('audit_log').select(['actor_type', 'after']).where('action', '=', 'auth.oidc_refused').where('entity_id', '=', providerId).execute();
    expect(audit.map((a) => a.after)).toContainEqual({ code: 'oidc_no_matching_rule', subject: 'bob' });
  });

  it('never links by e-mail: an address held by a local account is a conflict, and the local account is untouched', async () => {
    refusedWith((await signIn('mallory')).res, 'oidc_account_conflict');
    const local = await t.anonymous.post('/api/v1/auth/login', { email: 'admin@lachan.local', password: 'test-centre-password-1' });
    expect(local.statusCode).toBe(200);
    expect(local.json().user.name).not.toBe('Mallory');
  });

  it('takes a state once: a replayed callback and a tampered state are refused', async () => {
    const { callback, binding, res } = await signIn('alice');
    expect(sessionOf(res)).toBeDefined();
    refusedWith(await back(callback, binding), 'oidc_state_invalid');
    const fresh = await started();
    const tampered = new URL(await idp.signInAs(fresh.location, 'alice'));
    tampered.searchParams.set('state', `${tampered.searchParams.get('state')}x`);
    refusedWith(await back(tampered, fresh.binding), 'oidc_state_invalid');
    refusedWith(await t.app.inject({ method: 'GET', url: '/api/v1/auth/oidc/callback?code=abc' }), 'oidc_state_invalid');
  });

  it('refuses a callback in a browser that did not start the sign-in (login CSRF): no binding cookie, or another sign-in\'s', async () => {
    // an attacker starts a sign-in as themself and lures the victim's browser to the callback
    const attacker = await started();
    refusedWith(await back(await idp.signInAs(attacker.location, 'alice')), 'oidc_state_invalid');
    const victim = await started();
    const lured = await idp.signInAs((await started()).location, 'alice');
    refusedWith(await back(lured, victim.binding), 'oidc_state_invalid');
  });

  it('refuses an ID token for another audience, with another nonce, expired, or whose signature does not verify', async () => {
    idp.rewriteIdToken = (c) => ({ ...c, aud: 'another-client' });
    refusedWith((await signIn('alice')).res, 'oidc_token_invalid');
    idp.rewriteIdToken = (c) => ({ ...c, nonce: 'someone-elses-nonce' });
    refusedWith((await signIn('alice')).res, 'oidc_token_invalid');
    idp.rewriteIdToken = (c) => ({ ...c, exp: Math.floor(Date.now() / 1000) - 3600, iat: Math.floor(Date.now() / 1000) - 7200 });
    refusedWith((await signIn('alice')).res, 'oidc_token_invalid');
    idp.rewriteIdToken = (c) => ({ ...c, groups: ['soc-admins'] });
    idp.resign = false;
    refusedWith((await signIn('alice')).res, 'oidc_token_invalid');
  });

  it('gives a federated account no usable password; local accounts keep signing in (break-glass)', async () => {
    await signIn('alice');
    const res = await t.anonymous.post('/api/v1/auth/login', { email: 'alice@bank-hn.example', password: 'test-centre-password-1' });
    expect(res.statusCode).toBe(401);
    expect((await t.login('admin@lachan.local', 'test-centre-password-1')).auth.cookie).toBeTruthy();
  });

  it('refuses a disabled account and a disabled provider, which the sign-in page no longer lists', async () => {
    const alice = (await me((await signIn('alice')).res)).json().user;
    expect((await t.admin.patch(`/api/v1/users/${alice.id}`, { status: 'disabled' })).statusCode).toBe(200);
    refusedWith((await signIn('alice')).res, 'oidc_account_disabled');
    await t.admin.patch(`/api/v1/users/${alice.id}`, { status: 'active' });

    expect((await t.anonymous.get('/api/v1/auth/oidc/providers')).json().items).toEqual([{ id: providerId, displayName: 'Bank SSO' }]);
    expect((await t.admin.patch(`/api/v1/identity-providers/${providerId}`, { enabled: false })).statusCode).toBe(200);
    expect((await t.anonymous.get('/api/v1/auth/oidc/providers')).json().items).toEqual([]);
    refusedWith(await t.anonymous.get(`/api/v1/auth/oidc/${providerId}/start`), 'oidc_provider_unavailable');
    await t.admin.patch(`/api/v1/identity-providers/${providerId}`, { enabled: true });
  });
});
