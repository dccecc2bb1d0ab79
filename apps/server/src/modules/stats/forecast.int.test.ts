import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.ts';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  // 120 days of weekly-seasonal HEALTH activity in the national roll-up, the last completed day three times the usual.
  await sql`insert into stats_national_daily (scope, day, dim, key, alerts, occurrences)
    select '', d::date, 'sector', s, v, v from (
      select d, s, case when d::date = current_date - 1 and s = 'HEALTH' then 1200
        else (case when extract(isodow from d) >= 6 then 250 else 400 end) + (hashtext(d::text || s) % 30) end as v
      from generate_series(current_date - 120, current_date - 1, interval '1 day') d cross join unnest(array['HEALTH', 'BANKING']) s) x`.execute(t.platform.db);
});
afterAll(() => t?.close());

describe('forecasts and surges', () => {
  it('forecasts a sector 14 days ahead with intervals, beside its history and backtest', async () => {
    const res = await t.admin.get('/api/v1/stats/forecast?groupBy=sector&key=BANKING');
    expect(res.statusCode, res.body).toBe(200);
    const f = res.json();
    // Only the 120 days since data began: no leading zeros standing in for the months before.
    expect(f.history.days).toHaveLength(120);
    expect(f.historyDays).toBe(120);
    expect(f.dataSince).toBe(f.history.days[0]);
    expect(f.history.counts[0]).toBeGreaterThan(200);
    expect(f.history.counts.at(-1)).toBeGreaterThan(200);
    expect(f.points).toHaveLength(14);
    expect(f.points[0].lo95).toBeLessThanOrEqual(f.points[0].mean);
    expect(f.backtest.mase).toBeLessThan(1);
    expect(f.candidates.map((c: { model: string }) => c.model)).toContain('seasonal_naive');
  });

  it('flags the sector whose last day left its range, and not the calm one', async () => {
    const { signals } = (await t.admin.get('/api/v1/stats/surges?groupBy=sector')).json();
    expect(signals.some((s: { key: string; kind: string }) => s.key === 'HEALTH' && s.kind === 'outside_interval')).toBe(true);
    expect(signals.some((s: { key: string }) => s.key === 'BANKING')).toBe(false);
  });

  it('raises each surge once, stored with its evidence in an episode and announced to the national centre', async () => {
    const heard: string[] = [];
    expect(await t.platform.db.selectFrom('outbox').select('id').where('type', '=', 'stats.surge').execute()).toHaveLength(0);
    const { SurgeWatcher, ForecastService, StatsService } = await import('./index.ts');
    const watcher = new SurgeWatcher(t.platform, new ForecastService(t.platform, new StatsService(t.platform)));
    watcher.onSurge((s) => void heard.push(s.episode.key));
    expect(await watcher.run()).toBeGreaterThan(0);
    expect(await watcher.run()).toBe(0);
    expect(heard).toContain('HEALTH');
    const events = await t.platform.db.selectFrom('outbox').select(['payload', 'audience']).where('type', '=', 'stats.surge').execute();
    expect(events.filter((e) => (e.payload as { key: string }).key === 'HEALTH')).toHaveLength(1);
    expect(events[0]!.audience).toMatchObject({ exact: true, national: true });
    const report = (await t.admin.get('/api/v1/stats/surges?groupBy=sector')).json();
    expect(report.watcher.lastRunAt).not.toBeNull();
    // The day outside its interval and the level shift it starts: two signals, one episode.
    expect(report.episodes).toEqual([expect.objectContaining({ key: 'HEALTH', signals: 2, peak: expect.objectContaining({ observed: 1200 }) })]);
    // An organisation's analyst sees when the watcher ran, never the national episodes.
    const analyst = await t.userIn('bank-sgb', 'analyst');
    expect((await analyst.get('/api/v1/stats/surges?groupBy=sector')).json().episodes).toEqual([]);
  });

  it('proposes one early warning per surge episode to the surging sector, refreshed as the episode grows', async () => {
    // As if the earlier pass had not happened: this one goes through the wiring the server uses.
    await sql`delete from stats_surges`.execute(t.platform.db);
    await sql`delete from stats_surge_episodes`.execute(t.platform.db);
    const { createServices } = await import('../../services.ts');
    await createServices(t.platform).stats.surges.run();
    const health = async () => ((await t.admin.get('/api/v1/warnings?limit=50')).json().items as { titleEn: string; bodyEn: string; status: string; origin: string; targeting: object }[])
      .filter((w) => w.origin === 'surge' && w.titleEn.includes('Health'));
    expect(await health()).toHaveLength(1);
    expect((await health())[0]).toMatchObject({ status: 'proposed', targeting: { sectors: ['HEALTH'] }, bodyEn: expect.stringContaining('1200 alerts') });
    expect((await health())[0]!.bodyEn).toContain('(2 signals)');
    // Another watcher (another process) finds the same day's signal again: the same episode, the same proposal, updated.
    await sql`delete from stats_surges`.execute(t.platform.db);
    await createServices(t.platform).stats.surges.run();
    expect(await health()).toHaveLength(1);
    expect((await health())[0]!.bodyEn).toContain('(4 signals)');
  });

  it('refuses a connector key', async () => {
    const key = await t.keyFor('bank-sgb', 'connector');
    expect((await key.get('/api/v1/stats/forecast?groupBy=none')).statusCode).toBe(403);
  });
});
