import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InformationSystem } from '@lachan/contracts';
import { createTestApp, type Caller, type TestApp } from '../../testing/harness.ts';

let t: TestApp;
let tax: string;
let finAdmin: Caller;
let taxAnalyst: Caller;
let otherAdmin: Caller;
beforeAll(async () => {
  t = await createTestApp();
  tax = await t.org('ag-tax');
  finAdmin = await t.userIn('min-fin', 'org_admin');
  taxAnalyst = await t.userIn('ag-tax', 'analyst');
  otherAdmin = await t.userIn('prov-79', 'org_admin');
});
afterAll(() => t?.close());

let seq = 0;
async function asset(orgId: string, kind: 'cidr' | 'domain' | 'hostname', value: string): Promise<string> {
  const res = await t.admin.post(`/api/v1/orgs/${orgId}/assets`, { kind, value });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}
async function system(extra: Record<string, unknown> = {}, by: Caller = finAdmin): Promise<InformationSystem> {
  const res = await by.post('/api/v1/systems', { orgId: tax, name: `Hệ thống thuế điện tử ${++seq}`, functionType: 'public_services', dataClasses: ['personal'], ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('the information systems registry', () => {
  it('registers a system with level, approval decision, assets and a dependency, and reads it back', async () => {
    const net = await asset(tax, 'cidr', '203.0.113.0/26');
    const domain = `nop${++seq}.thue.example.vn`;
    const dns = await asset(tax, 'domain', domain);
    const base = await system({ name: 'Hạ tầng dùng chung ngành thuế', functionType: 'infrastructure' });
    const sys = await system({
      securityLevel: 4, critical: true, usersServed: 2_500_000, operatorName: 'Trung tâm Dữ liệu Thuế',
      approval: { number: '123/QĐ-TCT', date: '2025-03-14', approver: 'Tổng cục trưởng' }, assetIds: [net, dns], dependsOn: [base.id],
    });
    expect(sys).toMatchObject({ orgId: tax, securityLevel: 4, critical: true, approval: { number: '123/QĐ-TCT', date: '2025-03-14' }, status: 'active' });
    expect(sys.assets.map((a) => a.value).sort()).toEqual([domain, '203.0.113.0/26'].sort());
    expect(sys.dependsOn.map((d) => d.id)).toEqual([base.id]);
    const again = (await taxAnalyst.get(`/api/v1/systems/${sys.id}`)).json();
    expect(again).toEqual(sys);
    expect((await finAdmin.get(`/api/v1/systems/${base.id}`)).json().dependents.map((d: { id: string }) => d.id)).toEqual([sys.id]);
  });

  it('writes the change to the audit log', async () => {
    const sys = await system();
    const audit = (await t.admin.get(`/api/v1/audit?entityId=${sys.id}`)).json();
    expect(JSON.stringify(audit)).toContain('system.create');
  });

  it('refuses an asset of another organisation, an asset already in another system, and an approval without a level', async () => {
    const foreign = await asset(await t.org('prov-79'), 'hostname', `may${++seq}.hcm.example.vn`);
    const bad = await finAdmin.post('/api/v1/systems', { orgId: tax, name: 'Hệ thống sai', functionType: 'other', dataClasses: [], assetIds: [foreign] });
    expect(bad.statusCode).toBe(400);
    const mine = await asset(tax, 'hostname', `may${++seq}.thue.example.vn`);
    await system({ assetIds: [mine] });
    const taken = await finAdmin.post('/api/v1/systems', { orgId: tax, name: 'Hệ thống trùng tài sản', functionType: 'other', dataClasses: [], assetIds: [mine] });
    expect(taken.statusCode).toBe(409);
    const noLevel = await finAdmin.post('/api/v1/systems', { orgId: tax, name: 'Hệ thống chưa cấp độ', functionType: 'other', dataClasses: [], approval: { number: '1', date: '2025-01-01', approver: 'x' } });
    expect(noLevel.json().error.code).toBe('validation_failed');
    const dup = await system();
    expect((await finAdmin.post('/api/v1/systems', { orgId: tax, name: dup.name.toUpperCase(), functionType: 'other', dataClasses: [] })).statusCode).toBe(409);
  });

  it('shows each organisation its own subtree only, and lets only administrators write', async () => {
    const sys = await system();
    expect((await otherAdmin.get(`/api/v1/systems/${sys.id}`)).statusCode).toBe(404);
    expect((await otherAdmin.get('/api/v1/systems?limit=5000')).json().items.map((s: { id: string }) => s.id)).not.toContain(sys.id);
    expect((await otherAdmin.get(`/api/v1/systems?orgId=${tax}`)).statusCode).toBe(403);
    expect((await otherAdmin.patch(`/api/v1/systems/${sys.id}`, { critical: true })).statusCode).toBe(404);
    expect((await taxAnalyst.patch(`/api/v1/systems/${sys.id}`, { critical: true })).statusCode).toBe(403);
    expect((await otherAdmin.post('/api/v1/systems', { orgId: tax, name: 'Ngoài phạm vi', functionType: 'other', dataClasses: [] })).statusCode).toBe(403);
    const ministry = (await finAdmin.get(`/api/v1/systems?orgId=${await t.org('min-fin')}&limit=5000`)).json().items.map((s: { id: string }) => s.id);
    expect(ministry).toContain(sys.id);
    expect((await t.admin.get('/api/v1/systems?level=4&limit=5000')).json().items.every((s: { securityLevel: number }) => s.securityLevel === 4)).toBe(true);
  });

  it('filters the list by function type, monitoring provider (layer 2) and live connection (layer 4)', async () => {
    const sys = await system({ functionType: 'infrastructure' });
    const ids = async (query: string) => (await finAdmin.get(`/api/v1/systems?orgId=${tax}&limit=5000&${query}`)).json().items.map((s: { id: string }) => s.id);
    expect(await ids('functionType=infrastructure')).toContain(sys.id);
    expect(await ids('functionType=public_services')).not.toContain(sys.id);
    // the tax department is a client of a SOC provider in the demo network, and no connector of it has sent alerts
    expect(await ids('monitored=true')).toContain(sys.id);
    expect(await ids('monitored=false')).not.toContain(sys.id);
    expect(await ids('connected=false')).toContain(sys.id);
    expect(await ids('connected=true')).not.toContain(sys.id);
    expect((await finAdmin.get('/api/v1/systems?monitored=perhaps')).statusCode).toBe(400);
  });

  it('edits and retires a system; a retired system cannot be edited', async () => {
    const sys = await system();
    const edited = await finAdmin.patch(`/api/v1/systems/${sys.id}`, { securityLevel: 3, description: 'Nộp thuế trực tuyến' });
    expect(edited.json()).toMatchObject({ securityLevel: 3, description: 'Nộp thuế trực tuyến', name: sys.name });
    expect((await finAdmin.post(`/api/v1/systems/${sys.id}/retire`, { reason: 'thay bằng hệ thống mới' })).json().status).toBe('retired');
    expect((await finAdmin.patch(`/api/v1/systems/${sys.id}`, { securityLevel: 2 })).statusCode).toBe(409);
  });

  it('proposes a level with the classification guide', async () => {
    const res = await taxAnalyst.post('/api/v1/systems/classify', { components: [{ functionType: 'public_services', dataClasses: ['personal'], personalDataUsers: 50_000 }] });
    expect(res.json()).toMatchObject({ level: 3, reasons: [{ code: 'personal_data_many_users', article: 'Decree 85 Art. 9' }] });
    expect((await taxAnalyst.post('/api/v1/systems/classify', { components: [] })).statusCode).toBe(400);
  });
});

describe('registry CSV', () => {
  const csv = (lines: string[]) => `${lines.join('\n')}\n`;
  const importCsv = (who: Caller, orgId: string, lines: string[]) =>
    who.request('POST', `/api/v1/orgs/${orgId}/systems/import`, Buffer.from(csv(lines)), { 'content-type': 'text/csv' });

  it('imports a list, updates by name on a second import, and exports what it read', async () => {
    const host = `csv${++seq}.thue.example.vn`;
    await asset(tax, 'hostname', host);
    const head = 'name,function_type,data_classes,users_served,security_level,approval_number,approval_date,approver,critical,operator,description,assets';
    const first = await importCsv(finAdmin, tax, [head,
      `Cổng CSV ${seq},public_services,personal;private,120000,3,45/QĐ,2024-06-01,"Cục trưởng, Cục Thuế",true,,"mô tả, có dấu phẩy",hostname:${host}`,
      `Kho CSV ${seq},internal_operations,public,,,,,,false,,,`]);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ created: 2, updated: 0 });
    const second = await importCsv(finAdmin, tax, ['name,function_type,security_level', `Kho CSV ${seq},internal_operations,2`]);
    expect(second.json()).toEqual({ created: 0, updated: 1 });
    const out = await taxAnalyst.get(`/api/v1/systems/export.csv?orgId=${tax}`);
    expect(out.headers['content-type']).toContain('text/csv');
    expect(out.body).toContain(`Cổng CSV ${seq},public_services,personal;private,120000,3,45/QĐ,2024-06-01,"Cục trưởng, Cục Thuế",true,,"mô tả, có dấu phẩy",hostname:${host}`);
    expect(out.body).toContain(`Kho CSV ${seq},internal_operations,,,2`);
    const back = await importCsv(finAdmin, tax, out.body.trim().split('\r\n'));
    expect(back.statusCode, back.body).toBe(200);
  });

  it('reports every bad row with its line and column and stores nothing', async () => {
    const res = await importCsv(finAdmin, tax, ['name,function_type,security_level,assets,critical',
      `Tốt ${++seq},other,2,,false`, 'X,other,9,,maybe', `Thiếu tài sản ${seq},other,,domain:khong-co.example.vn,`]);
    expect(res.statusCode).toBe(400);
    const errs = res.json().error.details.errors;
    expect(errs).toEqual(expect.arrayContaining([
      expect.objectContaining({ line: 3, column: 'name' }), expect.objectContaining({ line: 3, column: 'security_level' }),
      expect.objectContaining({ line: 3, column: 'critical' }), expect.objectContaining({ line: 4, column: 'assets' }),
    ]));
    expect((await finAdmin.get(`/api/v1/systems?orgId=${tax}&q=${encodeURIComponent(`Tốt ${seq}`)}`)).json().items).toEqual([]);
    expect((await otherAdmin.request('POST', `/api/v1/orgs/${tax}/systems/import`, Buffer.from('name,function_type\nA b,other\n'), { 'content-type': 'text/csv' })).statusCode).toBe(403);
  });
});
