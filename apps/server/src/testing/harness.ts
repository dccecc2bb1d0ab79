import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Role } from '@lachan/contracts';
import { buildApp } from '../http/app.ts';
import { startPlatform, stopPlatform } from '../platform.ts';
import type { StartedPlatform } from '../platform-workers.types.ts';
import type { Config } from '../config.ts';
import { totpCodeAt } from '../modules/auth/index.ts';
import { ADMIN, openTestDatabase, testConfig } from './template.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A caller of the in-process app: a signed-in user (cookie + CSRF), an API key, or nobody. */
export interface Caller {
  request(method: Method, url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
  /** The headers that authenticate this caller (cookie and CSRF token, or Bearer key), for requests over the network. */
  readonly auth: Record<string, string>;
}

/** One route of the application as Fastify registered it (HEAD routes included). */
export interface RegisteredRoute {
  method: string;
  url: string;
}

export interface TestApp {
  app: FastifyInstance;
  platform: StartedPlatform;
  /** Every route the application registered, in order. */
  routes: RegisteredRoute[];
  anonymous: Caller;
  admin: Caller;
  /**
   * Signs in with e-mail and password, then, when the account has a second factor, with a fresh code
   * of `totpSecret` (the account's TOTP secret, as `enrolSecondFactor` returns it).
   */
  login(email: string, password: string, totpSecret?: string): Promise<Caller>;
  /** Enrols a TOTP second factor for a signed-in caller with a real code; returns its secret and recovery codes. */
  enrolSecondFactor(who: Caller): Promise<{ secret: string; recoveryCodes: string[] }>;
  /**
   * The code an authenticator app would show 30 s later than the last one asked for: the platform
   * clock moves on a step, since the server never accepts a step twice.
   */
  nextTotpCode(secret: string): string;
  /** Creates a user of `role` in the organisation (by demo key or id) and signs them in. */
  userIn(org: string, role: Exclude<Role, 'connector'>): Promise<Caller & { id: string; email: string; orgId: string }>;
  /** Issues an API key of `role` for the organisation and returns a caller that sends it. */
  keyFor(org: string, role: Role): Promise<Caller & { id: string; key: string }>;
  /** The id of a demo organisation by its stable key (e.g. 'ncc', 'prov-48'). */
  org(demoKey: string): Promise<string>;
  close(): Promise<void>;
}

function caller(app: FastifyInstance, base: { cookie?: string; csrf?: string; bearer?: string }): Caller {
  const auth: Record<string, string> = {
    ...(base.cookie ? { cookie: base.cookie } : {}),
    ...(base.csrf ? { 'x-csrf-token': base.csrf } : {}),
    ...(base.bearer ? { authorization: `Bearer ${base.bearer}` } : {}),
  };
  const safeAuth = Object.fromEntries(Object.entries(auth).filter(([name]) => name !== 'x-csrf-token'));
  const request = (method: Method, url: string, body?: unknown, headers: Record<string, string> = {}) =>
    app.inject({
      method,
      url,
      headers: {
        ...(method === 'GET' ? safeAuth : auth),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      // A Buffer goes as it is (file uploads); anything else as JSON.
      ...(body !== undefined ? { payload: Buffer.isBuffer(body) ? body : JSON.stringify(body) } : {}),
    });
  return {
    request,
    auth,
    get: (url) => request('GET', url),
    post: (url, body) => request('POST', url, body ?? {}),
    patch: (url, body) => request('PATCH', url, body ?? {}),
    put: (url, body) => request('PUT', url, body ?? {}),
    delete: (url) => request('DELETE', url),
  };
}

let seq = 0;

/** Starts the whole application in-process on a fresh copy of the template database. */
export async function createTestApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const { database, drop } = await openTestDatabase();
  const platform = await startPlatform(testConfig(overrides), { database });
  const routes: RegisteredRoute[] = [];
  const app = await buildApp(platform, { logger: false, onRoute: (r) => void routes.push(...[r.method].flat().map((method) => ({ method, url: r.url }))) });
  await app.ready();
  const orgIds = new Map<string, string>();

  let clockOffsetMs = 0;
  const nextTotpCode = (secret: string): string => {
    clockOffsetMs += 30_000;
    platform.now = () => new Date(Date.now() + clockOffsetMs);
    return totpCodeAt(secret, platform.now());
  };
  const session = (res: LightMyRequestResponse): Caller => {
    const cookie = res.cookies.find((c) => c.name === 'lachan_session')!;
    return caller(app, { cookie: `lachan_session=${cookie.value}`, csrf: res.json().csrfToken });
  };
  const login = async (email: string, password: string, totpSecret?: string): Promise<Caller> => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
    if (res.statusCode !== 200) throw new Error(`login of ${email} failed: ${res.statusCode} ${res.body}`);
    if (res.json().user.stage !== 'second_factor') return session(res);
    if (!totpSecret) throw new Error(`login of ${email} needs a second factor code`);
    const second = await session(res).post('/api/v1/auth/second-factor', { code: nextTotpCode(totpSecret) });
    if (second.statusCode !== 200) throw new Error(`second factor of ${email} failed: ${second.statusCode} ${second.body}`);
    return session(second);
  };
  const enrolSecondFactor = async (who: Caller) => {
    const started = await who.post('/api/v1/me/second-factor/enrolment');
    if (started.statusCode !== 200) throw new Error(`enrolment failed: ${started.body}`);
    const { secret } = started.json() as { secret: string };
    const confirmed = await who.post('/api/v1/me/second-factor/enrolment/confirm', { code: nextTotpCode(secret) });
    if (confirmed.statusCode !== 200) throw new Error(`enrolment confirmation failed: ${confirmed.body}`);
    return { secret, recoveryCodes: confirmed.json().recoveryCodes as string[] };
  };
  const admin = await login(ADMIN.email, ADMIN.password);
  const org = async (key: string): Promise<string> => {
    if (/^[0-9a-f-]{36}$/.test(key)) return key;
    if (!orgIds.has(key)) {
      const row = await platform.db.selectFrom('organizations').select('id').where('demo_key', '=', key).executeTakeFirst();
      if (!row) throw new Error(`no demo organisation ${key}`);
      orgIds.set(key, row.id);
    }
    return orgIds.get(key)!;
  };

  return {
    app,
    platform,
    routes,
    anonymous: caller(app, {}),
    admin,
    login,
    enrolSecondFactor,
    nextTotpCode,
    org,
    async userIn(orgKey, role) {
      const orgId = await org(orgKey);
      const email = `u${++seq}-${role}-${Math.random().toString(36).slice(2, 7)}@test.example.vn`;
      const password = 'a-long-test-password';
      const res = await admin.post('/api/v1/users', { email, name: `Test ${role}`, orgId, role, password });
      if (res.statusCode !== 201) throw new Error(`user creation failed: ${res.body}`);
      return Object.assign(await login(email, password), { id: res.json().user.id as string, email, orgId });
    },
    async keyFor(orgKey, role) {
      const res = await admin.post('/api/v1/api-keys', { name: `key ${role}`, orgId: await org(orgKey), role });
      if (res.statusCode !== 201) throw new Error(`key creation failed: ${res.body}`);
      const { id, key } = res.json() as { id: string; key: string };
      return Object.assign(caller(app, { bearer: key }), { id, key });
    },
    async close() {
      await app.close();
      await stopPlatform(platform);
      await drop();
    },
  };
}
