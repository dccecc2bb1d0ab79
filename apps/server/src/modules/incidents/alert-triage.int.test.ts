import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Caller, type TestApp } from '../../testing/harness.ts';

type Alert = { id: string; title: string; incidentId: string | null; falsePositive: { reason: string; by: string } | null; assigneeUserId: string | null };

let t: TestApp;
let key: Caller;
let own: Caller & { id: string };
let soc: Caller & { id: string };
let parent: Caller;
let viewer: Caller;
let otherSoc: Caller & { id: string };
let stranger: Caller;
let orgId: string;
let seq = 0;

/** An alert of the e-government centre of Đà Nẵng (a client of the Hải Đăng SOC, a unit of the province). */
const alert = (rule: string, attacker: string, severity = 'high', host = `10.148.0.${++seq % 250}`) => ({
  title: `Probe ${rule}`, severity, rule: { id: rule }, rsit: { class: 'intrusion-attempts', type: 'exploit' }, attack: ['T1190'],
  src: { ip: attacker }, dst: { ip: host }, observables: [{ type: 'ipv4', value: attacker, role: 'src' }],
});

async function send(alerts: unknown[]): Promise<Alert[]> {
  const res = await key.request('POST', '/api/v1/ingest/lachan', Buffer.from(alerts.map((a) => JSON.stringify(a)).join('\n')), { 'content-type': 'application/x-ndjson' });
  expect(res.statusCode, res.body).toBe(202);
  await t.platform.relay.flush();
  await t.platform.workers.promotion.idle();
  const titles = new Set(alerts.map((a) => (a as { title: string }).title));
  return ((await own.get(`/api/v1/alerts?orgId=${orgId}&limit=500`)).json().items as Alert[]).filter((a) => titles.has(a.title)).reverse();
}
const alertsOf = async (title: string) => ((await own.get(`/api/v1/alerts?orgId=${orgId}&q=${encodeURIComponent(title)}&limit=500`)).json().items as Alert[]);

beforeAll(async () => {
  t = await createTestApp();
  orgId = await t.org('egov-ioc-48');
  key = await t.keyFor('egov-ioc-48', 'connector');
  own = await t.userIn('egov-ioc-48', 'analyst');
  soc = await t.userIn('soc-haidang', 'analyst');
  parent = await t.userIn('prov-48', 'analyst');
  viewer = await t.userIn('egov-ioc-48', 'viewer');
  otherSoc = await t.userIn('soc-khienxanh', 'analyst');
  stranger = await t.userIn('prov-79', 'analyst');
});
afterAll(() => t?.close());

describe('opening an incident from chosen alerts, adding alerts to one', () => {
  it('opens one incident holding the alerts, their class, techniques and observables, titled by what they share', async () => {
    const [a, b] = await send([alert('WEB-1', '203.0.113.5'), alert('WEB-1', '203.0.113.5')]);
    const res = await own.post('/api/v1/alerts/open-incident', { alertIds: [a!.id, b!.id] });
    expect(res.statusCode, res.body).toBe(201);
    const inc = res.json();
    expect(inc).toMatchObject({ orgId, alertCount: 2, severity: 3, titleCode: 'alerts', rsitClass: 'intrusion-attempts', attack: ['T1190'], title: 'Probe WEB-1 from 203.0.113.5' });
    expect(inc.titleParams).toEqual({ count: '2', signature: 'Probe WEB-1', attacker: '203.0.113.5' });
    expect(inc.observables).toEqual([{ type: 'ipv4', value: '203.0.113.5' }]);
    expect((await alertsOf('Probe WEB-1')).map((x) => x.incidentId)).toEqual([inc.id, inc.id]);

    const [c] = await send([alert('WEB-2', '198.51.100.9')]);
    const added = await own.post(`/api/v1/incidents/${inc.id}/alerts`, { alertIds: [c!.id] });
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json().alertCount).toBe(3);
    expect(added.json().observables).toEqual(expect.arrayContaining([{ type: 'ipv4', value: '198.51.100.9' }]));

    const named = await own.post('/api/v1/alerts/open-incident', { alertIds: [c!.id], title: 'Dò quét cổng thông tin', severity: 2, tlp: 'GREEN' });
    expect(named.json()).toMatchObject({ title: 'Dò quét cổng thông tin', titleCode: null, severity: 2, tlp: 'GREEN' });
  });

  it('refuses alerts of several organisations in one incident, and unknown alert ids', async () => {
    const [mine] = await send([alert('WEB-3', '203.0.113.6')]);
    const elsewhere = await t.keyFor('prov-48', 'connector');
    await elsewhere.request('POST', '/api/v1/ingest/lachan', Buffer.from(JSON.stringify({ ...alert('WEB-3', '203.0.113.6'), title: 'Probe at the province' })), { 'content-type': 'application/x-ndjson' });
    const theirs = ((await parent.get(`/api/v1/alerts?q=${encodeURIComponent('Probe at the province')}`)).json().items as Alert[])[0]!;
    const mixed = await parent.post('/api/v1/alerts/open-incident', { alertIds: [mine!.id, theirs.id] });
    expect(mixed.statusCode).toBe(400);
    expect(mixed.json().error.message).toMatch(/several organisations/);
    expect((await own.post('/api/v1/alerts/open-incident', { alertIds: ['20200101-1'] })).statusCode).toBe(404);
  });
});

describe('who may act on alerts', () => {
  it('lets the organisation, its SOC provider and the province above it act; others do not see the alerts; viewers and machines may not act', async () => {
    const [x] = await send([alert('WEB-4', '203.0.113.7')]);
    const body = { alertIds: [x!.id], reason: 'Quét của đơn vị kiểm thử được cấp phép' };
    for (const c of [stranger, otherSoc]) {
      for (const [url, b] of [['/api/v1/alerts/false-positive', body], ['/api/v1/alerts/assign', { alertIds: [x!.id], assigneeUserId: null }], ['/api/v1/alerts/open-incident', { alertIds: [x!.id] }]] as const) {
        const res = await c.post(url, b);
        expect(res.statusCode, `${url}: ${res.body}`).toBe(404);
        expect(res.json().error.code).toBe('not_found');
      }
    }
    expect((await viewer.post('/api/v1/alerts/false-positive', body)).statusCode).toBe(403);
    expect((await key.post('/api/v1/alerts/assign', { alertIds: [x!.id], assigneeUserId: null })).statusCode).toBe(403);
    expect((await t.anonymous.post('/api/v1/alerts/false-positive', body)).statusCode).toBe(401);
    expect((await (await alertsOf('Probe WEB-4'))[0]!).falsePositive).toBeNull();

    expect((await soc.post('/api/v1/alerts/assign', { alertIds: [x!.id], assigneeUserId: soc.id })).json()).toEqual({ updated: 1, suppressed: [] });
    expect((await alertsOf('Probe WEB-4'))[0]!.assigneeUserId).toBe(soc.id);
    expect((await parent.post('/api/v1/alerts/false-positive', body)).statusCode).toBe(200);
    expect((await alertsOf('Probe WEB-4'))[0]!.falsePositive).toMatchObject({ reason: body.reason });
  });

  it('gives alerts only to someone who may see them', async () => {
    const [x] = await send([alert('WEB-5', '203.0.113.8')]);
    const bad = await own.post('/api/v1/alerts/assign', { alertIds: [x!.id], assigneeUserId: otherSoc.id });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('validation_failed');
    expect((await own.post('/api/v1/alerts/assign', { alertIds: [x!.id], assigneeUserId: own.id })).json().updated).toBe(1);
    expect((await own.post('/api/v1/alerts/assign', { alertIds: [x!.id], assigneeUserId: null })).json().updated).toBe(1);
    expect((await alertsOf('Probe WEB-5'))[0]!.assigneeUserId).toBeNull();
  });
});

describe('marking alerts false positive', () => {
  it('keeps the verdict on the alert, audits it and tells the campaign engine with the alerts and their observables', async () => {
    const [x, y] = await send([alert('SCAN-1', '198.51.100.40'), alert('SCAN-1', '198.51.100.41')]);
    const res = await own.post('/api/v1/alerts/false-positive', { alertIds: [x!.id, y!.id], reason: 'Máy quét của nhà cung cấp dịch vụ' });
    expect(res.json()).toEqual({ updated: 2, suppressed: [] });
    const marked = await alertsOf('Probe SCAN-1');
    expect(marked.map((a) => a.falsePositive)).toEqual([0, 1].map(() => expect.objectContaining({ reason: 'Máy quét của nhà cung cấp dịch vụ' })));
    const events = await sql<{ payload: { alertIds: string[]; observables: unknown[]; orgId: string } }>`select payload from outbox where type = 'alerts.false_positive'`.execute(t.platform.db);
    const ev = events.rows.find((e) => e.payload.alertIds.includes(x!.id))!.payload;
    expect(ev).toMatchObject({ orgId, alertIds: expect.arrayContaining([x!.id, y!.id]) });
    expect(ev.observables).toEqual(expect.arrayContaining([{ type: 'ipv4', value: '198.51.100.40' }, { type: 'ipv4', value: '198.51.100.41' }]));
    const audit = await sql<{ n: number }>`select count(*)::int as n from audit_log where action = 'alerts.false_positive' and org_id = ${orgId}`.execute(t.platform.db);
    expect(audit.rows[0]!.n).toBeGreaterThan(0);
    // Marking again changes nothing.
    expect((await own.post('/api/v1/alerts/false-positive', { alertIds: [x!.id], reason: 'lại' })).json().updated).toBe(0);
  });

  it('suppresses a rule for a group whose incidents keep holding false positives, visibly, until lifted; repeats of a marked alert promote nothing', async () => {
    const incidents = async () => ((await own.get(`/api/v1/incidents?orgId=${orgId}&limit=200`)).json().items as { id: string; titleParams: Record<string, string> | null; status: string }[])
      .filter((i) => i.titleParams?.signature?.includes('(FP-9)'));
    // One signature on one system from ever new sources (distinct alerts): one group of the critical rule.
    const noisy = () => ({ ...alert('FP-9', `203.0.113.${++seq % 250}`, 'critical', '10.148.9.9'), title: `Probe FP-9 ${seq}` });
    const newest = async () => (await alertsOf('Probe FP-9 '))[0]!;
    const firstAlert = noisy();
    await send([firstAlert]);
    const first = await newest();
    const [one] = await incidents();
    const r1 = await own.post('/api/v1/alerts/false-positive', { alertIds: [first.id], reason: 'Công cụ giám sát nội bộ' });
    expect(r1.json()).toEqual({ updated: 1, suppressed: [] });
    // A repeat of the marked alert (same fingerprint) folds into it and opens nothing, even with its incident ended.
    expect((await own.post(`/api/v1/incidents/${one!.id}/transition`, { to: 'rejected', resolution: 'false_positive' })).statusCode).toBe(200);
    await send([firstAlert]);
    expect((await newest()).id).toBe(first.id);
    expect(await incidents()).toHaveLength(1);

    await send([noisy()]);
    const second = await newest();
    const open = (await incidents()).filter((i) => i.status === 'new');
    expect(open).toHaveLength(1);
    const r2 = await own.post('/api/v1/alerts/false-positive', { alertIds: [second.id], reason: 'Vẫn là công cụ giám sát nội bộ' });
    const [s] = r2.json().suppressed;
    expect(s).toMatchObject({ ruleName: 'Critical alert', orgId, incidents: 2, falsePositives: 2, reason: 'Vẫn là công cụ giám sát nội bộ', liftedAt: null });
    expect(s.label).toEqual({ signature: expect.stringMatching(/^Probe FP-9 \d+ \(FP-9\)$/), asset: '10.148.9.9' });
    expect((await own.get('/api/v1/promotion-suppressions')).json().map((x: { id: string }) => x.id)).toContain(s.id);
    expect((await stranger.get('/api/v1/promotion-suppressions')).json().map((x: { id: string }) => x.id)).not.toContain(s.id);

    expect((await own.post(`/api/v1/incidents/${open[0]!.id}/transition`, { to: 'rejected', resolution: 'false_positive' })).statusCode).toBe(200);
    await send([noisy()]);
    expect(await incidents()).toHaveLength(2);
    // The same signature on another system is another group: still promoted.
    await send([{ ...alert('FP-9', '203.0.113.201', 'critical', '10.148.9.10'), title: 'Probe FP-9 elsewhere' }]);
    expect(await incidents()).toHaveLength(3);

    expect((await stranger.delete(`/api/v1/promotion-suppressions/${s.id}`)).statusCode).toBe(404);
    expect((await viewer.delete(`/api/v1/promotion-suppressions/${s.id}`)).statusCode).toBe(403);
    const lifted = await own.delete(`/api/v1/promotion-suppressions/${s.id}`);
    expect(lifted.json()).toMatchObject({ id: s.id, liftedByName: expect.any(String) });
    expect((await own.get('/api/v1/promotion-suppressions')).json().map((x: { id: string }) => x.id)).not.toContain(s.id);
    await send([noisy()]);
    expect(await incidents()).toHaveLength(4);
  });
});
