import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Caller, type TestApp } from '../../testing/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

let seq = 0;
const email = (tag = 'u') => `${tag}${++seq}-${Math.random().toString(36).slice(2, 7)}@nguoidung.example.vn`;

/** Creates an account through the API as `by` (the centre unless told). */
const createUser = async (body: { orgId: string; role?: string; email?: string; password?: string }, by: Caller = t.admin) =>
  by.post('/api/v1/users', { name: 'Nguyễn Thị Thu', role: 'analyst', email: email(), ...body });

describe('creating an account', () => {
  it('generates a password shown once, and that password signs in', async () => {
    const res = await createUser({ orgId: await t.org('prov-48') });
    expect(res.statusCode).toBe(201);
    const { user, initialPassword } = res.json();
    expect(initialPassword).toMatch(/^[A-Za-z0-9]{20}$/);
    expect(user).toMatchObject({ role: 'analyst', status: 'active', orgId: await t.org('prov-48') });
    const login = await t.anonymous.post('/api/v1/auth/login', { email: user.email, password: initialPassword });
    expect(login.statusCode).toBe(200);
    const fetched = await t.admin.get(`/api/v1/users/${user.id}`);
    expect(fetched.body).not.toContain(initialPassword);
    expect(fetched.json()).not.toHaveProperty('initialPassword');
    expect(fetched.json()).not.toHaveProperty('passwordHash');
  });

  it('returns no initial password when the creator chose one', async () => {
    const res = await createUser({ orgId: await t.org('prov-01'), password: 'chosen-by-the-centre' });
    expect(res.json().initialPassword).toBeNull();
    expect((await t.anonymous.post('/api/v1/auth/login', { email: res.json().user.email, password: 'chosen-by-the-centre' })).statusCode).toBe(200);
  });

  it('refuses a second account with the same e-mail, whatever its case', async () => {
    const address = email('dup');
    expect((await createUser({ orgId: await t.org('prov-48'), email: address })).statusCode).toBe(201);
    const again = await createUser({ orgId: await t.org('prov-79'), email: address.toUpperCase() });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('conflict');
  });

  it('refuses bad input with 400 validation_failed', async () => {
    const orgId = await t.org('prov-48');
    for (const bad of [{ orgId, email: 'not-an-email' }, { orgId, password: 'short' }, { orgId, role: 'connector' }, { orgId: '00000000-0000-4000-8000-000000000000' }]) {
      const res = await createUser(bad);
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
  });
});

describe('disabling an account', () => {
  it('ends the user’s sessions at once and refuses their sign-in until re-enabled', async () => {
    const u = await t.userIn('prov-48', 'analyst');
    expect((await u.get('/api/v1/me')).statusCode).toBe(200);
    const res = await t.admin.patch(`/api/v1/users/${u.id}`, { status: 'disabled' });
    expect(res.json().status).toBe('disabled');
    expect((await u.get('/api/v1/me')).statusCode).toBe(401);
    expect((await t.anonymous.post('/api/v1/auth/login', { email: u.email, password: 'a-long-test-password' })).statusCode).toBe(403);
    await t.admin.patch(`/api/v1/users/${u.id}`, { status: 'active' });
    expect((await t.anonymous.post('/api/v1/auth/login', { email: u.email, password: 'a-long-test-password' })).statusCode).toBe(200);
  });

  it('does not let anyone disable themselves or change their own role', async () => {
    const me = (await t.admin.get('/api/v1/me')).json().user;
    expect((await t.admin.patch(`/api/v1/users/${me.id}`, { status: 'disabled' })).statusCode).toBe(403);
    const orgAdmin = await t.userIn('prov-48', 'org_admin');
    expect((await orgAdmin.patch(`/api/v1/users/${orgAdmin.id}`, { status: 'disabled' })).statusCode).toBe(403);
    expect((await orgAdmin.patch(`/api/v1/users/${orgAdmin.id}`, { role: 'viewer' })).statusCode).toBe(403);
    expect((await t.admin.get('/api/v1/me')).statusCode).toBe(200);
    expect((await orgAdmin.get('/api/v1/me')).json().user.role).toBe('org_admin');
  });
});

describe('an organisation admin', () => {
  let admin48: Caller & { id: string; orgId: string };
  beforeAll(async () => {
    admin48 = await t.userIn('prov-48', 'org_admin');
  });

  it('creates accounts in its own organisation and its units, but not in a foreign one', async () => {
    expect((await createUser({ orgId: admin48.orgId }, admin48)).statusCode).toBe(201);
    expect((await createUser({ orgId: await t.org('egov-ioc-48') }, admin48)).statusCode).toBe(201);
    const foreign = await createUser({ orgId: await t.org('prov-79') }, admin48);
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().error.code).toBe('forbidden');
  });

  it('cannot grant national_coordinator, neither on creation nor by promotion', async () => {
    expect((await createUser({ orgId: admin48.orgId, role: 'national_coordinator' }, admin48)).statusCode).toBe(403);
    expect((await createUser({ orgId: admin48.orgId, role: 'org_admin' }, admin48)).statusCode).toBe(201);
    const analyst = (await createUser({ orgId: admin48.orgId }, admin48)).json().user;
    expect((await admin48.patch(`/api/v1/users/${analyst.id}`, { role: 'national_coordinator' })).statusCode).toBe(403);
    expect((await t.admin.get(`/api/v1/users/${analyst.id}`)).json().role).toBe('analyst');
  });

  it('lists only the accounts of its own subtree', async () => {
    const foreignUser = (await createUser({ orgId: await t.org('prov-79') })).json().user;
    const subtree = new Set([admin48.orgId, await t.org('egov-ioc-48')]);
    const items = (await admin48.get('/api/v1/users?limit=1000')).json().items as { id: string; orgId: string }[];
    expect(items.length).toBeGreaterThan(1);
    expect(items.every((u) => subtree.has(u.orgId))).toBe(true);
    expect(items.some((u) => u.id === foreignUser.id)).toBe(false);
  });

  it('cannot see or change a foreign account (404, as if it did not exist)', async () => {
    const foreignUser = (await createUser({ orgId: await t.org('prov-79') })).json().user;
    expect((await admin48.get(`/api/v1/users/${foreignUser.id}`)).statusCode).toBe(404);
    expect((await admin48.patch(`/api/v1/users/${foreignUser.id}`, { status: 'disabled' })).statusCode).toBe(404);
    expect((await t.admin.get(`/api/v1/users/${foreignUser.id}`)).json().status).toBe('active');
  });

  it('disables an account of its own organisation, which ends that user’s session', async () => {
    const u = await t.userIn('prov-48', 'viewer');
    expect((await admin48.patch(`/api/v1/users/${u.id}`, { status: 'disabled' })).statusCode).toBe(200);
    expect((await u.get('/api/v1/orgs')).statusCode).toBe(401);
  });
});

describe('other roles', () => {
  it.each(['analyst', 'responder', 'viewer'] as const)('a %s can neither list nor create accounts', async (role) => {
    const u = await t.userIn('prov-48', role);
    expect((await u.get('/api/v1/users')).statusCode).toBe(403);
    expect((await createUser({ orgId: u.orgId, role: 'viewer' }, u)).statusCode).toBe(403);
  });
});
