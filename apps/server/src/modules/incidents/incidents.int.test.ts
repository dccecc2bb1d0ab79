import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Caller, type TestApp } from '../../testing/harness.ts';

let t: TestApp;
let bank: Caller & { orgId: string };
let bankAdmin: Caller & { orgId: string };
let regulator: Caller;
let province: Caller;
let provinceAdmin: Caller;
let centre: Caller;
const DAY = 86_400_000;

const report = (discoveredAt: string) => ({
  reportingUnit: { name: 'Ngân hàng TMCP Sông Gianh' },
  focalPoint: { name: 'Trần Thị Ứng', phone: '024 555 0100', email: 'ungcuu@songgianh.example.vn' },
  affectedSystem: { name: 'Internet Banking', securityLevel: 4 },
  discoveredAt, category: 'malicious-code', description: 'Mã độc tống tiền trên máy chủ tệp', status: 'ongoing' as const,
  iocs: ['198.51.100.77'], beyondCapacity: false,
});

async function open(c: Caller, body: Record<string, unknown>) {
  const res = await c.post('/api/v1/incidents', { severity: 3, ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

beforeAll(async () => {
  t = await createTestApp();
  bank = await t.userIn('bank-sgb', 'analyst');
  bankAdmin = await t.userIn('bank-sgb', 'org_admin');
  regulator = await t.userIn('reg-bank', 'analyst');
  province = await t.userIn('prov-01', 'analyst');
  provinceAdmin = await t.userIn('prov-01', 'org_admin');
  centre = t.admin;
});
afterAll(() => t?.close());

describe('a Circular 20 report filed by an organisation', () => {
  it('opens an incident with its clocks, turns overdue as time passes, and is closed by the centre only after the final report', async () => {
    const now = Date.now();
    const inc = await open(bank, { title: 'Tấn công mã độc tống tiền', report: report(new Date(now - 4 * DAY).toISOString()) });
    expect(inc.source).toBe('report');
    expect(inc.regimes.map((r: { code: string }) => r.code).sort()).toEqual(['vn-circular-20-2017', 'vn-sbv-circular-09-2020']);
    const c20 = inc.deadlines.find((d: { regimeCode: string; kind: string }) => d.regimeCode === 'vn-circular-20-2017' && d.kind === 'notification');
    expect(c20.state).toBe('met');
    const sbv = inc.deadlines.find((d: { regimeCode: string; kind: string }) => d.regimeCode === 'vn-sbv-circular-09-2020' && d.kind === 'notification');
    expect(sbv.state).toBe('met_late');

    const late = await open(bank, { title: 'Rò rỉ dữ liệu khách hàng', personalData: true, discoveredAt: new Date(now - 2 * DAY).toISOString(), occurredAt: new Date(now - 2 * DAY).toISOString() });
    const pd = late.deadlines.find((d: { regimeCode: string }) => d.regimeCode === 'vn-decree-13-2023');
    expect(pd).toMatchObject({ state: 'due' });
    expect(pd.secondsLeft).toBeGreaterThan(0);

    t.platform.now = () => new Date(now + 2 * DAY);
    try {
      const again = (await bank.get(`/api/v1/incidents/${late.id}`)).json();
      expect(again.deadlines.find((d: { regimeCode: string }) => d.regimeCode === 'vn-decree-13-2023').state).toBe('overdue');
      const mine = (await bank.get('/api/v1/incidents/deadlines?state=overdue')).json();
      expect(mine.some((d: { incidentId: string }) => d.incidentId === late.id)).toBe(true);
      expect(await t.platform.workers.reminders.run()).toBeGreaterThan(0);
      expect(await t.platform.workers.reminders.run()).toBe(0);
      const events = await t.platform.db.selectFrom('outbox').select(['type', 'payload']).where('type', '=', 'incident.report_overdue').execute();
      expect(events.some((e) => (e.payload as { incidentId: string }).incidentId === late.id)).toBe(true);
    } finally {
      t.platform.now = () => new Date();
    }

    for (const to of ['triage', 'containment', 'recovery']) expect((await bank.post(`/api/v1/incidents/${inc.id}/transition`, { to })).statusCode).toBe(200);
    expect((await bankAdmin.post(`/api/v1/incidents/${inc.id}/transition`, { to: 'closed' })).statusCode).toBe(403);
    const early = await centre.post(`/api/v1/incidents/${inc.id}/transition`, { to: 'closed' });
    expect(early.statusCode, early.body).toBe(409);
    await bank.post(`/api/v1/incidents/${inc.id}/complete-response`);
    expect((await bank.post(`/api/v1/incidents/${inc.id}/reports`, { kind: 'final', content: { description: 'Đã khôi phục từ bản sao lưu', status: 'resolved' } })).statusCode).toBe(201);
    const closed = await centre.post(`/api/v1/incidents/${inc.id}/transition`, { to: 'closed' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', resolution: 'resolved' });
    expect(closed.json().metrics.timeToAcknowledgeSeconds).toBeGreaterThan(0);
    const reports = (await bank.get(`/api/v1/incidents/${inc.id}/reports`)).json();
    expect(reports.map((r: { kind: string; version: number }) => `${r.kind}@${r.version}`)).toEqual(['notification@1', 'final@1']);
    const timeline = (await bank.get(`/api/v1/incidents/${inc.id}/timeline`)).json().map((e: { kind: string }) => e.kind);
    expect(timeline).toEqual(expect.arrayContaining(['created', 'report', 'status', 'response_completed']));
  });
});

describe('sharing and links', () => {
  it('shares an incident with an AMBER ceiling, and the organisation loses access when the share is revoked', async () => {
    const inc = await open(bankAdmin, { title: 'Dò quét cổng thanh toán', tlp: 'AMBER' });
    expect((await province.get(`/api/v1/incidents/${inc.id}`)).statusCode).toBe(404);
    const share = await bankAdmin.post(`/api/v1/incidents/${inc.id}/shares`, { orgId: await t.org('prov-01'), profile: 'analyst', tlpCeiling: 'AMBER' });
    expect(share.statusCode, share.body).toBe(201);
    expect((await province.get(`/api/v1/incidents/${inc.id}`)).json().access.via).toEqual(['share']);
    expect((await province.post(`/api/v1/incidents/${inc.id}/comments`, { body: 'Chúng tôi thấy cùng địa chỉ' })).statusCode).toBe(201);
    expect((await province.get('/api/v1/incidents?limit=200')).json().items.some((i: { id: string }) => i.id === inc.id)).toBe(true);
    // Raising the TLP above the ceiling suspends the share; lowering it restores it.
    await bankAdmin.patch(`/api/v1/incidents/${inc.id}`, { tlp: 'RED' });
    expect((await province.get(`/api/v1/incidents/${inc.id}`)).statusCode).toBe(404);
    await bankAdmin.patch(`/api/v1/incidents/${inc.id}`, { tlp: 'AMBER' });
    expect((await bankAdmin.delete(`/api/v1/incidents/${inc.id}/shares/${share.json().id}`)).statusCode).toBe(200);
    expect((await province.get(`/api/v1/incidents/${inc.id}`)).statusCode).toBe(404);
    expect((await province.get('/api/v1/incidents?limit=200')).json().items.some((i: { id: string }) => i.id === inc.id)).toBe(false);
    expect((await province.post(`/api/v1/incidents/${inc.id}/comments`, { body: 'còn không?' })).statusCode).toBe(404);
  });

  it('lets a supervised link show a unit’s incidents to an organisation outside its hierarchy', async () => {
    const inc = await open(bank, { title: 'Đăng nhập bất thường' });
    expect((await provinceAdmin.get(`/api/v1/incidents/${inc.id}`)).statusCode).toBe(404);
    expect((await provinceAdmin.post('/api/v1/org-links', { fromOrgId: await t.org('prov-01'), toOrgId: bank.orgId, type: 'supervised' })).statusCode).toBe(403);
    const link = await bankAdmin.post('/api/v1/org-links', { fromOrgId: await t.org('prov-01'), toOrgId: bank.orgId, type: 'supervised' });
    expect(link.statusCode, link.body).toBe(201);
    const seen = await provinceAdmin.get(`/api/v1/incidents/${inc.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().access).toMatchObject({ via: ['link'], profile: 'read_only', canWrite: false });
    expect((await provinceAdmin.post(`/api/v1/incidents/${inc.id}/comments`, { body: 'x' })).statusCode).toBe(403);
    await t.admin.delete(`/api/v1/org-links/${link.json().id}`);
    expect((await provinceAdmin.get(`/api/v1/incidents/${inc.id}`)).statusCode).toBe(404);
  });

  it('keeps RED and AMBER+STRICT incidents from the parent, and AMBER ones visible to it', async () => {
    const amber = await open(bank, { title: 'Sự cố AMBER', tlp: 'AMBER' });
    const red = await open(bank, { title: 'Sự cố RED', tlp: 'RED' });
    const strict = await open(bank, { title: 'Sự cố STRICT', tlp: 'AMBER+STRICT' });
    expect((await regulator.get(`/api/v1/incidents/${amber.id}`)).json().access.via).toEqual(['hierarchy']);
    for (const inc of [red, strict]) {
      expect((await regulator.get(`/api/v1/incidents/${inc.id}`)).statusCode).toBe(404);
      expect((await centre.get(`/api/v1/incidents/${inc.id}`)).statusCode).toBe(404);
      expect((await bank.get(`/api/v1/incidents/${inc.id}`)).statusCode).toBe(200);
    }
    const listed = (await regulator.get('/api/v1/incidents?limit=200')).json().items.map((i: { id: string }) => i.id);
    expect(listed).toContain(amber.id);
    expect(listed).not.toContain(red.id);
    const audience = await t.platform.db.selectFrom('outbox').select(['audience', 'payload']).where('type', '=', 'incident.created').execute();
    const redEvent = audience.find((e) => (e.payload as { id: string }).id === red.id)!;
    expect(redEvent.audience).toEqual({ orgIds: [bank.orgId], exact: true, national: false });
  });
});

describe('search, similar incidents and attachments', () => {
  it('finds incidents ignoring diacritics, pages by cursor, and finds similar incidents by a shared IP', async () => {
    const a = await open(bank, { title: 'Máy chủ bị nhiễm mã độc Đông Á', observables: [{ type: 'ipv4', value: '203.0.113.45' }] });
    const b = await open(bank, { title: 'Kết nối C2 lạ', observables: [{ type: 'ipv4', value: '203.0.113.45' }] });
    const found = (await bank.get('/api/v1/incidents?q=dong%20a')).json().items;
    expect(found.map((i: { id: string }) => i.id)).toContain(a.id);
    expect((await bank.get(`/api/v1/incidents?q=${a.reference}`)).json().items[0].id).toBe(a.id);
    const page1 = (await bank.get('/api/v1/incidents?limit=2')).json();
    const page2 = (await bank.get(`/api/v1/incidents?limit=2&cursor=${page1.nextCursor}`)).json();
    expect(page2.items.every((i: { id: string }) => !page1.items.some((j: { id: string }) => j.id === i.id))).toBe(true);
    const similar = (await bank.get(`/api/v1/incidents/${b.id}/similar`)).json();
    expect(similar[0].incident.id).toBe(a.id);
    expect(similar[0].sharedObservables).toEqual(['203.0.113.45']);
  });

  it('refuses a file whose bytes lie about its type and serves files only as downloads', async () => {
    const inc = await open(bank, { title: 'Tệp đính kèm' });
    const html = Buffer.from('<html><script>alert(1)</script></html>');
    const lying = await bank.request('POST', `/api/v1/incidents/${inc.id}/attachments?fileName=report.pdf`, html, { 'content-type': 'application/pdf' });
    expect(lying.statusCode).toBe(415);
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(200, 32)]);
    const ok = await bank.request('POST', `/api/v1/incidents/${inc.id}/attachments?fileName=báo cáo.pdf`, pdf, { 'content-type': 'application/pdf' });
    expect(ok.statusCode, ok.body).toBe(201);
    const dl = await bank.get(`/api/v1/incidents/${inc.id}/attachments/${ok.json().id}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-disposition']).toMatch(/^attachment;/);
    expect(dl.headers['x-content-type-options']).toBe('nosniff');
    expect(dl.rawPayload.equals(pdf)).toBe(true);
    const json = Buffer.from('{ "ioc": "203.0.113.9" }');
    const up = await bank.request('POST', `/api/v1/incidents/${inc.id}/attachments?fileName=iocs.json`, json, { 'content-type': 'application/json' });
    expect(up.statusCode, up.body).toBe(201);
    expect((await bank.get(`/api/v1/incidents/${inc.id}/attachments/${up.json().id}`)).rawPayload.equals(json)).toBe(true);
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000a49444154789c6300010000050001', 'hex');
    const asText = await bank.request('POST', `/api/v1/incidents/${inc.id}/attachments?fileName=notes.txt`, png, { 'content-type': 'text/plain' });
    expect(asText.statusCode).toBe(415);
  });
});

describe('coordination', () => {
  it('asks a response team for support: it sees the incident read-only, works it once it accepts, loses it if it declines', async () => {
    const inc = await open(bank, { title: 'Cần hỗ trợ ứng cứu', tlp: 'AMBER', beyondCapacity: true });
    const team = await t.userIn('rt-bank', 'analyst');
    const req = await bank.post(`/api/v1/incidents/${inc.id}/support-requests`, { toOrgId: await t.org('rt-bank'), message: 'Vượt quá khả năng, đề nghị hỗ trợ' });
    expect(req.statusCode, req.body).toBe(201);
    expect((await team.get(`/api/v1/incidents/${inc.id}`)).json().access).toMatchObject({ profile: 'read_only', via: ['share'] });
    const incoming = (await team.get('/api/v1/support-requests?direction=incoming&status=pending')).json();
    expect(incoming.map((r: { id: string }) => r.id)).toContain(req.json().id);
    expect((await team.post(`/api/v1/support-requests/${req.json().id}/answer`, { accept: true, response: 'Đội sẽ hỗ trợ' })).json().status).toBe('accepted');
    expect((await team.post(`/api/v1/incidents/${inc.id}/tasks`, { title: 'Thu thập nhật ký', assigneeOrgId: await t.org('rt-bank') })).statusCode).toBe(201);
    const other = await open(bank, { title: 'Yêu cầu bị từ chối' });
    const declined = (await bank.post(`/api/v1/incidents/${other.id}/support-requests`, { toOrgId: await t.org('rt-bank'), message: 'Hỗ trợ?' })).json();
    await team.post(`/api/v1/support-requests/${declined.id}/answer`, { accept: false, response: 'Không đủ nhân lực' });
    expect((await team.get(`/api/v1/incidents/${other.id}`)).statusCode).toBe(404);
  });

  it('escalates a RED incident to the centre, transfers ownership, and flags overdue tasks', async () => {
    const inc = await open(bankAdmin, { title: 'Sự cố nghiêm trọng RED', tlp: 'RED' });
    expect((await centre.get(`/api/v1/incidents/${inc.id}`)).statusCode).toBe(404);
    expect((await bank.post(`/api/v1/incidents/${inc.id}/escalate`, { message: 'Đề nghị Trung tâm điều phối' })).statusCode).toBe(200);
    const seen = (await centre.get(`/api/v1/incidents/${inc.id}`)).json();
    expect(seen.escalatedAt).not.toBeNull();
    const serious = await centre.patch(`/api/v1/incidents/${inc.id}`, { serious: true });
    expect(serious.json().regimes.map((r: { code: string }) => r.code)).toContain('vn-decision-05-2017');
    expect(serious.json().regimes.map((r: { code: string }) => r.code)).not.toContain('vn-circular-20-2017');
    const task = (await bank.post(`/api/v1/incidents/${inc.id}/tasks`, { title: 'Báo cáo ban đầu', dueAt: new Date(Date.now() - 60_000).toISOString() })).json();
    expect(task.overdue).toBe(true);
    const moved = await bankAdmin.post(`/api/v1/incidents/${inc.id}/transfer`, { orgId: await t.org('bank-svb') });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().access).toMatchObject({ via: ['share'], profile: 'analyst' });
    expect(moved.json().orgId).toBe(await t.org('bank-svb'));
  });
});

describe('API description', () => {
  it('documents every incident resource in the OpenAPI document', async () => {
    const doc = (await t.anonymous.get('/api/openapi.json')).json();
    for (const path of ['/api/v1/incidents', '/api/v1/incidents/{id}', '/api/v1/incidents/deadlines', '/api/v1/incidents/{id}/transition', '/api/v1/incidents/{id}/timeline',
      '/api/v1/incidents/{id}/comments', '/api/v1/incidents/{id}/tasks', '/api/v1/incidents/{id}/shares', '/api/v1/incidents/{id}/reports', '/api/v1/incidents/{id}/support-requests',
      '/api/v1/incidents/{id}/attachments', '/api/v1/incidents/{id}/similar', '/api/v1/reporting-regimes', '/api/v1/org-links', '/api/v1/support-requests/{id}/answer']) {
      expect(Object.keys(doc.paths), path).toContain(path);
    }
  });

  it('keeps reporting regimes for the national coordinator to edit', async () => {
    const regimes = (await bank.get('/api/v1/reporting-regimes')).json();
    const c20 = regimes.find((r: { code: string }) => r.code === 'vn-circular-20-2017');
    expect(c20.rules.find((r: { kind: string }) => r.kind === 'notification')).toMatchObject({ amount: 5, unit: 'calendar_days', trigger: 'discovery' });
    expect((await bankAdmin.patch(`/api/v1/reporting-regimes/${c20.id}`, { active: false })).statusCode).toBe(403);
    const created = await centre.post('/api/v1/reporting-regimes', { code: 'vn-test-regime', name: 'Thử', nameEn: 'Test', applies: { sectors: ['ENERGY'] }, rules: [{ key: 'n', kind: 'notification', trigger: 'discovery', amount: 12, unit: 'hours', recipients: 'A05' }] });
    expect(created.statusCode, created.body).toBe(201);
    expect((await centre.patch(`/api/v1/reporting-regimes/${created.json().id}`, { active: false })).json().active).toBe(false);
  });
});
