import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Caller, type TestApp } from '../../testing/harness.ts';

let t: TestApp;
const alert = (title: string, over: Record<string, unknown> = {}) => JSON.stringify({ title, severity: 'high', rsit: { class: 'intrusion-attempts', type: 'brute-force' }, src: { ip: '198.51.100.9' }, rule: { id: title }, ...over });

async function send(k: Caller & { key: string }, lines: string[]) {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/ingest/lachan', headers: { authorization: `Bearer ${k.key}`, 'content-type': 'application/x-ndjson' }, payload: lines.join('\n') });
  expect(res.statusCode).toBe(202);
  await t.platform.relay.flush();
  await t.platform.workers.stats.idle();
  await t.platform.workers.campaigns.idle();
}

beforeAll(async () => {
  t = await createTestApp();
  const bank = await t.keyFor('bank-sgb', 'connector');
  const energy = await t.keyFor('energy-themluc', 'connector');
  await send(bank, [alert('login storm'), alert('login storm'), alert('phishing kit', { severity: 'critical', rsit: { class: 'fraud', type: 'phishing' } })]);
  await send(bank, [alert('login storm')]);
  // The same rule on the same address at both: more than one shared value by chance, so a campaign.
  await send(energy, [alert('scada probe', { severity: 'medium', rsit: { class: 'information-gathering', type: 'scanner' }, rule: { id: 'login storm' } })]);
});
afterAll(() => t?.close());

describe('the national picture', () => {
  it('counts alerts and their repeats by sector, province, class and severity as batches arrive', async () => {
    const o = (await t.admin.get('/api/v1/stats/overview')).json();
    expect(o.totals).toEqual({ alerts: 3, occurrences: 5, organisations: 2 });
    expect(o.bySector).toEqual(expect.arrayContaining([{ key: 'BANKING', alerts: 2, occurrences: 4 }, { key: 'ENERGY', alerts: 1, occurrences: 1 }]));
    expect(o.byProvince).toEqual(expect.arrayContaining([{ key: '01', alerts: 2, occurrences: 4 }, { key: '79', alerts: 1, occurrences: 1 }]));
    expect(o.byClass.find((c: { key: string }) => c.key === 'intrusion-attempts')).toEqual({ key: 'intrusion-attempts', alerts: 1, occurrences: 3 });
    expect(o.bySeverity[0]).toEqual({ key: '4', alerts: 1, occurrences: 1 });
    expect(o.byDay).toHaveLength(30);
    expect(o.byDay.at(-1)).toMatchObject({ alerts: 3, occurrences: 5 });
    expect(o.live.today).toBe(5);
    expect(o.topOrganisations[0]).toMatchObject({ orgId: await t.org('bank-sgb'), alerts: 2 });
    // Both organisations were hit from 198.51.100.9 under one rule: a (low-confidence) campaign.
    expect(o.campaigns).toEqual({ active: 1 });
    expect(o.warnings).toEqual({ active: 0 });
  });

  it('counts nothing for a period before the alerts arrived', async () => {
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const o = (await t.admin.get(`/api/v1/stats/overview?from=2026-01-01&to=${yesterday}`)).json();
    expect(o.totals).toEqual({ alerts: 0, occurrences: 0, organisations: 0 });
    expect(o.topOrganisations).toEqual([]);
  });

  it('filters by sector and province', async () => {
    const energy = (await t.admin.get('/api/v1/stats/overview?sector=ENERGY')).json();
    expect(energy.totals).toEqual({ alerts: 1, occurrences: 1, organisations: 1 });
    expect(energy.live.today).toBe(1);
    const hanoi = (await t.admin.get('/api/v1/stats/overview?province=01')).json();
    expect(hanoi.totals.alerts).toBe(2);
    expect(hanoi.live.today).toBe(4);
    expect(hanoi.topOrganisations).toEqual([expect.objectContaining({ orgId: await t.org('bank-sgb'), alerts: 2, occurrences: 4 })]);
  });

  it('gives daily series per sector with every day present', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const s = (await t.admin.get(`/api/v1/stats/series?groupBy=sector&from=2026-01-01&to=${today}`)).json();
    expect(s.days.at(-1)).toBe(today);
    const banking = s.series.find((x: { key: string }) => x.key === 'BANKING');
    expect(banking.occurrences.at(-1)).toBe(4);
    expect(banking.occurrences.length).toBe(s.days.length);
  });

  it('exports a breakdown as CSV to download', async () => {
    const res = await t.admin.get('/api/v1/stats/export.csv?dimension=sector');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain('attachment');
    expect(res.body).toContain('BANKING,,2,4');
  });
});

describe('periodic reports (Circular 20)', () => {
  const year = new Date().getUTCFullYear();
  const half = new Date().getUTCMonth() < 6 ? 'H1' : 'H2';

  it('compiles the half-year nationally and for one organisation', async () => {
    const national = (await t.admin.get(`/api/v1/stats/reports/periodic?period=${year}-${half}`)).json();
    expect(national.period.label).toBe(`${year}-${half}`);
    expect(national.alerts).toMatchObject({ total: 3, occurrences: 5 });
    expect(national.organisation).toBeNull();
    const bank = (await t.admin.get(`/api/v1/stats/reports/periodic?period=${year}&orgId=${await t.org('bank-sgb')}`)).json();
    expect(bank.organisation.name).toContain('Sông Gianh');
    expect(bank.alerts.total).toBe(2);
  });

  it('downloads a printable document in Vietnamese or English, and CSV', async () => {
    const html = await t.admin.get(`/api/v1/stats/reports/periodic?period=${year}&format=html`);
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.headers['content-disposition']).toContain('inline');
    expect(html.body).toContain('Báo cáo định kỳ hoạt động ứng cứu sự cố');
    expect(html.body).not.toContain('<script');
    const en = await t.admin.get(`/api/v1/stats/reports/periodic?period=${year}&format=html&lang=en`);
    expect(en.body).toContain('Periodic report of cybersecurity incident response activity');
    const csv = await t.admin.get(`/api/v1/stats/reports/periodic?period=${year}&format=csv`);
    expect(csv.body).toContain('alerts,total,3');
  });

  it('answers 400 for a period that is not a year or half-year', async () => {
    const res = await t.admin.get('/api/v1/stats/reports/periodic?period=2026-Q3');
    expect(res.statusCode).toBe(400);
  });
});

describe('who sees what', () => {
  it('shows an organisation only its own figures, and refuses another organisation’s', async () => {
    const analyst = await t.userIn('bank-sgb', 'analyst');
    const o = (await analyst.get('/api/v1/stats/overview')).json();
    expect(o.totals).toEqual({ alerts: 2, occurrences: 4, organisations: 1 });
    expect(o.bySector.map((s: { key: string }) => s.key)).toEqual(['BANKING']);
    const res = await analyst.get(`/api/v1/stats/overview?orgId=${await t.org('energy-themluc')}`);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('forbidden');
  });

  it('asks for a sign-in, refuses connector keys, and answers 400 for a period that makes no sense', async () => {
    expect((await t.anonymous.get('/api/v1/stats/overview')).statusCode).toBe(401);
    const key = await t.keyFor('bank-sgb', 'connector');
    expect((await key.get('/api/v1/stats/overview')).statusCode).toBe(403);
    const bad = await t.admin.get('/api/v1/stats/overview?from=2026-02-01&to=2026-01-01');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('validation_failed');
  });
});
