import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { StreamEvent } from '@lachan/contracts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { listenTo, type Listener } from '../../testing/sse.ts';

const PASSWORD = 'a-long-test-password';
let t: TestApp;
let base: string;
const open = new Set<AbortController>();

beforeAll(async () => {
  t = await createTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterEach(() => {
  for (const c of open) c.abort();
  open.clear();
});
afterAll(() => t?.close());

/** Signs in over the network and returns the session cookie. */
async function cookieOf(email: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }) });
  expect(res.status).toBe(200);
  return res.headers.getSetCookie().find((c) => c.startsWith('lachan_session='))!.split(';')[0]!;
}

async function listen(email: string, headers: Record<string, string> = {}): Promise<Listener> {
  return listenTo(base, { cookie: await cookieOf(email), ...headers }, open);
}

let seq = 0;
const touch = async (demoKey: string) => {
  const res = await t.admin.patch(`/api/v1/orgs/${await t.org(demoKey)}`, { website: `https://lan${++seq}.example.vn` });
  expect(res.statusCode).toBe(200);
};
const newUser = async (demoKey: string) => {
  const res = await t.admin.post('/api/v1/users', { email: `moi${++seq}@luong.example.vn`, name: 'Tài khoản mới', orgId: await t.org(demoKey), role: 'viewer' });
  expect(res.statusCode).toBe(201);
  return res.json().user as { id: string; email: string };
};
/** Matches the org.updated event of a demo organisation (what `touch` causes). */
const orgUpdated = async (demoKey: string) => {
  const id = await t.org(demoKey);
  return (e: StreamEvent<{ id?: string }>) => e.type === 'org.updated' && e.data.id === id;
};

describe('directory events', () => {
  it('reach a viewer of any organisation within a second', async () => {
    const viewer = await t.userIn('prov-01', 'viewer');
    const stream = await listen(viewer.email);
    const started = Date.now();
    await touch('prov-79');
    const event = await stream.until(await orgUpdated('prov-79'), 1000);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(event).toMatchObject({ id: expect.stringMatching(/^\d+$/), type: 'org.updated', at: expect.any(String) });
  });
});

describe('account events', () => {
  it('reach the organisation’s admins only, not its viewers nor a foreign admin', async () => {
    const adminA = await t.userIn('prov-48', 'org_admin');
    const viewerA = await t.userIn('prov-48', 'viewer');
    const adminB = await t.userIn('prov-79', 'org_admin');
    const streams = await Promise.all([adminA, viewerA, adminB].map((u) => listen(u.email)));
    const created = await newUser('prov-48');
    await touch('prov-01');
    const marker = await orgUpdated('prov-01');
    await Promise.all(streams.map((s) => s.until(marker)));
    const heard = streams.map((s) => s.events.some((e) => e.type === 'user.created' && e.data.id === created.id));
    expect(heard).toEqual([true, false, false]);
  });

  it('do not reach a SOC provider’s admin, who may not see its clients’ accounts', async () => {
    const socAdmin = await t.userIn('soc-haidang', 'org_admin');
    expect((await socAdmin.get(`/api/v1/users?orgId=${await t.org('egov-ioc-48')}`)).json().items).toEqual([]);
    const stream = await listen(socAdmin.email);
    const created = await newUser('egov-ioc-48');
    expect((await socAdmin.get(`/api/v1/users/${created.id}`)).statusCode).toBe(404);
    await touch('prov-01');
    await stream.until(await orgUpdated('prov-01'));
    expect(stream.events.filter((e) => e.type === 'user.created').map((e) => e.data.email)).not.toContain(created.email);
  });
});

describe('reconnecting', () => {
  it('replays, in order, what was missed after Last-Event-ID, and only what the caller may hear', async () => {
    const viewer = await t.userIn('prov-01', 'viewer');
    const first = await listen(viewer.email);
    await touch('prov-48');
    const seen = await first.until(await orgUpdated('prov-48'));
    first.close();
    await touch('prov-79');
    await newUser('prov-01');
    await touch('prov-01');
    const again = await listen(viewer.email, { 'last-event-id': seen.id });
    await again.until(await orgUpdated('prov-01'));
    const replayed = again.events.map((e) => [e.type, e.data.id]);
    expect(replayed).toEqual([
      ['org.updated', await t.org('prov-79')],
      ['org.updated', await t.org('prov-01')],
    ]);
    const ids = again.events.map((e) => BigInt(e.id));
    expect(ids.every((id, i) => id > BigInt(seen.id) && (i === 0 || id > ids[i - 1]!))).toBe(true);
  });

  it('keeps delivering live events when Last-Event-ID is ahead of the newest event (a console open across a database restore)', async () => {
    const viewer = await t.userIn('prov-01', 'viewer');
    const stream = await listen(viewer.email, { 'last-event-id': '99999999' });
    await touch('prov-79');
    await stream.until(await orgUpdated('prov-79'));
  });
});

describe('access', () => {
  it('refuses an anonymous caller with 401 in the error shape', async () => {
    const res = await fetch(`${base}/api/v1/stream`);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { code: 'unauthenticated', message: expect.any(String) } });
  });
});

describe('incident events', () => {
  it('reach the owner and a supervisor within a second, and never the parent of a RED incident', async () => {
    const owner = await t.userIn('bank-svb', 'analyst');
    const parent = await t.userIn('reg-bank', 'analyst');
    const ownerStream = await listen(owner.email);
    const parentStream = await listen(parent.email);
    const started = Date.now();
    const amber = (await owner.post('/api/v1/incidents', { title: 'Sự cố trực tiếp', severity: 2, tlp: 'AMBER' })).json();
    await ownerStream.until((e) => e.type === 'incident.created' && e.data.id === amber.id, 1000);
    await parentStream.until((e) => e.type === 'incident.created' && e.data.id === amber.id, 1000);
    expect(Date.now() - started).toBeLessThan(1000);
    const red = (await owner.post('/api/v1/incidents', { title: 'Sự cố RED trực tiếp', severity: 2, tlp: 'RED' })).json();
    await ownerStream.until((e) => e.type === 'incident.created' && e.data.id === red.id, 1000);
    await t.platform.relay.flush();
    expect(parentStream.events.some((e) => e.data.id === red.id)).toBe(false);
  });
});
