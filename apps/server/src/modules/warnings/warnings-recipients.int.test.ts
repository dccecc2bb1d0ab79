import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.ts';

let t: TestApp;
let id: string;
let hospital: string;
let bank: string;

beforeAll(async () => {
  t = await createTestApp();
  hospital = await t.org('health-taybac');
  bank = await t.org('bank-sgb');
  const draft = await t.admin.post('/api/v1/warnings', {
    titleVi: 'Cảnh báo hạ tầng tấn công', titleEn: 'Attack infrastructure warning', bodyVi: 'Chặn ngay.', bodyEn: 'Block now.', severity: 3, tlp: 'AMBER',
    targeting: { orgIds: [hospital, bank] },
  });
  expect(draft.statusCode, draft.body).toBe(201);
  id = draft.json().id;
  expect((await t.admin.post(`/api/v1/warnings/${id}/issue`)).json().status).toBe('issued');
});
afterAll(() => t?.close());

describe('who learns the recipients of a warning', () => {
  it('never tells one recipient who else received it, in the warning, the list, the inbox or the exports', async () => {
    const analyst = await t.userIn('health-taybac', 'analyst');
    expect((await analyst.get(`/api/v1/warnings/${id}`)).json().targeting).toEqual({ orgIds: [hospital] });
    const listed = (await analyst.get('/api/v1/warnings')).json().items.find((w: { id: string }) => w.id === id);
    expect(listed.targeting).toEqual({ orgIds: [hospital] });
    expect(listed.delivery).toBeUndefined();
    const inbox = (await analyst.get('/api/v1/warnings/inbox')).json().items.find((w: { id: string }) => w.id === id);
    expect(inbox.targeting).toEqual({ orgIds: [hospital] });
    for (const path of ['', '/csaf', '/stix']) expect((await analyst.get(`/api/v1/warnings/${id}${path}`)).body).not.toContain(bank);
    const status = await analyst.get(`/api/v1/warnings/${id}/status`);
    expect(status.statusCode).toBe(403);
    expect(status.json().error.code).toBe('forbidden');
  });

  it('names to a parent only its own units, and to the issuer every recipient with the acknowledgements', async () => {
    const regulator = await t.userIn('reg-bank', 'analyst');
    expect((await regulator.get(`/api/v1/warnings/${id}`)).json().targeting).toEqual({ orgIds: [bank] });
    expect((await t.admin.get(`/api/v1/warnings/${id}`)).json().targeting).toEqual({ orgIds: [hospital, bank] });
    const status = (await t.admin.get(`/api/v1/warnings/${id}/status`)).json();
    expect(status.targeted).toBe(2);
  });
});
