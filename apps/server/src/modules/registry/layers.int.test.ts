import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SystemLayers } from '@lachan/contracts';
import { createTestApp, type Caller, type TestApp } from '../../testing/harness.ts';

let t: TestApp;
let org: string;
let admin: Caller;
beforeAll(async () => {
  t = await createTestApp();
  org = await t.org('ag-treasury-38');
  admin = await t.userIn('ag-treasury-38', 'org_admin');
});
afterAll(() => t?.close());

let seq = 0;
async function systemWith(assets: { kind: string; value: string }[]): Promise<string> {
  const assetIds: string[] = [];
  for (const a of assets) {
    const res = await admin.post(`/api/v1/orgs/${org}/assets`, a);
    expect(res.statusCode, res.body).toBe(201);
    assetIds.push(res.json().id);
  }
  const res = await admin.post('/api/v1/systems', { orgId: org, name: `Kho bạc số ${++seq}`, functionType: 'public_services', dataClasses: ['personal'], assetIds });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}
const layers = async (id: string, by: Caller = admin): Promise<SystemLayers> => (await by.get(`/api/v1/systems/${id}/layers`)).json();

describe('the four-layer model of a system', () => {
  it('starts with every layer missing', async () => {
    const l = await layers(await systemWith([]));
    expect([l.onSite.state, l.monitoring.state, l.assessment.state, l.connection.state]).toEqual(['missing', 'missing', 'missing', 'missing']);
  });

  it('records layers 1-3 with evidence and date, and refuses a future date', async () => {
    const id = await systemWith([]);
    const res = await admin.put(`/api/v1/systems/${id}/layers`, {
      onSite: { unit: 'Phòng CNTT Kho bạc', contact: 'trucantoan@khobac.example.vn, 0238 3 555 111', staff: 4, evidence: 'QĐ 12/QĐ-KB', recordedOn: '2026-01-10' },
      assessment: { assessor: 'Công ty kiểm định độc lập', assessorOrgId: null, date: '2026-02-01', result: 'passed_with_findings', evidence: 'BC 7/2026', recordedOn: '2026-02-02' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const l: SystemLayers = res.json();
    expect(l.onSite).toMatchObject({ state: 'in_place', unit: 'Phòng CNTT Kho bạc', staff: 4, record: { evidence: 'QĐ 12/QĐ-KB', recordedOn: '2026-01-10' } });
    expect(l.assessment).toMatchObject({ state: 'in_place', result: 'passed_with_findings', date: '2026-02-01', source: 'declared' });
    const future = await admin.put(`/api/v1/systems/${id}/layers`, { onSite: { unit: 'Phòng CNTT', contact: '0238 000', staff: null, evidence: null, recordedOn: '2999-01-01' } });
    expect(future.statusCode).toBe(400);
    expect((await (await t.userIn('ag-treasury-38', 'analyst')).put(`/api/v1/systems/${id}/layers`, { onSite: { unit: 'X y', contact: '0238 000', staff: null, evidence: null, recordedOn: '2026-01-01' } })).statusCode).toBe(403);
  });

  it('takes layer 2 from the SOC links of the owner', async () => {
    const id = await systemWith([]);
    const provider = await t.org('soc-canhcung');
    expect((await t.admin.post(`/api/v1/orgs/${provider}/soc-clients`, { clientId: org, services: ['monitoring'] })).statusCode).toBe(201);
    const l = await layers(id);
    expect(l.monitoring.state).toBe('in_place');
    expect(l.monitoring.providers.map((p) => p.orgId)).toEqual([provider]);
  });

  it('measures layer 4 from the connectors whose alerts land on the system assets', async () => {
    const domain = `dvc${seq}.khobac.example.vn`;
    const id = await systemWith([{ kind: 'cidr', value: '192.0.2.64/27' }, { kind: 'domain', value: domain }]);
    const other = await systemWith([{ kind: 'cidr', value: '192.0.2.128/27' }]);
    const key = await t.keyFor('ag-treasury-38', 'connector');
    const rows = [
      { title: 'Quét cổng', severity: 'medium', src: { ip: '198.51.100.7' }, dst: { ip: '192.0.2.70', port: 443 }, rule: { id: 'scan-1' } },
      { title: 'Đăng nhập bất thường', severity: 'high', src: { ip: '198.51.100.8' }, asset: { hostname: `api.${domain}` }, rule: { id: 'login-1' } },
    ];
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/ingest/lachan', headers: { authorization: `Bearer ${key.key}`, 'content-type': 'application/x-ndjson' }, payload: rows.map((r) => JSON.stringify(r)).join('\n') });
    expect(res.statusCode, res.body).toBe(202);
    const l = await layers(id);
    expect(l.connection.state).toBe('in_place');
    expect(l.connection.connectors).toHaveLength(1);
    expect(l.connection.connectors[0]!.alerts).toBe(2);
    expect(l.connection.lastAlertAt).not.toBeNull();
    expect((await layers(other)).connection.state).toBe('missing');
  });

  it('hides the layers of another organisation system', async () => {
    const id = await systemWith([]);
    expect((await (await t.userIn('prov-79', 'org_admin')).get(`/api/v1/systems/${id}/layers`)).statusCode).toBe(404);
  });
});
