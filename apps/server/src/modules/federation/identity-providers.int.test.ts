import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../testing/harness.ts';

let t: TestApp;
let prov48: string;
const SECRET = 'client-secret-that-must-never-come-back-91d2';
const body = (over: Record<string, unknown> = {}) => ({
  displayName: 'Ministry SSO', issuer: 'https://sso.example.gov.vn/realms/soc', clientId: 'lachan', clientSecret: SECRET,
  rules: [{ claim: 'groups', operator: 'in', values: ['soc'], orgId: prov48, role: 'analyst' }], ...over,
});

beforeAll(async () => {
  t = await createTestApp({ idpSecretsKey: 'test-idp-secrets-key' });
  prov48 = await t.org('prov-48');
});
afterAll(() => t?.close());

describe('identity providers (the centre\'s)', () => {
  it('creates, reads, changes and removes a provider; the client secret is sealed, never answered, never audited', async () => {
    const created = await t.admin.post('/api/v1/identity-providers', body());
    expect(created.statusCode).toBe(201);
    const p = created.json();
    expect(p).toMatchObject({ displayName: 'Ministry SSO', hasClientSecret: true, scopes: ['openid', 'email', 'profile'], enabled: true });
    expect(p.redirectUri).toBe(`${t.platform.config.publicUrl}/api/v1/auth/oidc/callback`);
    const changed = await t.admin.patch(`/api/v1/identity-providers/${p.id}`, { displayName: 'Bộ SSO', clientSecret: `${SECRET}-rotated`, enabled: false });
    expect(changed.json()).toMatchObject({ displayName: 'Bộ SSO', enabled: false, hasClientSecret: true });
    for (const res of [created, changed, await t.admin.get('/api/v1/identity-providers'), await t.admin.get(`/api/v1/identity-providers/${p.id}`)]) {
      expect(res.body).not.toContain(SECRET);
    }
    const stored = (await sql<{ client_secret: string }>`select client_secret from identity_providers where id = ${p.id}`.execute(t.platform.db)).rows;
    expect(stored[0]!.client_secret).toMatch(/^gcm:/);
    expect(stored[0]!.client_secret).not.toContain(SECRET);
    const audit = await t.platform.db.selectFrom('audit_log').select(['action', 'before', 'after']).where('entity_id', '=', p.id).orderBy('at').orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['identity_provider.create', 'identity_provider.update']);
    expect(JSON.stringify(audit)).not.toContain(SECRET);
    expect((await t.admin.delete(`/api/v1/identity-providers/${p.id}`)).statusCode).toBe(200);
    expect((await t.admin.get(`/api/v1/identity-providers/${p.id}`)).statusCode).toBe(404);
  });

  it('refuses rules naming an unknown organisation, "equals" with several values, scopes without openid, and a plain-http issuer', async () => {
    const unknownOrg = await t.admin.post('/api/v1/identity-providers', body({ rules: [{ claim: 'org', operator: 'in', values: ['x'], orgId: '00000000-0000-4000-8000-000000000000', role: 'viewer' }] }));
    expect(unknownOrg.statusCode).toBe(422);
    const equals = await t.admin.post('/api/v1/identity-providers', body({ rules: [{ claim: 'org', operator: 'equals', values: ['a', 'b'], orgId: prov48, role: 'viewer' }] }));
    expect(equals.statusCode).toBe(422);
    expect((await t.admin.post('/api/v1/identity-providers', body({ scopes: ['email'] }))).statusCode).toBe(422);
    expect((await t.admin.post('/api/v1/identity-providers', body({ issuer: 'http://sso.example.gov.vn' }))).statusCode).toBe(422);
    expect((await t.admin.post('/api/v1/identity-providers', body({ issuer: 'http://127.0.0.1:8443' }))).statusCode).toBe(201);
    const extra = await t.admin.post('/api/v1/identity-providers', { ...body(), clientSecretHash: 'x' });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().error.code).toBe('validation_failed');
    const badRule = await t.admin.post('/api/v1/identity-providers', body({ rules: [{ claim: 'org', operator: 'regex', values: ['.*'], orgId: prov48, role: 'viewer' }] }));
    expect(badRule.statusCode).toBe(400);
  });

  it('is the centre\'s alone: an organisation\'s admin, another organisation\'s admin and analysts are refused', async () => {
    const p = (await t.admin.post('/api/v1/identity-providers', body())).json();
    for (const who of [await t.userIn('prov-48', 'org_admin'), await t.userIn('prov-79', 'org_admin'), await t.userIn('prov-48', 'analyst')]) {
      expect((await who.get('/api/v1/identity-providers')).statusCode).toBe(403);
      expect((await who.get(`/api/v1/identity-providers/${p.id}`)).statusCode).toBe(403);
      expect((await who.patch(`/api/v1/identity-providers/${p.id}`, { enabled: false })).statusCode).toBe(403);
      expect((await who.post('/api/v1/identity-providers', body())).statusCode).toBe(403);
      expect((await who.delete(`/api/v1/identity-providers/${p.id}`)).statusCode).toBe(403);
    }
    expect((await t.admin.get(`/api/v1/identity-providers/${p.id}`)).json().enabled).toBe(true);
    // the sign-in page's list: id and name only
    const listed = (await t.anonymous.get('/api/v1/auth/oidc/providers')).json().items as Array<Record<string, unknown>>;
    expect(listed.find((x) => x.id === p.id)).toEqual({ id: p.id, displayName: 'Ministry SSO' });
  });
});
