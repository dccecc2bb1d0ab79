import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { StreamEvent } from '@lachan/contracts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { listenTo, within, type Listener } from '../../testing/sse.ts';
import { buildApp } from '../../http/app.ts';
import { EventRelay } from './relay.ts';
import type { StartedPlatform } from '../../platform-workers.types.ts';

/** "Within seconds": the signal is heard at once on this process, within a poll (500 ms) on another. */
const SECONDS = 3000;
const PASSWORD = 'a-long-test-password';
let t: TestApp;
let base: string;
const open = new Set<AbortController>();

const urlOf = (server: { address(): unknown }) => `http://127.0.0.1:${(server.address() as { port: number }).port}`;
beforeAll(async () => {
  t = await createTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = urlOf(t.app.server);
});
afterEach(() => {
  for (const c of open) c.abort();
  open.clear();
});
afterAll(() => t?.close());

/** Signs in over the network and returns the session cookie (each call is a new session). */
async function cookieOf(email: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }) });
  expect(res.status).toBe(200);
  return res.headers.getSetCookie().find((c) => c.startsWith('lachan_session='))!.split(';')[0]!;
}
let seq = 0;
/** An event every console hears; returns a matcher for it, to know the stream is live up to that point. */
async function marker(): Promise<(e: StreamEvent<{ id?: string }>) => boolean> {
  const id = await t.org('prov-01');
  await t.platform.relay.flush();
  const after = BigInt(t.platform.relay.cursor);
  expect((await t.admin.patch(`/api/v1/orgs/${id}`, { website: `https://moc${++seq}.example.vn` })).statusCode).toBe(200);
  return (e) => e.type === 'org.updated' && e.data.id === id && BigInt(e.id) > after;
}
const stillLive = async (stream: Listener) => stream.until(await marker(), SECONDS);

describe('a stream ends within seconds when its credential stops working', () => {
  it('a revoked API key', async () => {
    const key = await t.keyFor('prov-48', 'analyst');
    const stream = await listenTo(base, { authorization: `Bearer ${key.key}` }, open);
    await stillLive(stream);
    expect((await t.admin.delete(`/api/v1/api-keys/${key.id}`)).statusCode).toBe(200);
    expect(await within(stream.ended, SECONDS)).toBe(true);
    expect((await fetch(`${base}/api/v1/stream`, { headers: { authorization: `Bearer ${key.key}` } })).status).toBe(401);
  });

  it('a disabled account, and nothing is sent after the change', async () => {
    const user = await t.userIn('prov-48', 'org_admin');
    const stream = await listenTo(base, { cookie: await cookieOf(user.email) }, open);
    await stillLive(stream);
    expect((await t.admin.patch(`/api/v1/users/${user.id}`, { status: 'disabled' })).statusCode).toBe(200);
    expect(await within(stream.ended, SECONDS)).toBe(true);
    expect(stream.events.some((e) => e.type === 'user.updated')).toBe(false);
  });

  it('a signed-out session, while the same user’s other session keeps its stream', async () => {
    const user = await t.userIn('prov-48', 'viewer');
    const [first, second] = [await cookieOf(user.email), await cookieOf(user.email)];
    const leaving = await listenTo(base, { cookie: first }, open);
    const staying = await listenTo(base, { cookie: second }, open);
    const csrf = ((await (await fetch(`${base}/api/v1/me`, { headers: { cookie: first } })).json()) as { csrfToken: string }).csrfToken;
    expect((await fetch(`${base}/api/v1/auth/logout`, { method: 'POST', headers: { cookie: first, 'x-csrf-token': csrf } })).status).toBe(200);
    expect(await within(leaving.ended, SECONDS)).toBe(true);
    await stillLive(staying);
  });

  it('whatever path changed it: a key revoked by SQL outside the services', async () => {
    const key = await t.keyFor('prov-79', 'connector');
    const stream = await listenTo(base, { authorization: `Bearer ${key.key}` }, open);
    await sql`update api_keys set revoked_at = now() where id = ${key.id}`.execute(t.platform.db);
    expect(await within(stream.ended, SECONDS)).toBe(true);
  });
});

describe('a role change re-scopes the open stream (it stays open)', () => {
  it('an organisation admin made viewer stops hearing account events at once, and is told', async () => {
    const user = await t.userIn('prov-48', 'org_admin');
    const stream = await listenTo(base, { cookie: await cookieOf(user.email) }, open);
    const created = async () => (await t.admin.post('/api/v1/users', { email: `tk${++seq}@phamvi.example.vn`, name: 'Tài khoản', orgId: user.orgId, role: 'viewer' })).json().user.id as string;
    const before = await created();
    await stream.until((e) => e.type === 'user.created' && e.data.id === before, SECONDS);
    expect((await t.admin.patch(`/api/v1/users/${user.id}`, { role: 'viewer' })).statusCode).toBe(200);
    await stream.until((e) => e.type === 'access.changed' && e.data.role === 'viewer', SECONDS);
    const after = await created();
    await stillLive(stream);
    expect(stream.events.some((e) => e.data.id === after)).toBe(false);
    expect(stream.events.some((e) => e.type === 'user.updated')).toBe(false);
  });
});

describe('other long responses', () => {
  it('an upload in flight is cut when its key is revoked, and its intake run ends failed', async () => {
    const key = await t.keyFor('prov-48', 'analyst');
    const orgId = await t.org('prov-48');
    const cancel = new AbortController();
    open.add(cancel);
    let push!: (chunk: string) => void;
    const body = new ReadableStream<Uint8Array>({ start: (c) => void (push = (s) => c.enqueue(new TextEncoder().encode(s))) });
    const upload = fetch(`${base}/api/v1/intel/bundles`, {
      method: 'POST', body, duplex: 'half', headers: { authorization: `Bearer ${key.key}`, 'content-type': 'application/json' },
      signal: cancel.signal,
    } as RequestInit).then((r) => r.status, () => (cancel.signal.aborted ? 'aborted by the test' : 'cut'));
    push('{"type": "bundle", "id": "bundle--6b6a3f1e-0c8a-4c55-9a36-5d7c4c0f2a11", "objects": [');
    const runs = async () => (await t.admin.get('/api/v1/intel/intake-runs')).json().items as { id: string; orgId: string; status: string }[];
    await expect.poll(async () => (await runs()).some((r) => r.orgId === orgId && r.status === 'running'), { timeout: SECONDS }).toBe(true);
    expect((await t.admin.delete(`/api/v1/api-keys/${key.id}`)).statusCode).toBe(200);
    expect(await within(upload, SECONDS + 1000)).toBe(true);
    expect(await upload).toBe('cut');
    await expect.poll(async () => (await runs()).filter((r) => r.orgId === orgId).map((r) => r.status), { timeout: SECONDS }).toEqual(['failed']);
  });
});

describe('across server processes', () => {
  it('a key revoked through one process ends the stream held by another (it hears the outbox)', async () => {
    const relay = new EventRelay(t.platform.db);
    await relay.start();
    const other: StartedPlatform = { ...t.platform, relay, stopHooks: [] };
    const app = await buildApp(other, { logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const key = await t.keyFor('prov-48', 'viewer');
      const stream = await listenTo(urlOf(app.server), { authorization: `Bearer ${key.key}` }, open);
      expect((await t.admin.delete(`/api/v1/api-keys/${key.id}`)).statusCode).toBe(200);
      expect(await within(stream.ended, SECONDS)).toBe(true);
    } finally {
      for (const c of open) c.abort();
      await app.close();
      for (const stop of other.stopHooks) await stop();
      await relay.stop();
    }
  });
});
