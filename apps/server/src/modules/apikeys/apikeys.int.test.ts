import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Caller, type TestApp } from '../../testing/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

let seq = 0;
/** Issues a key through the API as `by` (the centre unless told). */
const issue = async (orgId: string, role = 'connector', by: Caller = t.admin) =>
  by.post('/api/v1/api-keys', { name: `Wazuh connector ${++seq}`, orgId, role });

const bearer = (key: string) => ({ get: (url: string) => t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${key}` } }) });
type Listed = { id: string; orgId: string; revokedAt: string | null };

describe('issuing a key', () => {
  it('shows the key once, at creation, with a recognisable prefix', async () => {
    const res = await issue(await t.org('prov-48'));
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created.key).toMatch(/^lck_[A-Za-z0-9_-]{8}_[A-Za-z0-9_-]{40}$/);
    expect(created.key.startsWith(created.prefix)).toBe(true);
    expect(created).toMatchObject({ role: 'connector', orgId: await t.org('prov-48'), createdByName: 'Administrator', revokedAt: null });
    expect((await bearer(created.key).get('/api/v1/orgs?limit=1')).statusCode).toBe(200);
  });

  it('never lists the key itself', async () => {
    const orgId = await t.org('prov-48');
    const created = (await issue(orgId)).json();
    const list = await t.admin.get(`/api/v1/api-keys?orgId=${orgId}&includeRevoked=true`);
    const items = list.json().items as Record<string, unknown>[];
    expect(items.some((k) => k.id === created.id)).toBe(true);
    for (const k of items) expect(k).not.toHaveProperty('key');
    expect(list.body).not.toContain(created.key);
  });

  it('refuses an unknown organisation and an unknown role', async () => {
    expect((await issue('00000000-0000-4000-8000-000000000000')).statusCode).toBe(400);
    expect((await issue(await t.org('prov-48'), 'superuser')).statusCode).toBe(400);
  });
});

describe('revoking a key', () => {
  it('stops the key at once and hides it from the default list', async () => {
    const orgId = await t.org('prov-01');
    const created = (await issue(orgId)).json();
    const revoked = await t.admin.delete(`/api/v1/api-keys/${created.id}`);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().revokedAt).not.toBeNull();
    expect(revoked.json()).not.toHaveProperty('key');
    const denied = await bearer(created.key).get('/api/v1/orgs');
    expect(denied.statusCode).toBe(401);
    expect(denied.json().error.code).toBe('unauthenticated');
    const active = (await t.admin.get(`/api/v1/api-keys?orgId=${orgId}`)).json().items as Listed[];
    expect(active.some((k) => k.id === created.id)).toBe(false);
    const all = (await t.admin.get(`/api/v1/api-keys?orgId=${orgId}&includeRevoked=true`)).json().items as Listed[];
    expect(all.find((k) => k.id === created.id)?.revokedAt).not.toBeNull();
  });

  it('answers 404 for a key that does not exist', async () => {
    expect((await t.admin.delete('/api/v1/api-keys/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });
});

describe('an organisation admin', () => {
  let admin48: Caller & { orgId: string };
  beforeAll(async () => {
    admin48 = await t.userIn('prov-48', 'org_admin');
  });

  it('issues keys for its own organisation and units, not for a foreign one, and never a centre key', async () => {
    expect((await issue(admin48.orgId, 'connector', admin48)).statusCode).toBe(201);
    expect((await issue(await t.org('egov-ioc-48'), 'analyst', admin48)).statusCode).toBe(201);
    expect((await issue(await t.org('prov-79'), 'connector', admin48)).statusCode).toBe(403);
    expect((await issue(admin48.orgId, 'national_coordinator', admin48)).statusCode).toBe(403);
  });

  it('lists only its own subtree’s keys', async () => {
    const foreign = (await issue(await t.org('prov-79'))).json();
    const subtree = new Set([admin48.orgId, await t.org('egov-ioc-48')]);
    const items = (await admin48.get('/api/v1/api-keys')).json().items as Listed[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((k) => subtree.has(k.orgId))).toBe(true);
    expect(items.some((k) => k.id === foreign.id)).toBe(false);
  });

  it('revokes its own keys but cannot touch a foreign key (404)', async () => {
    const own = (await issue(admin48.orgId)).json();
    expect((await admin48.delete(`/api/v1/api-keys/${own.id}`)).statusCode).toBe(200);
    const foreign = (await issue(await t.org('prov-79'))).json();
    expect((await admin48.delete(`/api/v1/api-keys/${foreign.id}`)).statusCode).toBe(404);
    expect((await bearer(foreign.key).get('/api/v1/sectors')).statusCode).toBe(200);
  });
});

describe('keys acting on keys', () => {
  it('does not let a key issue keys, even one holding org_admin', async () => {
    const k = await t.keyFor('prov-48', 'org_admin');
    const res = await k.post('/api/v1/api-keys', { name: 'self-replicating', orgId: await t.org('prov-48'), role: 'connector' });
    expect(res.statusCode).toBe(403);
  });

  it('refuses a connector key every write and every account list', async () => {
    const k = await t.keyFor('prov-48', 'connector');
    expect((await k.get('/api/v1/api-keys')).statusCode).toBe(403);
    expect((await k.get('/api/v1/users')).statusCode).toBe(403);
    expect((await k.patch(`/api/v1/orgs/${await t.org('prov-48')}`, { website: 'https://x.example.vn' })).statusCode).toBe(403);
    expect((await k.get(`/api/v1/orgs/${await t.org('prov-48')}`)).statusCode).toBe(200);
  });
});
