import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Caller, type TestApp } from '../../testing/harness.ts';

let t: TestApp;
const HOUR = 3_600_000;
const alert = (title: string, at: number, over: Record<string, unknown> = {}) =>
  JSON.stringify({ title, severity: 'high', time: new Date(at).toISOString(), rsit: { class: 'intrusion-attempts', type: 'brute-force' }, src: { ip: '198.51.100.19' }, rule: { id: title }, ...over });

async function send(k: Caller & { key: string }, lines: string[]) {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/ingest/lachan', headers: { authorization: `Bearer ${k.key}`, 'content-type': 'application/x-ndjson' }, payload: lines.join('\n') });
  expect(res.statusCode, res.body).toBe(202);
  await t.platform.relay.flush();
  await t.platform.workers.stats.idle();
}

const now = Date.now();
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestApp();
  const bank = await t.keyFor('bank-sgb', 'connector');
  const energy = await t.keyFor('energy-themluc', 'connector');
  // Two alerts of the bank this hour, one five hours ago; one of the energy company three days ago.
  await send(bank, [alert('login storm', now), alert('phishing kit', now, { severity: 'critical', rsit: { class: 'fraud', type: 'phishing' } }), alert('old probe', now - 5 * HOUR)]);
  await send(energy, [alert('scada probe', now - 3 * 24 * HOUR, { severity: 'medium' })]);
});
afterAll(() => t?.close());

describe('the last 24 hours, hour by hour', () => {
  it('counts each alert in the hour it happened, with every hour of the window present', async () => {
    const h = (await t.admin.get('/api/v1/stats/hourly')).json();
    expect(h.hours).toHaveLength(24);
    expect(h.alerts.at(-1)).toBe(2);
    expect(h.alerts.at(-6)).toBe(1);
    // the energy company's alert of three days ago is outside the window
    expect(h.totals).toEqual({ alerts: 3, occurrences: 3, organisations: 1 });
    expect(h.bySeverity[0]).toEqual({ key: '4', alerts: 1, occurrences: 1 });
  });

  it('narrows to a sector and a severity, and keeps an organisation to its own figures', async () => {
    expect((await t.admin.get('/api/v1/stats/hourly?sector=ENERGY&hours=168')).json().totals.alerts).toBe(1);
    expect((await t.admin.get('/api/v1/stats/hourly?minSeverity=4')).json().totals.alerts).toBe(1);
    const other = await t.userIn('energy-themluc', 'analyst');
    expect((await other.get('/api/v1/stats/hourly')).json().totals.alerts).toBe(0);
    expect((await other.get(`/api/v1/stats/hourly?orgId=${await t.org('bank-sgb')}`)).statusCode).toBe(403);
    expect((await t.admin.get('/api/v1/stats/hourly?hours=169')).statusCode).toBe(400);
  });
});

describe('the alerts and incidents behind a figure', () => {
  it('lists the alerts of the days a figure counts, by the day they happened', async () => {
    const today = (await t.admin.get(`/api/v1/alerts?from=${day(now)}&to=${day(now)}`)).json().items as { title: string }[];
    expect(today.map((a) => a.title).sort()).toEqual(expect.arrayContaining(['login storm', 'phishing kit']));
    expect(today.map((a) => a.title)).not.toContain('scada probe');
    const before = (await t.admin.get(`/api/v1/alerts?from=${day(now - 4 * 24 * HOUR)}&to=${day(now - 2 * 24 * HOUR)}`)).json().items as { title: string }[];
    expect(before.map((a) => a.title)).toEqual(['scada probe']);
    expect((await t.admin.get('/api/v1/alerts?from=2026-02-30')).statusCode).toBe(400);
  });

  it('lists the incidents opened in the period, of a sector or a province', async () => {
    const bank = await t.userIn('bank-sgb', 'analyst');
    const created = await bank.post('/api/v1/incidents', { severity: 3, title: 'Sự cố thống kê' });
    expect(created.statusCode, created.body).toBe(201);
    const ids = async (qs: string) => ((await t.admin.get(`/api/v1/incidents?${qs}`)).json().items as { id: string }[]).map((i) => i.id);
    expect(await ids(`sector=BANKING&from=${day(now)}&to=${day(now)}`)).toContain(created.json().id);
    expect(await ids('province=01')).toContain(created.json().id);
    expect(await ids('sector=ENERGY')).not.toContain(created.json().id);
    expect(await ids(`to=${day(now - 2 * 24 * HOUR)}`)).not.toContain(created.json().id);
  });
});
