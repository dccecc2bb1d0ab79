import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Caller, type TestApp } from '../../testing/harness.ts';

type Incident = { id: string; title: string; titleCode: string | null; titleParams: Record<string, string> | null; alertCount: number; status: string; relatedIncidentId: string | null };
type Entry = { kind: string; data: Record<string, unknown> };

let t: TestApp;
let key: Caller;
let analyst: Caller;
let orgId: string;

/**
 * A critical alert of `rule` from `attacker` on the organisation's host `host`; each is a distinct
 * alert (its title carries a request number, as some sources' titles carry a file name).
 */
let seq = 0;
const critical = (rule: string, attacker: string | null, host: string | null, over: Record<string, unknown> = {}) => ({
  title: `Exploit ${rule} request ${++seq}`, severity: 'critical', rule: { id: rule }, rsit: { class: 'intrusions', type: 'application-compromise' }, attack: ['T1190'],
  ...(attacker ? { src: { ip: attacker } } : {}), dst: { ip: '10.48.7.10' }, ...(host ? { asset: { hostname: host } } : {}),
  observables: attacker ? [{ type: 'ipv4', value: attacker, role: 'src' }, { type: 'domain', value: `c2-${rule}.example.net`, role: 'related' }] : [],
  ...over,
});

async function send(alerts: unknown[]): Promise<void> {
  const res = await key.request('POST', '/api/v1/ingest/lachan', Buffer.from(alerts.map((a) => JSON.stringify(a)).join('\n')), { 'content-type': 'application/x-ndjson' });
  expect(res.statusCode, res.body).toBe(202);
  await t.platform.relay.flush();
  await t.platform.workers.promotion.idle();
}

/** The incidents promotion opened for a rule id (by the signature in their title parameters), oldest first. */
async function incidentsOf(rule: string): Promise<Incident[]> {
  const items = (await analyst.get(`/api/v1/incidents?orgId=${orgId}&limit=200`)).json().items as Incident[];
  return items.filter((i) => i.titleParams?.signature?.includes(`(${rule})`)).reverse();
}
const detail = async (id: string) => (await analyst.get(`/api/v1/incidents/${id}`)).json();
const timeline = async (id: string) => (await analyst.get(`/api/v1/incidents/${id}/timeline`)).json() as Entry[];

beforeAll(async () => {
  t = await createTestApp();
  orgId = await t.org('prov-48');
  key = await t.keyFor('prov-48', 'connector');
  analyst = await t.userIn('prov-48', 'analyst');
});
afterAll(() => t?.close());

describe('incidents grouped by the shipped critical rule', () => {
  it('opens one incident for 100 critical alerts of one signature from one attacker on one system, counting them, with one timeline line per batch at most', async () => {
    for (let batch = 0; batch < 4; batch++) await send(Array.from({ length: 25 }, () => critical('CVE-2024-3400', '203.0.113.50', 'portal.danang.example.vn')));
    const [inc, ...more] = await incidentsOf('CVE-2024-3400');
    expect(more).toHaveLength(0);
    expect(inc).toMatchObject({ alertCount: 100, status: 'new', titleCode: 'promoted' });
    expect(inc!.title).toBe('Critical alert: Exploit CVE-2024-3400 request 1 (CVE-2024-3400) on portal.danang.example.vn');
    expect(inc!.titleParams).toEqual({ rule: 'Critical alert', signature: 'Exploit CVE-2024-3400 request 1 (CVE-2024-3400)', asset: 'portal.danang.example.vn' });

    const d = await detail(inc!.id);
    expect(d).toMatchObject({ rsitClass: 'intrusions', attack: ['T1190'], affectedAssets: ['portal.danang.example.vn'] });
    expect(d.observables).toEqual(expect.arrayContaining([{ type: 'ipv4', value: '203.0.113.50' }, { type: 'domain', value: 'c2-cve-2024-3400.example.net' }]));
    const entries = await timeline(inc!.id);
    expect(entries.filter((e) => e.kind === 'created')).toHaveLength(1);
    const grouped = entries.filter((e) => e.kind === 'alerts_grouped');
    // Batches of one quarter hour fold into one summary line: three later batches, 75 alerts.
    expect(grouped).toHaveLength(1);
    expect(grouped[0]!.data).toMatchObject({ alerts: 75, rule: 'Critical alert' });
  });

  it('tells incidents apart: the same signature on another system gets its own, titled by it; another attacker on the first joins it', async () => {
    await send([critical('CVE-2024-3400', '203.0.113.50', 'vpn.danang.example.vn'), critical('CVE-2024-3400', '198.51.100.7', 'portal.danang.example.vn')]);
    const list = await incidentsOf('CVE-2024-3400');
    expect(list.map((i) => [i.titleParams!.asset, i.alertCount])).toEqual([['portal.danang.example.vn', 101], ['vpn.danang.example.vn', 1]]);
    expect(new Set(list.map((i) => i.title)).size).toBe(2);
    expect((await detail(list[0]!.id)).observables).toEqual(expect.arrayContaining([{ type: 'ipv4', value: '198.51.100.7' }, { type: 'ipv4', value: '203.0.113.50' }]));
  });

  it('groups host detections per host, and names the host by its inside address when the alert gives no host name', async () => {
    const onHost = (name: string) => critical('MAL-7', null, name, { title: `Ransomware note written ${++seq}` });
    await send([onHost('fs01'), onHost('fs01'), onHost('fs02')]);
    const list = await incidentsOf('MAL-7');
    expect(list.map((i) => [i.titleParams!.asset, i.alertCount]).sort()).toEqual([['fs01', 2], ['fs02', 1]]);
    expect(list[0]!.title).toMatch(/^Critical alert: Ransomware note written \d+ \(MAL-7\) on fs0[12]$/);
    await send([critical('MAL-8', null, null, { title: 'Wiper started', dst: { ip: '10.48.9.77' } })]);
    expect((await incidentsOf('MAL-8'))[0]!.titleParams).toMatchObject({ asset: '10.48.9.77' });
  });

  it('does not reopen a closed incident for a late alert of its group: a new one opens, related to it', async () => {
    await send([critical('CVE-2023-4966', '203.0.113.77', 'mail.danang.example.vn')]);
    const [first] = await incidentsOf('CVE-2023-4966');
    expect((await analyst.post(`/api/v1/incidents/${first!.id}/transition`, { to: 'closed' })).statusCode).toBe(200);
    await send([critical('CVE-2023-4966', '203.0.113.77', 'mail.danang.example.vn')]);
    const list = await incidentsOf('CVE-2023-4966');
    expect(list.map((i) => [i.status, i.alertCount])).toEqual([['closed', 1], ['new', 1]]);
    expect(list[1]!.relatedIncidentId).toBe(first!.id);
    // Reopening the closed one is still possible: the group stays with the new incident.
    expect((await analyst.post(`/api/v1/incidents/${first!.id}/transition`, { to: 'triage' })).statusCode).toBe(200);
    await send([critical('CVE-2023-4966', '203.0.113.77', 'mail.danang.example.vn')]);
    expect((await incidentsOf('CVE-2023-4966')).map((i) => i.alertCount)).toEqual([1, 2]);
  });

  it('handles batches that queued up together (a restart, a busy connection) as they came one by one: one incident per group, every alert counted', async () => {
    const promotion = t.platform.workers.promotion;
    promotion.stop();
    const ingest = async (alerts: unknown[]) => {
      const res = await key.request('POST', '/api/v1/ingest/lachan', Buffer.from(alerts.map((a) => JSON.stringify(a)).join('\n')), { 'content-type': 'application/x-ndjson' });
      expect(res.statusCode, res.body).toBe(202);
    };
    // Three batches of one group and one of another, all waiting for the worker.
    for (let batch = 0; batch < 3; batch++) await ingest(Array.from({ length: 4 }, () => critical('CVE-2025-0282', '198.51.100.77', 'vpn.danang.example.vn')));
    await ingest([critical('CVE-2025-0282', '198.51.100.77', 'mail.danang.example.vn')]);
    await t.platform.relay.flush();
    await promotion.start();
    await promotion.idle();
    const incidents = await incidentsOf('CVE-2025-0282');
    expect(incidents.map((i) => i.alertCount).sort()).toEqual([1, 12]);
  });

  it('opens a new incident when the group was quiet longer than the rule\'s window', async () => {
    await send([critical('CVE-2022-1388', '203.0.113.88', 'f5.danang.example.vn')]);
    const [first] = await incidentsOf('CVE-2022-1388');
    await sql`update incidents set last_alert_at = now() - interval '25 hours' where id = ${first!.id}`.execute(t.platform.db);
    await send([critical('CVE-2022-1388', '203.0.113.88', 'f5.danang.example.vn')]);
    const list = await incidentsOf('CVE-2022-1388');
    expect(list.map((i) => [i.status, i.alertCount, i.relatedIncidentId])).toEqual([['new', 1, null], ['new', 1, first!.id]]);
  });
});

describe('analysts merge and split incidents', () => {
  it('merges: the alerts move, the merged one ends, both timelines and the audit say so, and its group now feeds the kept one', async () => {
    const log4j = (host: string) => critical('CVE-2021-44228', '203.0.113.10', host);
    await send([log4j('app1.danang.example.vn'), log4j('app2.danang.example.vn'), log4j('app2.danang.example.vn')]);
    const list = await incidentsOf('CVE-2021-44228');
    // Fold the incident of the busier system into the other: its group's next alerts must follow.
    const a = list.find((i) => i.titleParams!.asset === 'app1.danang.example.vn');
    const b = list.find((i) => i.titleParams!.asset === 'app2.danang.example.vn');
    const merged = await analyst.post(`/api/v1/incidents/${a!.id}/merge`, { incidentIds: [b!.id] });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(merged.json()).toMatchObject({ alertCount: 3 });
    expect(await detail(b!.id)).toMatchObject({ status: 'rejected', resolution: 'merged', duplicateOf: a!.id });
    expect((await timeline(a!.id)).map((e) => e.kind)).toContain('merged');
    expect((await timeline(b!.id)).find((e) => e.kind === 'merged')!.data).toEqual({ into: a!.id });
    const audit = await sql<{ action: string }>`select action from audit_log where entity_id = ${a!.id}`.execute(t.platform.db);
    expect(audit.rows.map((r) => r.action)).toContain('incident.merged');

    await send([log4j('app2.danang.example.vn')]);
    const after = await incidentsOf('CVE-2021-44228');
    expect(after.map((i) => [i.id, i.alertCount]).sort()).toEqual([[a!.id, 4], [b!.id, 2]].sort());
  });

  it('splits chosen alerts off into a new incident, related to the first, both recounted and both timelines told', async () => {
    await send(Array.from({ length: 10 }, () => critical('CVE-2019-19781', '203.0.113.99', 'gw.danang.example.vn')));
    const [inc] = await incidentsOf('CVE-2019-19781');
    const alerts = (await detail(inc!.id)).alerts.map((a: { id: string }) => a.id) as string[];
    const moved = alerts.slice(0, 3);
    const res = await analyst.post(`/api/v1/incidents/${inc!.id}/split`, { alertIds: moved });
    expect(res.statusCode, res.body).toBe(201);
    const part = res.json();
    expect(part).toMatchObject({ alertCount: 3, relatedIncidentId: inc!.id, titleCode: 'alerts', orgId, rsitClass: 'intrusions', attack: ['T1190'] });
    expect(part.alerts.map((a: { id: string }) => a.id).sort()).toEqual([...moved].sort());
    expect(await detail(inc!.id)).toMatchObject({ alertCount: 7 });
    expect((await timeline(inc!.id)).find((e) => e.kind === 'split')!.data).toEqual({ into: part.id, alerts: moved });
    expect((await timeline(part.id)).map((e) => e.kind)).toEqual(expect.arrayContaining(['created', 'opened']));
    const audit = await sql<{ action: string }>`select action from audit_log where entity_id = any(${[inc!.id, part.id]}::text[])`.execute(t.platform.db);
    expect(audit.rows.map((r) => r.action)).toEqual(expect.arrayContaining(['incident.split', 'incident.opened']));

    expect((await analyst.post(`/api/v1/incidents/${inc!.id}/split`, { alertIds: alerts.slice(3) })).statusCode).toBe(400);
    expect((await analyst.post(`/api/v1/incidents/${inc!.id}/split`, { alertIds: moved })).json().error.code).toBe('validation_failed');
    const viewer = await t.userIn('prov-48', 'viewer');
    expect((await viewer.post(`/api/v1/incidents/${inc!.id}/split`, { alertIds: alerts.slice(3, 4) })).statusCode).toBe(403);
    const other = await t.userIn('prov-79', 'analyst');
    expect((await other.post(`/api/v1/incidents/${inc!.id}/split`, { alertIds: alerts.slice(3, 4) })).statusCode).toBe(404);
  });
});
