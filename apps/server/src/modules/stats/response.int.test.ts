import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Caller, type TestApp } from '../../testing/harness.ts';

let t: TestApp;
const DAY = 86_400_000;
const HOUR = 3_600_000;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

describe('response statistics', () => {
  it('gives medians of time to detect and acknowledge, and counts deadlines met, late and overdue per sector and organisation', async () => {
    const bank = await t.userIn('bank-sgb', 'analyst');
    const now = Date.now();
    // Occurred 10 h before discovery; notified the same day: Circular 20 met, the State Bank's 24 h clock too.
    const a = await bank.post('/api/v1/incidents', { severity: 3, title: 'Mã độc trên máy chủ', occurredAt: new Date(now - 2 * DAY - 10 * HOUR).toISOString(), discoveredAt: new Date(now - 2 * DAY).toISOString() });
    expect(a.statusCode, a.body).toBe(201);
    await bank.post(`/api/v1/incidents/${a.json().id}/transition`, { to: 'triage' });
    const o = (await t.admin.get('/api/v1/stats/response')).json();
    expect(o.total.incidents).toBe(1);
    expect(o.total.medianHours.detect).toBe(10);
    expect(o.total.medianHours.acknowledge).toBeGreaterThanOrEqual(0);
    const banking = o.bySector.find((s: { key: string }) => s.key === 'BANKING');
    expect(banking.incidents).toBe(1);
    const row = o.byOrganisation[0];
    expect(row).toMatchObject({ key: await t.org('bank-sgb'), incidents: 1 });
    // Opened by hand without a report: its notification clocks started two days ago and the 24 h one is overdue.
    expect(row.deadlines.overdue).toBeGreaterThanOrEqual(1);
    expect(row.compliance).toBeLessThan(1);
  });

  it('does not count another organisation’s incidents for an organisation', async () => {
    const other = await t.userIn('energy-themluc', 'analyst');
    const o = (await other.get('/api/v1/stats/response')).json();
    expect(o.total.incidents).toBe(0);
  });

  it('counts for the centre and for the bank’s regulator only the incidents they may open: never a bank’s RED one', async () => {
    const bank = await t.userIn('bank-sgb', 'analyst');
    const regulator = await t.userIn('reg-bank', 'analyst');
    const figures = async (c: Caller) => {
      const o = (await c.get('/api/v1/stats/overview')).json();
      const r = (await c.get('/api/v1/stats/response')).json();
      return { open: o.incidents.open, opened: o.incidents.opened, response: r.total.incidents };
    };
    const before = { centre: await figures(t.admin), regulator: await figures(regulator), bank: await figures(bank) };
    const red = await bank.post('/api/v1/incidents', { severity: 4, title: 'Rò rỉ dữ liệu khách hàng', tlp: 'RED' });
    expect(red.statusCode, red.body).toBe(201);
    expect(await figures(t.admin)).toEqual(before.centre);
    expect(await figures(regulator)).toEqual(before.regulator);
    expect(await figures(bank)).toEqual({ open: before.bank.open + 1, opened: before.bank.opened + 1, response: before.bank.response + 1 });
    // Shared with the centre (as a report would), it counts there too.
    const share = await bank.post(`/api/v1/incidents/${red.json().id}/shares`, { orgId: await t.org('ncc'), profile: 'read_only', tlpCeiling: 'RED' });
    expect(share.statusCode, share.body).toBe(201);
    expect(await figures(t.admin)).toEqual({ open: before.centre.open + 1, opened: before.centre.opened + 1, response: before.centre.response + 1 });
  });
});

describe('response statistics of incidents opened from alerts', () => {
  it('times detection from the earliest alert to the opening, where the incident states neither', async () => {
    const key = await t.keyFor('energy-themluc', 'connector');
    const at = new Date(Date.now() - 6 * HOUR).toISOString();
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/ingest/lachan', headers: { authorization: `Bearer ${key.key}`, 'content-type': 'application/x-ndjson' },
      payload: JSON.stringify({ title: 'ransomware note', severity: 'critical', time: at, rsit: { class: 'malicious-code', type: 'ransomware' }, src: { ip: '198.51.100.44' }, rule: { id: 'rw-1' } }) });
    expect(res.statusCode, res.body).toBe(202);
    await t.platform.relay.flush();
    let promoted: { id: string }[] = [];
    for (let i = 0; i < 50 && promoted.length === 0; i++) {
      promoted = (await t.admin.get(`/api/v1/incidents?orgId=${await t.org('energy-themluc')}`)).json().items;
      if (promoted.length === 0) await new Promise((r) => setTimeout(r, 100));
    }
    expect(promoted.length, 'a critical alert opens an incident').toBeGreaterThan(0);
    const o = (await t.admin.get('/api/v1/stats/response')).json();
    const energyId = await t.org('energy-themluc');
    const energy = (o.byOrganisation as { key: string; medianHours: { detect: number | null } }[]).find((r) => r.key === energyId);
    expect(energy?.medianHours.detect).toBeGreaterThanOrEqual(5.9);
  });
});
