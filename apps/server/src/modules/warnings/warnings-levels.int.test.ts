import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.ts';

let t: TestApp;
let tax: string;
let treasury: string;
let customs: string;
let hospital: string;

/** Registers a system of an organisation (the centre keeps every registry). */
async function system(orgId: string, level: number, critical = false): Promise<string> {
  const res = await t.admin.post('/api/v1/systems', { orgId, name: `Hệ thống ${level} ${Math.random()}`, functionType: 'public_services', dataClasses: [], securityLevel: level, critical });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}
const recipients = async (targeting: Record<string, unknown>): Promise<string[]> => {
  const res = await t.admin.post('/api/v1/warnings/preview-recipients', targeting);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().orgs.map((o: { id: string }) => o.id);
};

beforeAll(async () => {
  t = await createTestApp();
  tax = await t.org('ag-tax');
  treasury = await t.org('ag-treasury-38');
  customs = await t.org('ag-vehicle');
  hospital = await t.org('health-taybac');
  // The tax department runs a level 4 system, the treasury only level 2 ones (its profile says 5), the vehicle registry a critical level 3 one.
  await system(tax, 4);
  await system(tax, 1);
  await system(treasury, 2);
  await sql`update organizations set security_level = 5 where id = ${treasury}`.execute(t.platform.db);
  await system(customs, 3, true);
});
afterAll(() => t?.close());

describe('warnings targeted by security level read the registry', () => {
  it('reach only the organisations owning an active system at the levels', async () => {
    const to = await recipients({ securityLevels: [4, 5] });
    expect(to).toContain(tax);
    expect(to).not.toContain(treasury);
    expect(to).not.toContain(customs);
    expect(await recipients({ securityLevels: [2] })).toContain(treasury);
  });

  it('reach the owners of critical systems when asked, intersected with the other targets', async () => {
    expect(await recipients({ criticalOnly: true })).toEqual([customs]);
    expect(await recipients({ criticalOnly: true, securityLevels: [4, 5] })).toEqual([]);
    expect(await recipients({ securityLevels: [4], provinces: ['79'] })).not.toContain(tax);
    const hospitals = await recipients({ securityLevels: [4], sectors: ['HEALTH'] });
    expect(hospitals).not.toContain(tax);
    expect(hospitals).not.toContain(hospital);
  });

  it('forget a retired system, and issue the warning to the owners found', async () => {
    const lone = await system(hospital, 5);
    expect(await recipients({ securityLevels: [5] })).toContain(hospital);
    expect((await t.admin.post(`/api/v1/systems/${lone}/retire`, { reason: 'ngừng vận hành' })).statusCode).toBe(200);
    expect(await recipients({ securityLevels: [5] })).not.toContain(hospital);
    const draft = await t.admin.post('/api/v1/warnings', {
      titleVi: 'Lỗ hổng nghiêm trọng', titleEn: 'Critical vulnerability', bodyVi: 'Vá ngay.', bodyEn: 'Patch now.', severity: 4, tlp: 'AMBER', targeting: { securityLevels: [4] },
    });
    expect(draft.statusCode, draft.body).toBe(201);
    expect((await t.admin.post(`/api/v1/warnings/${draft.json().id}/issue`)).json().status).toBe('issued');
    const inbox = (await (await t.userIn('ag-tax', 'analyst')).get('/api/v1/warnings/inbox')).json().items.map((w: { id: string }) => w.id);
    expect(inbox).toContain(draft.json().id);
    const treasuryInbox = (await (await t.userIn('ag-treasury-38', 'analyst')).get('/api/v1/warnings/inbox')).json().items.map((w: { id: string }) => w.id);
    expect(treasuryInbox).not.toContain(draft.json().id);
  });
});
