import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Caller, type TestApp } from '../../testing/harness.ts';

let t: TestApp;
let admin48: Caller;
let admin79: Caller;
let unitId: string;
const started = new Date(Date.now() - 1000).toISOString();

beforeAll(async () => {
  t = await createTestApp();
  admin48 = await t.userIn('prov-48', 'org_admin');
  admin79 = await t.userIn('prov-79', 'org_admin');
  await admin48.patch('/api/v1/me', { name: 'Kiểm Toán Viên, "Đà Nẵng"' });
  const res = await admin48.post('/api/v1/orgs', { name: '=HYPERLINK("x") Phòng thử', kind: 'agency', parentId: await t.org('prov-48') });
  expect(res.statusCode, res.body).toBe(201);
  unitId = res.json().id;
});
afterAll(() => t?.close());

type Entry = { action: string; actorName: string; entityId: string; at: string };

describe('GET /audit filters', () => {
  it('filters by action prefix, actor name part and time span, within the caller\'s scope', async () => {
    const byActor = (await admin48.get(`/api/v1/audit?actor=${encodeURIComponent('kiểm toán')}&from=${encodeURIComponent(started)}`)).json().items as Entry[];
    expect(byActor.length).toBeGreaterThan(0);
    expect(byActor.every((e) => e.actorName.includes('Kiểm Toán Viên'))).toBe(true);
    const orgs = (await admin48.get('/api/v1/audit?action=org.')).json().items as Entry[];
    expect(orgs.map((e) => e.entityId)).toContain(unitId);
    expect(orgs.every((e) => e.action.startsWith('org.'))).toBe(true);
    const exact = (await admin48.get('/api/v1/audit?action=user.update_self')).json().items as Entry[];
    expect(exact.every((e) => e.action === 'user.update_self')).toBe(true);
    expect((await admin48.get(`/api/v1/audit?to=${encodeURIComponent(started)}&actor=${encodeURIComponent('Kiểm Toán')}`)).json().items).toEqual([]);
    expect((await admin79.get('/api/v1/audit?action=org.')).json().items.map((e: Entry) => e.entityId)).not.toContain(unitId);
    expect((await admin48.get('/api/v1/audit?action=DROP%20TABLE')).statusCode).toBe(400);
  });
});

describe('GET /audit/export', () => {
  it('exports the filtered log as CSV, quoting commas and defusing spreadsheet formulas', async () => {
    const res = await admin48.get(`/api/v1/audit/export?action=org.&from=${encodeURIComponent(started)}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toContain('lachan-audit.csv');
    const [header, ...rows] = res.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(header).toBe('id,at,actorType,actorName,actorId,orgId,action,entityType,entityId,ip,requestId,before,after');
    const row = rows.find((r) => r.includes(unitId))!;
    expect(row).toContain('"Kiểm Toán Viên, ""Đà Nẵng"""');
    expect(row).not.toMatch(/,=HYPERLINK/);
  });

  it('exports NDJSON, and nothing outside the caller\'s organisations', async () => {
    const own = await admin48.get('/api/v1/audit/export?format=ndjson&action=org.');
    expect(own.body.trim().split('\n').map((l) => JSON.parse(l).entityId)).toContain(unitId);
    const other = await admin79.get('/api/v1/audit/export?format=ndjson&action=org.');
    expect(other.statusCode).toBe(200);
    expect(other.body).not.toContain(unitId);
    expect((await admin79.get(`/api/v1/audit/export?orgId=${await t.org('prov-48')}`)).statusCode).toBe(403);
    const analyst = await t.userIn('prov-48', 'analyst');
    expect((await analyst.get('/api/v1/audit/export')).statusCode).toBe(403);
  });
});
