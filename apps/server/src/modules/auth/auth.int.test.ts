import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { ADMIN } from '../../testing/template.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

describe('signing in', () => {
  it('opens an httpOnly SameSite session and returns the profile with a CSRF token', async () => {
    const res = await t.anonymous.post('/api/v1/auth/login', ADMIN);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'lachan_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    expect(res.json().user).toMatchObject({ email: ADMIN.email, role: 'national_coordinator' });
    expect(res.json().csrfToken).toMatch(/.{20,}/);
  });

  it('refuses a wrong password with the one error shape, and an unknown e-mail the same way', async () => {
    const wrong = await t.anonymous.post('/api/v1/auth/login', { email: ADMIN.email, password: 'nope' });
    const unknown = await t.anonymous.post('/api/v1/auth/login', { email: 'nobody@x.vn', password: 'nope' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual({ error: { code: 'invalid_credentials', message: expect.any(String) } });
    expect(unknown.json().error.code).toBe('invalid_credentials');
  });

  it('after five failures refuses that address on the account, never the owner signing in from elsewhere', async () => {
    const u = await t.userIn('prov-48', 'analyst');
    const from = (ip: string, password: string) => t.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: ip, payload: { email: u.email, password } });
    for (let i = 0; i < 4; i++) expect((await from('198.51.100.1', 'bad')).statusCode).toBe(401);
    const fifth = await from('198.51.100.1', 'bad');
    expect(fifth.statusCode).toBe(429);
    expect(fifth.json().error.code).toBe('too_many_attempts');
    expect(fifth.headers['retry-after']).toBeDefined();
    expect((await from('198.51.100.1', 'a-long-test-password')).json().error.code).toBe('too_many_attempts');
    expect((await from('198.51.100.2', 'a-long-test-password')).statusCode).toBe(200);
  });

  it('rate-limits repeated sign-in attempts per address and account', async () => {
    const limited = await createTestApp({ loginRateLimit: 3 });
    try {
      const codes = [];
      for (let i = 0; i < 5; i++) codes.push((await limited.anonymous.post('/api/v1/auth/login', { email: 'x@y.vn', password: 'z' })).statusCode);
      expect(codes.slice(0, 3)).toEqual([401, 401, 401]);
      expect(codes[4]).toBe(429);
    } finally {
      await limited.close();
    }
  });
});

describe('sessions', () => {
  it('answers /me for a session and 401 without one', async () => {
    expect((await t.admin.get('/api/v1/me')).json().user.email).toBe(ADMIN.email);
    expect((await t.anonymous.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('refuses a state change sent with the cookie but without the CSRF token', async () => {
    const login = await t.anonymous.post('/api/v1/auth/login', ADMIN);
    const cookie = `lachan_session=${login.cookies.find((c) => c.name === 'lachan_session')!.value}`;
    const res = await t.anonymous.request('PATCH', '/api/v1/me', { locale: 'en' }, { cookie });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf_failed');
  });

  it('ends the session on logout', async () => {
    const u = await t.userIn('prov-01', 'viewer');
    expect((await u.post('/api/v1/auth/logout')).statusCode).toBe(200);
    expect((await u.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('remembers the chosen language', async () => {
    const u = await t.userIn('prov-01', 'viewer');
    expect((await u.patch('/api/v1/me', { locale: 'en' })).json().locale).toBe('en');
    expect((await u.get('/api/v1/me')).json().user.locale).toBe('en');
  });

  it('stores passwords as argon2id hashes only', async () => {
    const row = await t.platform.db.selectFrom('users').select('password_hash').where('email', '=', ADMIN.email).executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });
});

describe('API keys', () => {
  it('authenticates a machine by Bearer key, stores only its hash, and stops working when revoked', async () => {
    const k = await t.keyFor('prov-48', 'connector');
    expect((await k.get('/api/v1/provinces')).statusCode).toBe(200);
    const stored = await t.platform.db.selectFrom('api_keys').selectAll().where('id', '=', k.id).executeTakeFirstOrThrow();
    expect(stored.key_hash).not.toContain(k.key);
    expect(JSON.stringify(stored)).not.toContain(k.key);
    expect((await t.admin.delete(`/api/v1/api-keys/${k.id}`)).json().revokedAt).not.toBeNull();
    expect((await k.get('/api/v1/provinces')).statusCode).toBe(401);
  });

  it('records when a key was last used', async () => {
    const k = await t.keyFor('prov-48', 'viewer');
    await k.get('/api/v1/sectors');
    const list = (await t.admin.get(`/api/v1/api-keys?orgId=${await t.org('prov-48')}`)).json().items;
    expect(list.find((x: { id: string }) => x.id === k.id).lastUsedAt).not.toBeNull();
  });
});
