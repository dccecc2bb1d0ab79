import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../http/app.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { ADMIN } from '../../testing/template.ts';
import { basicAuth, TAXII_TYPE } from '../../testing/medallion.ts';

const PASSWORD = 'a-long-test-password';
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

/** A sign-in attempt from `ip` (optionally with the device cookie of a browser). */
const login = (ip: string, email: string, password: string, device?: string, app: FastifyInstance = t.app) =>
  app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: ip, payload: { email, password }, ...(device ? { cookies: { lachan_device: device } } : {}) });
const taxii = (ip: string, authorization: { authorization: string }) =>
  t.app.inject({ method: 'GET', url: '/taxii2/', remoteAddress: ip, headers: { accept: TAXII_TYPE, ...authorization } });
const bearer = (ip: string, key: string) => t.app.inject({ method: 'GET', url: '/api/v1/sectors', remoteAddress: ip, headers: { authorization: `Bearer ${key}` } });

describe('sign-in throttling', () => {
  it('throttles one address spraying many accounts, across server processes, and not the accounts', async () => {
    const users = await Promise.all(Array.from({ length: 3 }, () => t.userIn('prov-48', 'analyst')));
    const emails = [...users.map((u) => u.email), ...Array.from({ length: 47 }, (_, i) => `nobody${i}@spray.example.vn`)];
    // a second server process on the same database: the counters live in the database, not in memory
    const other = await buildApp(t.platform, { logger: false });
    try {
      const codes: number[] = [];
      for (const [i, email] of emails.entries()) codes.push((await login('198.51.100.7', email, 'Spring2026!spray', undefined, i % 2 ? other : t.app)).statusCode);
      expect(codes.slice(0, 29).every((c) => c === 401)).toBe(true);
      expect(codes.slice(29)).toEqual(Array(21).fill(429));
      const refused = await login('198.51.100.7', users[0]!.email, PASSWORD, undefined, other);
      expect(refused.statusCode).toBe(429);
      expect(refused.json().error.code).toBe('too_many_attempts');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(800);
      for (const u of users) expect((await login('203.0.113.20', u.email, PASSWORD)).statusCode).toBe(200);
    } finally {
      await other.close();
    }
  });

  it('100 wrong TAXII Basic attempts on the administrator from one address do not stop the administrator elsewhere', async () => {
    const codes = new Map<number, number>();
    for (let i = 0; i < 100; i++) {
      const s = (await taxii('192.0.2.66', basicAuth(ADMIN.email, `guess-number-${i}-xyz`))).statusCode;
      codes.set(s, (codes.get(s) ?? 0) + 1);
    }
    expect(Object.fromEntries(codes)).toEqual({ 401: 4, 429: 96 });
    // the attacker's address may not even try the right password now
    expect((await taxii('192.0.2.66', basicAuth(ADMIN.email, ADMIN.password))).statusCode).toBe(429);
    expect((await login('10.1.2.3', ADMIN.email, ADMIN.password)).statusCode).toBe(200);
    expect((await taxii('10.1.2.4', basicAuth(ADMIN.email, ADMIN.password))).statusCode).toBe(200);
  });

  it('counts an unknown e-mail exactly like a known one, so the answers tell nobody who exists', async () => {
    const known = await t.userIn('prov-79', 'viewer');
    const answers = async (ip: string, email: string) => {
      const out: number[] = [];
      for (let i = 0; i < 6; i++) out.push((await login(ip, email, `wrong-password-${i}-abc`)).statusCode);
      return out;
    };
    expect(await answers('198.51.100.21', known.email)).toEqual([401, 401, 401, 401, 429, 429]);
    expect(await answers('198.51.100.22', 'no-such-person@prov79.example.vn')).toEqual([401, 401, 401, 401, 429, 429]);
  });

  it('against an attack from many addresses, refuses only strangers: the owner’s browser and known address still sign in', async () => {
    const u = await t.userIn('prov-01', 'analyst');
    const first = await login('203.0.113.50', u.email, PASSWORD);
    const device = first.cookies.find((c) => c.name === 'lachan_device')!.value;
    expect(first.cookies.find((c) => c.name === 'lachan_device')!.httpOnly).toBe(true);
    for (let i = 0; i < 20; i++) expect((await login(`100.64.${i}.9`, u.email, `botnet-guess-${i}-qq`)).statusCode, `attempt ${i}`).toBe(401);
    const stranger = await login('100.64.200.1', u.email, PASSWORD);
    expect(stranger.statusCode).toBe(429);
    expect(stranger.json().error.message).toMatch(/only browsers and addresses it signed in from before/);
    expect((await login('100.64.200.2', u.email, PASSWORD, device)).statusCode).toBe(200);
    expect((await login('203.0.113.50', u.email, PASSWORD)).statusCode).toBe(200);
    // the administrator sees the account under attack and lifts the throttle for everyone
    const seen = (await t.admin.get(`/api/v1/users/${u.id}`)).json();
    expect(new Date(seen.lockedUntil).getTime()).toBeGreaterThan(Date.now());
    expect((await t.admin.patch(`/api/v1/users/${u.id}`, { unlock: true })).json().lockedUntil).toBeNull();
    expect((await login('100.64.200.3', u.email, PASSWORD)).statusCode).toBe(200);
  });

  it('throttles wrong API keys per address on every path, while a real key from there still works', async () => {
    const k = await t.keyFor('prov-48', 'viewer');
    const codes: number[] = [];
    for (let i = 0; i < 32; i++) {
      const wrong = `lck_abcdefgh_${String(i).padStart(40, 'x')}`;
      codes.push((i % 2 ? await bearer('198.51.100.99', wrong) : await taxii('198.51.100.99', basicAuth('apikey', wrong))).statusCode);
    }
    expect(codes.slice(0, 29).every((c) => c === 401)).toBe(true);
    expect(codes.slice(29)).toEqual([429, 429, 429]);
    expect((await login('198.51.100.99', ADMIN.email, ADMIN.password)).statusCode).toBe(429);
    expect((await bearer('198.51.100.99', k.key)).statusCode).toBe(200);
  });

  it('throttles the current-password check of a password change like a sign-in', async () => {
    const u = await t.userIn('prov-48', 'responder');
    const change = (current: string) => u.request('POST', '/api/v1/me/password', { currentPassword: current, newPassword: 'violet tundra orchestra 71' });
    const codes = [];
    for (let i = 0; i < 6; i++) codes.push((await change(`not-my-password-${i}`)).statusCode);
    expect(codes).toEqual([400, 400, 400, 400, 429, 429]);
    expect((await change(PASSWORD)).statusCode).toBe(429);
  });
});
