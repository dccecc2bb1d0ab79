import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type RawBuilder } from 'kysely';
import { createTestApp, type TestApp } from '../../testing/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

type Entry = { id: string; action: string; entityId: string; orgId: string | null; actorName: string; actorType: string; before: Record<string, unknown>; after: Record<string, unknown>; ip: string; requestId: string };

/** The newest audit entries after `afterId`, oldest first. */
async function entriesAfter(afterId: string): Promise<Entry[]> {
  const items = (await t.admin.get('/api/v1/audit?limit=50')).json().items as Entry[];
  return items.filter((e) => BigInt(e.id) > BigInt(afterId)).reverse();
}
const head = async (): Promise<string> => (await t.admin.get('/api/v1/audit?limit=1')).json().items[0].id;
const unit = async (): Promise<string> =>
  (await t.admin.post('/api/v1/orgs', { name: `Phòng Kiểm toán Nội bộ ${Math.random().toString(36).slice(2, 7)}`, kind: 'agency', parentId: await t.org('prov-48') })).json().id;

/** Runs a statement in a transaction that is always rolled back, so a refused statement changes nothing either way. */
const attempt = (statement: RawBuilder<unknown>) =>
  t.platform.db.transaction().execute(async (tx) => {
    await statement.execute(tx);
    throw new Error('the statement was accepted');
  });

/** Edits the audit log behind the API's back, with the append-only trigger off for a moment. */
async function tamper(statement: RawBuilder<unknown>): Promise<void> {
  await sql`alter table audit_log disable trigger audit_log_append_only`.execute(t.platform.db);
  try {
    await statement.execute(t.platform.db);
  } finally {
    await sql`alter table audit_log enable trigger audit_log_append_only`.execute(t.platform.db);
  }
}

describe('one audit record per change, in the same transaction', () => {
  it('writes nothing for a change refused by validation', async () => {
    const id = await unit();
    const before = await head();
    expect((await t.admin.patch(`/api/v1/orgs/${id}`, { sectors: ['NO_SUCH_SECTOR'] })).statusCode).toBe(400);
    expect((await t.admin.patch(`/api/v1/orgs/${id}`, { securityLevel: 9 })).statusCode).toBe(400);
    expect((await t.admin.put(`/api/v1/orgs/${id}/focal-points`, { focalPoints: [1, 2] })).statusCode).toBe(400);
    expect(await head()).toBe(before);
  });

  it('writes nothing for a change refused inside its transaction', async () => {
    const user = { email: `trung${Date.now()}@kiemtoan.example.vn`, name: 'Lê Văn Trùng', orgId: await t.org('prov-48'), role: 'viewer' };
    expect((await t.admin.post('/api/v1/users', user)).statusCode).toBe(201);
    const before = await head();
    expect((await t.admin.post('/api/v1/users', user)).statusCode).toBe(409);
    expect(await head()).toBe(before);
  });

  it('writes exactly one record for a change, with before, after, actor, address and request id', async () => {
    const id = await unit();
    const before = await head();
    const res = await t.admin.patch(`/api/v1/orgs/${id}`, { website: 'https://kiemtoan.example.vn' });
    expect(res.statusCode).toBe(200);
    const written = await entriesAfter(before);
    expect(written).toHaveLength(1);
    expect(written[0]).toMatchObject({
      action: 'org.update', entityId: id, orgId: id, actorType: 'user', actorName: 'Administrator', ip: '127.0.0.1',
      requestId: res.headers['x-request-id'], before: { website: null }, after: { website: 'https://kiemtoan.example.vn' },
    });
  });

  it('records the request id the caller sent', async () => {
    const id = await unit();
    const before = await head();
    await t.admin.request('PATCH', `/api/v1/orgs/${id}`, { website: 'https://a.example.vn' }, { 'x-request-id': 'soc-ticket-4821' });
    expect((await entriesAfter(before)).map((e) => e.requestId)).toEqual(['soc-ticket-4821']);
  });
});

describe('reading the audit log', () => {
  it('shows an org_admin its own subtree only and refuses a foreign organisation', async () => {
    const admin48 = await t.userIn('prov-48', 'org_admin');
    const own = await unit();
    await t.admin.patch(`/api/v1/orgs/${own}`, { website: 'https://own.example.vn' });
    const items = (await admin48.get(`/api/v1/audit?orgId=${own}`)).json().items as Entry[];
    expect(items.map((e) => e.action)).toEqual(['org.update', 'org.create']);
    const mine = (await admin48.get('/api/v1/audit?limit=500')).json().items as Entry[];
    const prov48 = await t.org('prov-48');
    for (const orgId of new Set(mine.map((e) => e.orgId))) {
      const org = (await t.admin.get(`/api/v1/orgs/${orgId}`)).json();
      expect([org.id, org.parentId]).toContain(prov48);
    }
    expect((await admin48.get(`/api/v1/audit?orgId=${await t.org('prov-79')}`)).statusCode).toBe(403);
    expect((await admin48.get('/api/v1/audit/verify')).statusCode).toBe(403);
  });

  it('pages with a cursor, newest first', async () => {
    const first = (await t.admin.get('/api/v1/audit?limit=2')).json();
    expect(first.items).toHaveLength(2);
    expect(BigInt(first.items[0].id)).toBeGreaterThan(BigInt(first.items[1].id));
    const next = (await t.admin.get(`/api/v1/audit?limit=2&before=${first.nextCursor}`)).json();
    expect(BigInt(next.items[0].id)).toBeLessThan(BigInt(first.items[1].id));
  });
});

describe('the hash chain', () => {
  it('verifies an untouched log', async () => {
    const res = (await t.admin.get('/api/v1/audit/verify')).json();
    expect(res).toMatchObject({ ok: true, firstBroken: null });
    expect(res.checked).toBeGreaterThan(100);
  });

  it('names exactly the row that was edited behind the API’s back', async () => {
    const id = await unit();
    await t.admin.patch(`/api/v1/orgs/${id}`, { website: 'https://thật.example.vn' });
    const target = (await entriesAfter('0')).at(-1)!;
    expect(target.action).toBe('org.update');
    const original = await sql<{ after: string }>`select after::text as after from audit_log where id = ${target.id}::bigint`.execute(t.platform.db);
    await tamper(sql`update audit_log set after = jsonb_set(after, '{website}', '"https://gia.example.vn"') where id = ${target.id}::bigint`);
    try {
      const res = (await t.admin.get('/api/v1/audit/verify')).json();
      expect(res.ok).toBe(false);
      expect(res.firstBroken).toEqual({ id: target.id, reason: expect.stringContaining('edited') });
    } finally {
      await tamper(sql`update audit_log set after = ${original.rows[0]!.after}::jsonb where id = ${target.id}::bigint`);
    }
    expect((await t.admin.get('/api/v1/audit/verify')).json().ok).toBe(true);
  });

  it('is refused by the database itself when a row is updated or deleted', async () => {
    const id = await head();
    await expect(attempt(sql`update audit_log set action = 'nothing.happened' where id = ${id}::bigint`)).rejects.toThrow(/append-only/);
    await expect(attempt(sql`delete from audit_log where id = ${id}::bigint`)).rejects.toThrow(/append-only/);
    expect(await head()).toBe(id);
  });

  it('is refused by the database itself when truncated (the chain cannot tell an empty log from a wiped one)', async () => {
    await expect(attempt(sql`truncate audit_log`)).rejects.toThrow(/append-only/);
    expect((await t.admin.get('/api/v1/audit/verify')).json().checked).toBeGreaterThan(100);
  });
});
