import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncidentDetail, SystemActivity } from '@lachan/contracts';
import { createTestApp, type Caller, type TestApp } from '../../testing/harness.ts';

let t: TestApp;
let tax: string;
let owner: Caller;
let analyst: Caller;
let ministry: Caller;
let outsider: Caller;
let key: Caller;
beforeAll(async () => {
  t = await createTestApp();
  tax = await t.org('ag-tax');
  owner = await t.userIn('ag-tax', 'org_admin');
  analyst = await t.userIn('ag-tax', 'analyst');
  ministry = await t.userIn('min-fin', 'org_admin');
  outsider = await t.userIn('prov-79', 'analyst');
  key = await t.keyFor('ag-tax', 'connector');
  const indicator = {
    type: 'indicator', spec_version: '2.1', id: 'indicator--b2b2b2b2-0000-4000-8000-000000000001', created: '2026-11-01T00:00:00.000Z', modified: '2026-11-01T00:00:00.000Z',
    pattern: "[ipv4-addr:value = '198.51.100.99']", pattern_type: 'stix', valid_from: '2026-11-01T00:00:00Z',
  };
  await sql`insert into stix_objects (id, version, type, object) values (${indicator.id}, ${indicator.modified}, 'indicator', ${JSON.stringify(indicator)}::jsonb)`.execute(t.platform.db);
  await t.platform.workers.indicators.refresh();
});
afterAll(() => t?.close());

let seq = 0;
/** A system of the tax department with one address range of its own. */
async function system(level: number | null, critical = false, cidr?: string): Promise<string> {
  const assetIds = cidr ? [(await owner.post(`/api/v1/orgs/${tax}/assets`, { kind: 'cidr', value: cidr })).json().id] : [];
  const res = await owner.post('/api/v1/systems', {
    orgId: tax, name: `Hệ thống thuế ${++seq}`, functionType: 'public_services', dataClasses: ['personal'], critical, assetIds, ...(level ? { securityLevel: level } : {}),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}
async function incident(severity: number, tlp = 'AMBER'): Promise<IncidentDetail> {
  const res = await analyst.post('/api/v1/incidents', { orgId: tax, title: `Sự cố hệ thống ${++seq}`, severity, tlp });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
async function send(alerts: unknown[]): Promise<void> {
  const res = await key.request('POST', '/api/v1/ingest/lachan', Buffer.from(alerts.map((a) => JSON.stringify(a)).join('\n')), { 'content-type': 'application/x-ndjson' });
  expect(res.statusCode, res.body).toBe(202);
  await t.platform.relay.flush();
  await t.platform.workers.promotion.idle();
}
const putSystems = (who: Caller, id: string, systemIds: string[]) => who.put(`/api/v1/incidents/${id}/systems`, { systemIds });
const activity = async (id: string, who: Caller = analyst, lang = ''): Promise<SystemActivity> => {
  const res = await who.get(`/api/v1/systems/${id}/activity${lang}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('incidents name the information systems they affect', () => {
  it('a level 4 system raises severity one step, once, and brings the reporting duty to the national centre', async () => {
    const inc = await incident(2);
    const l4 = await system(4);
    const crit = await system(2, true);
    const res = await putSystems(analyst, inc.id, [l4]);
    expect(res.statusCode, res.body).toBe(200);
    const d: IncidentDetail = res.json();
    expect(d.systems).toEqual([{ id: l4, name: expect.stringContaining('Hệ thống thuế'), securityLevel: 4, critical: false }]);
    expect(d.severity).toBe(3);
    expect(d.regimes.map((r) => r.code)).toContain('vn-circular-20-2017-systems');
    expect(d.deadlines.some((x) => x.regimeCode === 'vn-circular-20-2017-systems' && x.kind === 'notification')).toBe(true);
    // A second high system raises nothing more; removing them never lowers.
    expect((await putSystems(analyst, inc.id, [l4, crit])).json().severity).toBe(3);
    const cleared: IncidentDetail = (await putSystems(analyst, inc.id, [])).json();
    expect(cleared).toMatchObject({ severity: 3, systems: [] });
    expect(cleared.regimes.map((r) => r.code)).not.toContain('vn-circular-20-2017-systems');
    const timeline = (await analyst.get(`/api/v1/incidents/${inc.id}/timeline`)).json() as { kind: string; data: { added?: string[] } }[];
    expect(timeline.filter((e) => e.kind === 'systems')).toHaveLength(3);
  });

  it('a low-level system changes neither severity nor regimes', async () => {
    const inc = await incident(2);
    const d: IncidentDetail = (await putSystems(analyst, inc.id, [await system(2)])).json();
    expect(d.severity).toBe(2);
    expect(d.regimes.map((r) => r.code)).not.toContain('vn-circular-20-2017-systems');
  });

  it('refuses systems outside the caller view, retired ones and unknown ones; others cannot touch the incident', async () => {
    const inc = await incident(1);
    const mine = await system(3);
    const hcm = await t.org('prov-79');
    const foreign = (await t.admin.post('/api/v1/systems', { orgId: hcm, name: `Cổng dịch vụ công ${++seq}`, functionType: 'public_services', dataClasses: [] })).json().id;
    expect((await putSystems(analyst, inc.id, [mine, foreign])).statusCode).toBe(400);
    expect((await putSystems(analyst, inc.id, ['00000000-0000-4000-8000-000000000000'])).statusCode).toBe(400);
    const retired = await system(3);
    await owner.post(`/api/v1/systems/${retired}/retire`, { reason: 'thay thế' });
    expect((await putSystems(analyst, inc.id, [retired])).statusCode).toBe(400);
    expect((await putSystems(outsider, inc.id, [mine])).statusCode).toBe(404);
    expect((await analyst.put(`/api/v1/incidents/${inc.id}/systems`, { systemIds: [mine], extra: 1 })).statusCode).toBe(400);
    expect((await putSystems(await t.userIn('ag-tax', 'viewer'), inc.id, [mine])).statusCode).toBe(403);
    // The centre names the system for the owner.
    expect((await putSystems(t.admin, inc.id, [mine])).json().systems.map((s: { id: string }) => s.id)).toEqual([mine]);
  });

  it('promotion attaches the system an alert lands on, and writes it on the timeline', async () => {
    const sys = await system(5, false, '192.0.2.64/27');
    const other = await system(5, false, '192.0.2.128/27');
    await send([{ title: 'Khai thác lỗ hổng cổng thuế', severity: 'critical', rule: { id: 'exploit-tax-1' }, src: { ip: '198.51.100.7' }, dst: { ip: '192.0.2.70', port: 443 } }]);
    const items = (await analyst.get(`/api/v1/incidents?orgId=${tax}&limit=50`)).json().items as { id: string; title: string }[];
    const promoted = items.find((i) => i.title.includes('exploit-tax-1'))!;
    expect(promoted).toBeDefined();
    const d: IncidentDetail = (await analyst.get(`/api/v1/incidents/${promoted.id}`)).json();
    expect(d.systems.map((s) => s.id)).toEqual([sys]);
    expect(d.systems.map((s) => s.id)).not.toContain(other);
    const timeline = (await analyst.get(`/api/v1/incidents/${promoted.id}/timeline`)).json() as { kind: string; data: { source?: string } }[];
    expect(timeline.find((e) => e.kind === 'systems')?.data.source).toBe('alerts');
    // Acknowledging chooses the regimes: the level 5 system brings its own.
    const moved: IncidentDetail = (await analyst.post(`/api/v1/incidents/${promoted.id}/transition`, { to: 'triage' })).json();
    expect(moved.regimes.map((r) => r.code)).toContain('vn-circular-20-2017-systems');
  });
});

describe('the activity of a system (its page)', () => {
  let sys: string;
  let campaignId: string;
  beforeAll(async () => {
    sys = await system(4, true, '198.18.0.0/28');
    await send([
      { title: 'Beacon tới máy chủ điều khiển', severity: 'high', rule: { id: 'beacon-1' }, src: { ip: '198.51.100.99' }, dst: { ip: '198.18.0.5' }, observables: [{ type: 'ipv4', value: '198.51.100.99', role: 'src' }] },
      { title: 'Quét cổng', severity: 'low', rule: { id: 'scan-2' }, src: { ip: '203.0.113.9' }, dst: { ip: '198.18.0.6' } },
      { title: 'Không liên quan', severity: 'low', rule: { id: 'scan-3' }, src: { ip: '203.0.113.9' }, dst: { ip: '198.18.1.6' } },
    ]);
    const catalogue = await t.admin.post('/api/v1/catalogues', {
      format: 'lachan-catalogue/1', code: 'SYS-ACT', version: '1', name: { vi: 'Bộ yêu cầu', en: 'Requirements' }, source: 'made for the test suite', licence: 'CC0',
      requirements: [
        { id: 'R', parent: null, text: { vi: 'Nhóm', en: 'Group' }, levels: [] },
        { id: 'R.1', parent: 'R', text: { vi: 'Giám sát liên tục', en: 'Continuous monitoring' }, levels: [4, 5] },
        { id: 'R.2', parent: 'R', text: { en: 'Backups are tested' }, levels: [4, 5] },
        { id: 'R.3', parent: 'R', text: { vi: 'Phân quyền', en: 'Access control' }, levels: [4, 5] },
      ],
    });
    expect(catalogue.statusCode, catalogue.body).toBe(201);
    const c = await t.admin.post('/api/v1/assessment-campaigns', {
      title: 'Đánh giá hệ thống cấp độ 4', catalogueId: catalogue.json().id, dueDate: '2099-11-30', targeting: { sectors: [], provinces: [], orgKinds: [], levels: [4] },
    });
    campaignId = c.json().id;
    const task = (await owner.get(`/api/v1/assessment-tasks?campaignId=${campaignId}`)).json().items.find((x: { systemId: string }) => x.systemId === sys);
    for (const [req, answer] of [['R.1', 'not_met'], ['R.2', 'partly'], ['R.3', 'met']]) {
      expect((await owner.put(`/api/v1/assessment-tasks/${task.id}/answers/${req}`, { answer, comment: null })).statusCode).toBe(200);
    }
  });

  it('lists open alerts and the indicators they matched, only those about the system', async () => {
    const a = await activity(sys);
    expect(a.openAlerts.count).toBe(2);
    expect(a.openAlerts.latest.map((x) => x.title).sort()).toEqual(['Beacon tới máy chủ điều khiển', 'Quét cổng']);
    expect(a.indicatorsMatched).toEqual([{ value: '198.51.100.99', type: 'ipv4', lastSeen: expect.any(String), count: 1 }]);
    expect(a.layers.systemId).toBe(sys);
    expect(a.layers.connection.state).toBe('in_place');
  });

  it('lists unmet and partly met requirements in the reader language, else English', async () => {
    const vi = await activity(sys);
    expect(vi.unmetRequirements).toEqual([
      { campaignId, campaignTitle: 'Đánh giá hệ thống cấp độ 4', requirementId: 'R.1', text: 'Giám sát liên tục', answer: 'not_met' },
      { campaignId, campaignTitle: 'Đánh giá hệ thống cấp độ 4', requirementId: 'R.2', text: 'Backups are tested', answer: 'partly' },
    ]);
    expect((await activity(sys, analyst, '?lang=en')).unmetRequirements.map((u) => u.text)).toEqual(['Continuous monitoring', 'Backups are tested']);
  });

  it('shows the incidents naming the system as far as TLP lets the reader open them', async () => {
    const amber = await incident(2, 'AMBER');
    const red = await incident(2, 'RED');
    for (const i of [amber, red]) expect((await putSystems(analyst, i.id, [sys])).statusCode).toBe(200);
    const own = (await activity(sys)).incidents.map((i) => i.id);
    expect(own).toEqual(expect.arrayContaining([amber.id, red.id]));
    const above = (await activity(sys, ministry)).incidents;
    expect(above.map((i) => i.id)).toContain(amber.id);
    expect(above.map((i) => i.id)).not.toContain(red.id);
    expect(above.find((i) => i.id === amber.id)).toMatchObject({ severity: 3, status: 'new', title: amber.title });
  });

  it('is hidden from organisations that cannot read the system, and from machines', async () => {
    expect((await outsider.get(`/api/v1/systems/${sys}/activity`)).statusCode).toBe(404);
    expect((await key.get(`/api/v1/systems/${sys}/activity`)).statusCode).toBe(404);
    expect((await analyst.get(`/api/v1/systems/${sys}/activity?lang=fr`)).statusCode).toBe(400);
  });
});
