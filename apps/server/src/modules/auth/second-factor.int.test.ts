import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { loadConfig } from '../../config.ts';
import { createTestApp, type Caller, type TestApp } from '../../testing/harness.ts';
import { ADMIN } from '../../testing/template.ts';
import { basicAuth, TAXII_TYPE } from '../../testing/medallion.ts';
import { loadTotpSeal, sealStoredTotpSecrets } from './totp-seal.ts';

const PASSWORD = 'a-long-test-password';
let t: TestApp;
let adminSecret: string;

// the default configuration: the centre's coordinators and organisation admins must use a second factor
beforeAll(async () => {
  t = await createTestApp({ secondFactorRoles: loadConfig({}).secondFactorRoles });
  adminSecret = (await t.enrolSecondFactor(t.admin)).secret;
});
afterAll(() => t?.close());

const post = (url: string, body: unknown, cookie?: string) =>
  t.app.inject({ method: 'POST', url, payload: body as object, ...(cookie ? { headers: { cookie } } : {}) });
const cookieOf = (res: LightMyRequestResponse) => `lachan_session=${res.cookies.find((c) => c.name === 'lachan_session')!.value}`;
/** A caller holding a half-open session (password accepted, second factor due). */
async function passwordOnly(email: string, password = PASSWORD) {
  const res = await post('/api/v1/auth/login', { email, password });
  expect(res.statusCode, res.body).toBe(200);
  const csrf = res.json().csrfToken as string;
  const cookie = cookieOf(res);
  const send = (method: 'GET' | 'POST', url: string, body?: unknown) =>
    t.app.inject({ method, url, headers: { cookie, 'x-csrf-token': csrf }, ...(body !== undefined ? { payload: body as object } : {}) });
  return { res, cookie, send };
}

describe('the second factor is required by default for the centre and organisation admins', () => {
  it('is the default configuration', () => {
    expect(loadConfig({}).secondFactorRoles).toEqual(['national_coordinator', 'org_admin']);
  });

  it('signs a required user without a factor in only to enrol: every other route answers 403 until enrolled', async () => {
    const orgAdmin = await t.userIn('prov-48', 'org_admin');
    const me = (await orgAdmin.get('/api/v1/me')).json().user;
    expect(me).toMatchObject({ stage: 'enrolment', secondFactor: { enabled: false, required: true } });
    for (const url of ['/api/v1/orgs', '/api/v1/users', '/api/v1/incidents', '/api/v1/stream']) {
      const res = await orgAdmin.get(url);
      expect(res.statusCode, url).toBe(403);
      expect(res.json().error.code).toBe('second_factor_enrolment_required');
    }
    expect((await orgAdmin.post('/api/v1/api-keys', { name: 'k', orgId: orgAdmin.orgId, role: 'connector' })).json().error.code).toBe('second_factor_enrolment_required');

    const started = await orgAdmin.post('/api/v1/me/second-factor/enrolment');
    expect(started.json()).toMatchObject({ secret: expect.stringMatching(/^[A-Z2-7]{32}$/), otpauthUri: expect.stringMatching(/^otpauth:\/\/totp\//), qrSvg: expect.stringMatching(/^<svg/) });
    const wrong = await orgAdmin.post('/api/v1/me/second-factor/enrolment/confirm', { code: '000000' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('invalid_second_factor');
    const confirmed = await orgAdmin.post('/api/v1/me/second-factor/enrolment/confirm', { code: t.nextTotpCode(started.json().secret) });
    expect(confirmed.json().recoveryCodes).toHaveLength(10);
    expect((await orgAdmin.get('/api/v1/orgs')).statusCode).toBe(200);
    expect((await orgAdmin.get('/api/v1/me')).json().user).toMatchObject({ stage: 'complete', secondFactor: { enabled: true, required: true } });
  });

  it('leaves it optional for other roles', async () => {
    const analyst = await t.userIn('prov-48', 'analyst');
    expect((await analyst.get('/api/v1/me')).json().user).toMatchObject({ stage: 'complete', secondFactor: { enabled: false, required: false } });
    expect((await analyst.get('/api/v1/orgs')).statusCode).toBe(200);
  });
});

describe('signing in with a second factor', () => {
  it('asks for the code after the password; the code opens a new session and the waiting one ends', async () => {
    const { res, cookie, send } = await passwordOnly(ADMIN.email, ADMIN.password);
    expect(res.json().user.stage).toBe('second_factor');
    expect(res.cookies.find((c) => c.name === 'lachan_device')).toBeUndefined();
    const blocked = await send('GET', '/api/v1/orgs');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('second_factor_required');
    expect((await send('POST', '/api/v1/me/second-factor/enrolment')).json().error.code).toBe('second_factor_required');
    const wrong = await send('POST', '/api/v1/auth/second-factor', { code: '123456' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('invalid_second_factor');
    const code = t.nextTotpCode(adminSecret);
    const done = await send('POST', '/api/v1/auth/second-factor', { code });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().user.stage).toBe('complete');
    expect(done.cookies.find((c) => c.name === 'lachan_device')).toBeDefined();
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/orgs', headers: { cookie: cookieOf(done) } })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } })).statusCode).toBe(401);
    // the same code never works twice
    const again = await passwordOnly(ADMIN.email, ADMIN.password);
    expect((await again.send('POST', '/api/v1/auth/second-factor', { code })).json().error.code).toBe('invalid_second_factor');
  });

  it('accepts each recovery code once, and counts what is left', async () => {
    const u = await t.userIn('prov-79', 'analyst');
    const { recoveryCodes } = await t.enrolSecondFactor(u);
    const first = await passwordOnly(u.email);
    const used = await first.send('POST', '/api/v1/auth/second-factor', { code: recoveryCodes[3]!.toLowerCase() });
    expect(used.statusCode, used.body).toBe(200);
    const status = await t.app.inject({ method: 'GET', url: '/api/v1/me/second-factor', headers: { cookie: cookieOf(used) } });
    expect(status.json()).toMatchObject({ enabled: true, required: false, recoveryCodesLeft: 9 });
    const second = await passwordOnly(u.email);
    expect((await second.send('POST', '/api/v1/auth/second-factor', { code: recoveryCodes[3]! })).statusCode).toBe(401);
    expect((await second.send('POST', '/api/v1/auth/second-factor', { code: recoveryCodes[4]! })).statusCode).toBe(200);
  });

  it('throttles wrong codes like wrong passwords', async () => {
    const u = await t.userIn('prov-01', 'viewer');
    await t.enrolSecondFactor(u);
    const { send } = await passwordOnly(u.email);
    const codes = [];
    for (let i = 0; i < 6; i++) codes.push((await send('POST', '/api/v1/auth/second-factor', { code: String(100000 + i) })).statusCode);
    expect(codes).toEqual([401, 401, 401, 401, 429, 429]);
  });

  it('refuses TAXII Basic with the password of an account that has a second factor, pointing to API keys', async () => {
    const u = await t.userIn('prov-48', 'analyst');
    const taxii = (auth: Record<string, string>) => t.app.inject({ method: 'GET', url: '/taxii2/', headers: { accept: TAXII_TYPE, ...auth } });
    expect((await taxii(basicAuth(u.email, PASSWORD))).statusCode).toBe(200);
    await t.enrolSecondFactor(u);
    const refused = await taxii(basicAuth(u.email, PASSWORD));
    expect(refused.statusCode).toBe(401);
    expect(refused.json().description).toMatch(/API key/);
    expect((await taxii(basicAuth(ADMIN.email, ADMIN.password))).statusCode).toBe(401);
    const key = await t.keyFor('prov-48', 'analyst');
    expect((await taxii(basicAuth('apikey', key.key))).statusCode).toBe(200);
  });
});

describe('turning the factor off and resetting it', () => {
  it('turns off with the password and a code; a required user is then back to enrolment only', async () => {
    const u = await t.userIn('prov-79', 'org_admin');
    const { secret } = await t.enrolSecondFactor(u);
    const off = (body: object) => u.post('/api/v1/me/second-factor/disable', body);
    expect((await off({ password: 'wrong-password-here', code: t.nextTotpCode(secret) })).json().error.code).toBe('invalid_credentials');
    expect((await off({ password: PASSWORD, code: '999999' })).json().error.code).toBe('invalid_second_factor');
    expect((await off({ password: PASSWORD, code: t.nextTotpCode(secret) })).statusCode).toBe(200);
    expect((await u.get('/api/v1/orgs')).json().error.code).toBe('second_factor_enrolment_required');
  });

  it('lets an administrator reset another user’s factor: audited, their sessions end, they enrol again', async () => {
    const u = await t.userIn('prov-48', 'org_admin');
    const { secret } = await t.enrolSecondFactor(u);
    const signedIn: Caller = await t.login(u.email, PASSWORD, secret);
    expect((await signedIn.get('/api/v1/orgs')).statusCode).toBe(200);
    expect((await t.admin.get(`/api/v1/users/${u.id}`)).json().secondFactor).toBe(true);
    const reset = await t.admin.delete(`/api/v1/users/${u.id}/second-factor`);
    expect(reset.json()).toMatchObject({ id: u.id, secondFactor: false });
    expect((await signedIn.get('/api/v1/me')).statusCode).toBe(401);
    const audit = await t.platform.db.selectFrom('audit_log').select(['action', 'actor_name']).where('entity_id', '=', u.id).where('action', '=', 'user.second_factor_reset').execute();
    expect(audit).toEqual([{ action: 'user.second_factor_reset', actor_name: 'Administrator' }]);
    const again = await t.login(u.email, PASSWORD);
    expect((await again.get('/api/v1/me')).json().user.stage).toBe('enrolment');
    // nobody resets their own factor this way, and an org admin cannot reach a foreign account
    const me = (await t.admin.get('/api/v1/me')).json().user;
    expect((await t.admin.delete(`/api/v1/users/${me.id}/second-factor`)).statusCode).toBe(403);
  });
});

describe('TOTP secrets at rest', () => {
  it('keeps only a sealed secret in the database: a copy of it cannot make codes, and sign-in still works', async () => {
    const u = await t.userIn('prov-79', 'org_admin');
    const { secret } = await t.enrolSecondFactor(u);
    const stored = (await t.platform.db.selectFrom('second_factors').select('secret').where('user_id', '=', u.id).executeTakeFirstOrThrow()).secret;
    expect(stored).toMatch(/^gcm:/);
    expect(stored).not.toContain(secret);
    expect((await (await t.login(u.email, PASSWORD, secret)).get('/api/v1/orgs')).statusCode).toBe(200);
  });

  it('seals a secret stored before sealing at the next start, and its codes keep working', async () => {
    const u = await t.userIn('prov-48', 'org_admin');
    const { secret } = await t.enrolSecondFactor(u);
    // As an older version stored it.
    await t.platform.db.updateTable('second_factors').set({ secret }).where('user_id', '=', u.id).execute();
    expect((await (await t.login(u.email, PASSWORD, secret)).get('/api/v1/orgs')).statusCode).toBe(200);
    expect(await sealStoredTotpSecrets(t.platform.db, loadTotpSeal(t.platform.config).seal)).toBeGreaterThanOrEqual(1);
    const stored = (await t.platform.db.selectFrom('second_factors').select('secret').where('user_id', '=', u.id).executeTakeFirstOrThrow()).secret;
    expect(stored).toMatch(/^gcm:/);
    expect(await sealStoredTotpSecrets(t.platform.db, loadTotpSeal(t.platform.config).seal)).toBe(0);
    expect((await (await t.login(u.email, PASSWORD, secret)).get('/api/v1/orgs')).statusCode).toBe(200);
  });
});
