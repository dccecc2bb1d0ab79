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
    expect(f.history.days).toHaveLength(182);
    expect(f.history.counts.at(-1)).toBeGreaterThan(200);
    expect(f.points).toHaveLength(14);
    expect(f.points[0].lo95).toBeLessThanOrEqual(f.points[0].mean);
    expect(f.backtest.mase).toBeLessThan(1);
    expect(f.candidates.map((c: { model: string }) => c.model)).toContain('seasonal_naive');
  });

  it('flags the sector whose last day left its range, and not the calm one', async () => {
    const signals = (await t.admin.get('/api/v1/stats/surges?groupBy=sector')).json();
    expect(signals.some((s: { key: string; kind: string }) => s.key === 'HEALTH' && s.kind === 'outside_interval')).toBe(true);
    expect(signals.some((s: { key: string }) => s.key === 'BANKING')).toBe(false);
  });

  it('raises each surge once, stored with its evidence and announced to the national centre', async () => {
    const heard: string[] = [];
    expect(await t.platform.db.selectFrom('outbox').select('id').where('type', '=', 'stats.surge').execute()).toHaveLength(0);
    const { SurgeWatcher, ForecastService, StatsService } = await import('./index.ts');
    const watcher = new SurgeWatcher(t.platform, new ForecastService(t.platform, new StatsService(t.platform)));
    watcher.onSurge((s) => void heard.push(s.key));
    expect(await watcher.run()).toBeGreaterThan(0);
    expect(await watcher.run()).toBe(0);
    expect(heard).toContain('HEALTH');
    const events = await t.platform.db.selectFrom('outbox').select(['payload', 'audience']).where('type', '=', 'stats.surge').execute();
    expect(events.some((e) => (e.payload as { key: string }).key === 'HEALTH')).toBe(true);
    expect(events[0]!.audience).toMatchObject({ exact: true, national: true });
  });

  it('proposes an early warning to the surging sector, once', async () => {
    // As if the earlier pass had not happened: this one goes through the wiring the server uses.
    await sql`delete from stats_surges`.execute(t.platform.db);
    const services = (await import('../../services.ts')).createServices(t.platform);
    await services.surges.run();
    const warnings = (await t.admin.get('/api/v1/warnings?limit=50')).json();
    const items = (Array.isArray(warnings) ? warnings : warnings.items) as { titleEn: string; status: string }[];
    const health = items.filter((w) => w.titleEn.includes('HEALTH'));
    expect(health).toHaveLength(1);
    expect(health[0]!.status).toBe('proposed');
    await sql`delete from stats_surges`.execute(t.platform.db);
    await services.surges.run();
    const again = (await t.admin.get('/api/v1/warnings?limit=50')).json();
    expect(((Array.isArray(again) ? again : again.items) as { titleEn: string }[]).filter((w) => w.titleEn.includes('HEALTH'))).toHaveLength(1);
  });

  it('refuses a connector key', async () => {
    const key = await t.keyFor('bank-sgb', 'connector');
    expect((await key.get('/api/v1/stats/forecast?groupBy=none')).statusCode).toBe(403);
  });
});
