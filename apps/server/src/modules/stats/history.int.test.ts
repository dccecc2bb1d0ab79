import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Caller, type TestApp } from '../../testing/harness.ts';

let t: TestApp;
const DAY = 86_400_000;
const day = (ago: number) => new Date(Date.now() - ago * DAY).toISOString().slice(0, 10);
const csv = (lines: string[]) => Buffer.from(`${lines.join('\r\n')}\r\n`);
const importCsv = (who: Caller, lines: string[]) => who.request('POST', '/api/v1/stats/history', csv(lines), { 'content-type': 'text/csv' });
const overview = async (q: string) => (await t.admin.get(`/api/v1/stats/overview?${q}`)).json();

let bank: string;
let hospital: string;
beforeAll(async () => {
  t = await createTestApp();
  bank = await t.org('bank-sgb');
  hospital = await t.org('health-taybac');
});
afterAll(() => t?.close());

describe('importing history as daily counts', () => {
  it('refuses a file with bad rows, naming each line and column, and stores nothing', async () => {
    const res = await importCsv(t.admin, [
      'day,org,sector,alerts,occurrences,severity',
      `${day(3)},${bank},BANKING,12,15,3`,
      `2026-02-30,${bank},,1,,`,
      `${day(0)},${bank},,1,,`,
      `${day(4)},no-such-organisation,,4,,`,
      `${day(5)},${bank},NOT_A_SECTOR,4,,`,
      `${day(6)},${bank},,-2,,`,
      `${day(7)},${bank},,5,3,`,
      `${day(8)},${bank},,5,,9`,
      `${day(3)},${bank},,1,,3`,
    ]);
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('validation_failed');
    expect(error.details.rows.map((r: { line: number; column: string | null }) => [r.line, r.column])).toEqual([
      [3, 'day'], [4, 'day'], [5, 'org'], [6, 'sector'], [7, 'alerts'], [8, 'occurrences'], [9, 'severity'], [10, null],
    ]);
    expect((await overview(`from=${day(10)}&to=${day(1)}`)).totals.alerts).toBe(0);
    expect((await importCsv(t.admin, ['day,organisation,alerts', `${day(3)},${bank},1`])).json().error.details.rows[0]).toMatchObject({ line: 1, column: 'organisation' });
  });

  it('is the national centre’s alone', async () => {
    const line = ['day,org,alerts', `${day(3)},${bank},1`];
    expect((await importCsv(t.anonymous, line)).statusCode).toBe(401);
    for (const who of [await t.userIn('bank-sgb', 'org_admin'), await t.userIn('bank-sgb', 'analyst'), await t.keyFor('bank-sgb', 'connector')]) {
      const res = await importCsv(who, line);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('forbidden');
    }
    expect((await t.admin.request('POST', '/api/v1/stats/history', Buffer.from('{}'), { 'content-type': 'application/json' })).statusCode).toBe(415);
  });

  it('counts imported days in the figures and forecasts, and replaces them when the same day and organisation come again', async () => {
    const lines = ['day,org,sector,alerts,occurrences,rsit_class,severity'];
    for (let ago = 60; ago >= 1; ago--) lines.push(`${day(ago)},${bank},BANKING,${100 + (ago % 7) * 10},${150 + (ago % 7) * 10},intrusion-attempts,3`);
    // An organisation may be named by its exact name instead of its id.
    lines.push(`${day(2)},"${(await t.admin.get(`/api/v1/orgs/${hospital}`)).json().name}",,9,,,`);
    const first = await importCsv(t.admin, lines);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ rows: 61, organisations: 2, days: { from: day(60), to: day(1) }, replaced: 0 });
    const period = `from=${day(60)}&to=${day(1)}`;
    const before = await overview(period);
    const expected = Array.from({ length: 60 }, (_, i) => 100 + ((60 - i) % 7) * 10).reduce((a, b) => a + b, 0) + 9;
    expect(before.totals).toMatchObject({ alerts: expected, organisations: 2 });
    expect(before.bySector).toContainEqual(expect.objectContaining({ key: 'BANKING', alerts: expected - 9 }));
    expect(before.byFormat).toEqual([expect.objectContaining({ key: 'import', alerts: expected })]);
    expect((await overview(`${period}&orgId=${hospital}`)).totals.alerts).toBe(9);

    // Imported again: the same figures, not twice as many.
    expect((await importCsv(t.admin, lines)).json()).toMatchObject({ rows: 61, replaced: 61 });
    expect((await overview(period)).totals.alerts).toBe(expected);
    expect((await overview(`${period}&orgId=${bank}`)).totals.alerts).toBe(expected - 9);

    // A corrected day replaces what was imported for that day and organisation only.
    expect((await importCsv(t.admin, ['day,org,alerts', `${day(2)},${hospital},4`])).json()).toMatchObject({ rows: 1, replaced: 1 });
    expect((await overview(period)).totals.alerts).toBe(expected - 5);
    expect((await overview(`${period}&orgId=${hospital}`)).totals.alerts).toBe(4);

    // Counted in another sector on the second import: it leaves the first sector's figures.
    const header = 'day,org,sector,alerts,occurrences,rsit_class,severity';
    expect((await importCsv(t.admin, [header, `${day(3)},${bank},FINANCE,50,50,intrusion-attempts,3`])).json()).toMatchObject({ replaced: 1 });
    const moved = await overview(period);
    expect(moved.totals.alerts).toBe(expected - 5 - 130 + 50);
    expect(moved.bySector).toContainEqual(expect.objectContaining({ key: 'BANKING', alerts: expected - 9 - 130 }));
    expect(moved.bySector).toContainEqual(expect.objectContaining({ key: 'FINANCE', alerts: 50 }));

    // The forecast stands on the sixty imported days, and says so.
    const f = (await t.admin.get('/api/v1/stats/forecast?groupBy=sector&key=BANKING')).json();
    expect(f).toMatchObject({ historyDays: 60, dataSince: day(60) });
    expect(f.history.counts[0]).toBe(100 + (60 % 7) * 10);

    const audit = (await t.admin.get('/api/v1/audit?limit=20')).json().items as { action: string }[];
    expect(audit.filter((a) => a.action === 'stats.history_import')).toHaveLength(4);
  });
});
