import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Caller, type TestApp } from '../../testing/harness.ts';

let t: TestApp;
let key: Caller;
let orgId: string;
const DAY = 86_400_000;

const alert = (title: string, severity: string) => ({ title, severity, rule: { id: `RET-${title}` }, rsit: { class: 'intrusions', type: 'application-compromise' }, src: { ip: '203.0.113.90' }, dst: { ip: '10.48.3.3' } });

beforeAll(async () => {
  t = await createTestApp();
  orgId = await t.org('prov-48');
  key = await t.keyFor('prov-48', 'connector');
});
afterAll(() => t?.close());

const count = async (q: string) => (await sql<{ n: number }>`select count(*)::int as n from alerts where org_id = ${orgId} and title = ${q}`.execute(t.platform.db)).rows[0]!.n;

describe('retention', () => {
  it('is the centre\'s to read and set, within bounds, and audited', async () => {
    expect((await t.admin.get('/api/v1/retention')).json()).toMatchObject({ alertDays: null, quarantineDays: null });
    const admin48 = await t.userIn('prov-48', 'org_admin');
    expect((await admin48.put('/api/v1/retention', { alertDays: 30, quarantineDays: 7 })).statusCode).toBe(403);
    expect((await t.admin.put('/api/v1/retention', { alertDays: 5, quarantineDays: 7 })).statusCode).toBe(400);
    expect((await t.admin.put('/api/v1/retention', { alertDays: 30, quarantineDays: 7, auditDays: 1 })).statusCode).toBe(400);
    const res = await t.admin.put('/api/v1/retention', { alertDays: 30, quarantineDays: 7 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ alertDays: 30, quarantineDays: 7, updatedBy: expect.any(String) });
    const audit = await sql<{ after: unknown }>`select after from audit_log where action = 'retention.update'`.execute(t.platform.db);
    expect(audit.rows.map((r) => r.after)).toEqual([{ alertDays: 30, quarantineDays: 7 }]);
  });

  it('deletes old alerts no incident holds, old quarantined records and emptied old partitions; keeps what an incident holds', async () => {
    const lines = [alert('ret-kept', 'critical'), alert('ret-gone', 'low'), alert('ret-gone', 'info')].map((a) => JSON.stringify(a));
    const res = await key.request('POST', '/api/v1/ingest/lachan', Buffer.from([...lines, '{not json'].join('\n')), { 'content-type': 'application/x-ndjson' });
    expect(res.statusCode, res.body).toBe(202);
    await t.platform.relay.flush();
    await t.platform.workers.promotion.idle();
    const linked = await sql<{ n: number }>`select count(*)::int as n from incident_alerts i join alerts a on a.day = i.alert_day and a.id = i.alert_id where a.title = 'ret-kept'`.execute(t.platform.db);
    expect(linked.rows[0]!.n).toBe(1);
    expect(await count('ret-gone')).toBeGreaterThan(0);
    const quarantined = async () => (await sql<{ n: number }>`select count(*)::int as n from quarantine where org_id = ${orgId}`.execute(t.platform.db)).rows[0]!.n;
    expect(await quarantined()).toBeGreaterThan(0);
    await sql`create table alerts_20200101 partition of alerts for values from ('2020-01-01') to ('2020-01-02')`.execute(t.platform.db);

    // nothing is old yet
    await t.platform.workers.retention.task.run();
    expect(await count('ret-gone')).toBeGreaterThan(0);

    const start = Date.now();
    t.platform.now = () => new Date(start + 40 * DAY);
    expect(await t.platform.workers.retention.task.run()).toBeGreaterThan(0);
    expect(await count('ret-gone')).toBe(0);
    expect(await count('ret-kept')).toBe(1);
    expect(await quarantined()).toBe(0);
    const partition = await sql<{ n: number }>`select count(*)::int as n from pg_class where relname = 'alerts_20200101'`.execute(t.platform.db);
    expect(partition.rows[0]!.n).toBe(0);
  });
});
