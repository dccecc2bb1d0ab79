import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncidentDetail } from '@lachan/contracts';
import { createTestApp, type Caller, type TestApp } from '../../testing/harness.ts';

// Reporting regimes when information systems join an incident after its regimes were chosen (issue 16):
// whatever path attaches them, the regime a level 4-5 or critical system brings is added, and re-choosing
// never drops a regime the analyst named nor one a report was filed under.

const SYSTEMS = 'vn-circular-20-2017-systems';
let t: TestApp;
let tax: string;
let owner: Caller;
let analyst: Caller;
let outsider: Caller;
let key: Caller;
beforeAll(async () => {
  t = await createTestApp();
  tax = await t.org('ag-tax');
  owner = await t.userIn('ag-tax', 'org_admin');
  analyst = await t.userIn('ag-tax', 'analyst');
  outsider = await t.userIn('prov-79', 'org_admin');
  key = await t.keyFor('ag-tax', 'connector');
  // High alerts (below the national critical rule) open incidents of severity 3, so a raise to 4 shows.
  const rule = await owner.post('/api/v1/promotion-rules', { orgId: tax, name: 'Cảnh báo mức cao', conditions: { minSeverity: 3 } });
  expect(rule.statusCode, rule.body).toBe(201);
});
afterAll(() => t?.close());

let seq = 0;
async function system(level: number, cidr?: string): Promise<string> {
  const assetIds = cidr ? [(await owner.post(`/api/v1/orgs/${tax}/assets`, { kind: 'cidr', value: cidr })).json().id] : [];
  const res = await owner.post('/api/v1/systems', { orgId: tax, name: `Hệ thống ${++seq}`, functionType: 'public_services', dataClasses: ['personal'], assetIds, securityLevel: level });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}
async function incident(severity = 2): Promise<IncidentDetail> {
  const res = await analyst.post('/api/v1/incidents', { orgId: tax, title: `Sự cố ${++seq}`, severity });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
async function send(rule: string, dst: string): Promise<void> {
  const alert = { title: `Khai thác ${rule}`, severity: 'high', rule: { id: rule }, src: { ip: '198.51.100.7' }, dst: { ip: dst, port: 443 } };
  const res = await key.request('POST', '/api/v1/ingest/lachan', Buffer.from(JSON.stringify(alert)), { 'content-type': 'application/x-ndjson' });
  expect(res.statusCode, res.body).toBe(202);
  await t.platform.relay.flush();
  await t.platform.workers.promotion.idle();
}
async function promoted(rule: string): Promise<IncidentDetail> {
  const items = (await analyst.get(`/api/v1/incidents?orgId=${tax}&limit=100`)).json().items as { id: string; title: string }[];
  const found = items.filter((i) => i.title.includes(rule));
  expect(found).toHaveLength(1);
  return (await analyst.get(`/api/v1/incidents/${found[0]!.id}`)).json();
}
const ok = async (res: Promise<{ statusCode: number; body: string; json: () => unknown }>): Promise<IncidentDetail> => {
  const r = await res;
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as IncidentDetail;
};
const codes = (d: IncidentDetail) => d.regimes.map((r) => r.code).sort();
const putSystems = (id: string, systemIds: string[]) => ok(analyst.put(`/api/v1/incidents/${id}/systems`, { systemIds }));
const putRegimes = (who: Caller, id: string, regimes: string[]) => who.put(`/api/v1/incidents/${id}/regimes`, { regimeCodes: regimes });

describe('systems attached from alerts after triage', () => {
  it('a later alert on a level 4 system adds its regime and raises severity once', async () => {
    const l4 = await system(4, '192.0.2.64/27');
    await send('late-sys-1', '203.0.113.200');
    const before = await promoted('late-sys-1');
    expect(before).toMatchObject({ status: 'new', severity: 3, systems: [] });
    const triaged = await ok(analyst.post(`/api/v1/incidents/${before.id}/transition`, { to: 'triage' }));
    expect(codes(triaged)).not.toContain(SYSTEMS);
    const chosen = codes(triaged);

    await send('late-sys-1', '192.0.2.70');
    const after = await promoted('late-sys-1');
    expect(after.id).toBe(before.id);
    expect(after.systems.map((s) => s.id)).toEqual([l4]);
    expect(after.severity).toBe(4);
    expect(codes(after)).toEqual([...chosen, SYSTEMS].sort());
    expect(after.deadlines.some((d) => d.regimeCode === SYSTEMS && d.kind === 'notification' && d.state === 'due')).toBe(true);
    const timeline = (await analyst.get(`/api/v1/incidents/${after.id}/timeline`)).json() as { kind: string; actorName: string; data: { source?: string } }[];
    expect(timeline.filter((e) => e.kind === 'systems').map((e) => e.data.source)).toEqual(['alerts']);
  });

  it('while the promoted incident is still new, its regimes wait for triage', async () => {
    await system(5, '192.0.2.128/27');
    await send('late-sys-2', '192.0.2.130');
    const fresh = await promoted('late-sys-2');
    expect(fresh.status).toBe('new');
    expect(fresh.regimes).toEqual([]);
    expect(codes(await ok(analyst.post(`/api/v1/incidents/${fresh.id}/transition`, { to: 'triage' })))).toContain(SYSTEMS);
  });

  it('alerts an analyst links to an open incident bring their system and its regime', async () => {
    const l5 = await system(5, '192.0.2.160/27');
    await send('late-sys-3', '192.0.2.170');
    const source = await promoted('late-sys-3');
    const alertId = source.alerts[0]!.id;
    const inc = await incident(2);
    expect(codes(inc)).not.toContain(SYSTEMS);
    const linked = await ok(analyst.post(`/api/v1/incidents/${inc.id}/alerts`, { alertIds: [alertId] }));
    expect(linked.systems.map((s) => s.id)).toEqual([l5]);
    expect(linked.severity).toBe(3);
    expect(codes(linked)).toContain(SYSTEMS);
  });

  it('a merge brings the merged incidents\' systems and their regime', async () => {
    const l4 = await system(4);
    const donor = await incident(1);
    await putSystems(donor.id, [l4]);
    const target = await incident(2);
    await ok(analyst.post(`/api/v1/incidents/${target.id}/transition`, { to: 'containment' }));
    // Another organisation cannot fold incidents into it.
    expect((await outsider.post(`/api/v1/incidents/${target.id}/merge`, { incidentIds: [donor.id] })).statusCode).toBe(404);
    const merged = await ok(analyst.post(`/api/v1/incidents/${target.id}/merge`, { incidentIds: [donor.id] }));
    expect(merged.systems.map((s) => s.id)).toEqual([l4]);
    expect(merged.severity).toBe(3);
    expect(codes(merged)).toContain(SYSTEMS);
  });
});

describe('re-choosing regimes keeps what was named or reported', () => {
  it('regimes an analyst named survive system changes and seriousness; naming anew replaces them', async () => {
    const l4 = await system(4);
    const inc = await incident(2);
    const named = await ok(putRegimes(analyst, inc.id, ['vn-sbv-circular-09-2020']));
    expect(codes(named)).toEqual(['vn-sbv-circular-09-2020']);
    expect(codes(await putSystems(inc.id, [l4]))).toEqual(expect.arrayContaining(['vn-sbv-circular-09-2020', SYSTEMS]));
    const cleared = await putSystems(inc.id, []);
    expect(codes(cleared)).toContain('vn-sbv-circular-09-2020');
    expect(codes(cleared)).not.toContain(SYSTEMS);
    expect(codes(await ok(analyst.patch(`/api/v1/incidents/${inc.id}`, { serious: true })))).toContain('vn-sbv-circular-09-2020');
    // Another organisation can neither name nor drop them.
    expect((await putRegimes(outsider, inc.id, [])).statusCode).toBe(404);
    expect(codes(await ok(analyst.get(`/api/v1/incidents/${inc.id}`)))).toContain('vn-sbv-circular-09-2020');
    const renamed = await ok(putRegimes(analyst, inc.id, ['vn-decision-05-2017']));
    expect(codes(renamed)).toEqual(['vn-decision-05-2017']);
    expect(codes(await ok(analyst.patch(`/api/v1/incidents/${inc.id}`, { serious: false })))).toContain('vn-decision-05-2017');
  });

  it('a regime a report was filed under survives its system leaving and a new naming', async () => {
    const l4 = await system(4);
    const inc = await incident(2);
    expect(codes(await putSystems(inc.id, [l4]))).toContain(SYSTEMS);
    const filed = await analyst.post(`/api/v1/incidents/${inc.id}/reports`, { kind: 'notification', regimeCode: SYSTEMS, content: { description: 'Phát hiện truy cập trái phép' } });
    expect(filed.statusCode, filed.body).toBe(201);
    const cleared = await putSystems(inc.id, []);
    expect(codes(cleared)).toContain(SYSTEMS);
    expect(cleared.deadlines.find((d) => d.regimeCode === SYSTEMS && d.kind === 'notification')?.state).toBe('met');
    expect(codes(await ok(putRegimes(analyst, inc.id, ['vn-circular-20-2017'])))).toEqual(['vn-circular-20-2017', SYSTEMS]);
  });
});
