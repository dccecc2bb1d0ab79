/**
 * bench:stats — dashboard queries over the roll-ups of 10,000,000 alerts (180 days, 1,000
 * organisations across every sector and province), through HTTP against a real server process, on
 * the embedded engine and, when a PostgreSQL server answers on 127.0.0.1:5432, on PostgreSQL.
 * Prints p50/p95 per query and ends with the worst p95 (target < 150 ms). Forecast quality is
 * measured through the real path (history import, API forecasts) by bench:forecast.
 * Options: --alerts N --days N --orgs N --runs N --engine pglite|postgres|both
 */
import { parseArgs } from 'node:util';
import { readFileSync, rmSync } from 'node:fs';
import { ADMIN_PASSWORD, apiSession, startServer } from '../apps/server/src/testing/server-process.ts';
import { openDatabase } from '../apps/server/src/db/index.ts';
import { enginesFor, pct, PG_URL } from './support.ts';

const { values: opt } = parseArgs({ options: { alerts: { type: 'string', default: '10000000' }, days: { type: 'string', default: '180' }, orgs: { type: 'string', default: '1000' }, runs: { type: 'string', default: '40' }, engine: { type: 'string', default: 'both' } } });
const ALERTS = Number(opt.alerts);
const DAYS = Number(opt.days);
const ORGS = Number(opt.orgs);
const RUNS = Number(opt.runs);
const TARGET_MS = 150;
const COMBOS = 12;
/** The migration's derivation of the national and running roll-ups from the daily rows, run again after seeding them. */
const DERIVED = /-- begin derived roll-ups.*?\n([\s\S]*?)-- end derived roll-ups/.exec(readFileSync(new URL('../apps/server/migrations/0009_stats.sql', import.meta.url), 'utf8'))![1]!;


/**
 * Roll-up rows as the consumer would have written them for ALERTS alerts: the demo network's
 * organisations plus synthetic ones, each day a dozen (class, severity, format) groups, weekdays busier.
 */
async function seed(target: { dataDir: string | null; databaseUrl: string | null }): Promise<number> {
  const db = await openDatabase(target.databaseUrl ? { databaseUrl: target.databaseUrl, dataDir: null } : { dataDir: target.dataDir! });
  try {
    const perRow = Math.max(1, Math.round(ALERTS / (DAYS * ORGS * COMBOS)));
    await db.runScript(`
      create temp table bench_orgs as
        select o.id, coalesce((select array_agg(sector_code) from org_sectors s where s.org_id = o.id), '{}') as sectors, o.province_code from organizations o;
      insert into bench_orgs select gen_random_uuid(), array[(select code from sectors order by random() + g * 0 limit 1)],
          (select code from provinces order by random() + g * 0 limit 1)
        from generate_series(1, greatest(0, ${ORGS} - (select count(*) from bench_orgs))) g;
      create temp table bench_combos as
        select c.n, (array['intrusion-attempts','malicious-code','information-gathering','fraud','availability','intrusions','vulnerable','abusive-content','other'])[1 + (c.n * 7) % 9] as cls,
          1 + (c.n * 5) % 4 as sev, (array['wazuh','suricata','ecs','cef','syslog','lachan'])[1 + (c.n * 3) % 6] as fmt
        from generate_series(0, ${COMBOS - 1}) c(n);
      insert into stats_alerts_daily (day, org_id, rsit_class, severity, format, sectors, province_code, alerts, occurrences)
        select d::date, o.id, c.cls, c.sev, c.fmt, o.sectors, o.province_code, a, a + floor(random() * a * 3)::int
        from generate_series(current_date - ${DAYS - 1}, current_date, interval '1 day') d
          cross join bench_orgs o cross join bench_combos c
          cross join lateral (select greatest(0, round(${perRow} * (case when extract(isodow from d) >= 6 then 0.6 else 1.15 end) * (0.5 + random())))::int as a) x
        on conflict do nothing;
      ${DERIVED}
      insert into stats_alerts_hourly (hour, org_id, severity, alerts, occurrences)
        select date_trunc('hour', now()) - make_interval(hours => h), o.id, 1 + h % 4, 3, 5 from bench_orgs o cross join generate_series(0, 23) h
        on conflict do nothing;
      analyze stats_alerts_daily; analyze stats_national_daily; analyze stats_org_running; analyze stats_org_scopes; analyze stats_alerts_hourly;`);
    const r = await db.rawTransaction((tx) => tx.query<{ n: string }>(`select sum(alerts)::text as n from stats_alerts_daily`));
    return Number(r.rows[0]!.n);
  } finally {
    await db.close();
  }
}

async function runEngine(engine: 'pglite' | 'postgres') {
  if (engine === 'postgres') process.env.TEST_DATABASE_URL ??= PG_URL;
  else delete process.env.TEST_DATABASE_URL;
  // First start creates, migrates and loads the demo network; the roll-ups are seeded while it is stopped.
  const first = await startServer(engine === 'postgres' ? {} : { DATABASE_URL: '' });
  first.process.kill('SIGTERM');
  await new Promise((r) => first.process.once('exit', r));
  const t0 = performance.now();
  const seeded = await seed(first);
  console.log(`${engine}: seeded roll-ups of ${seeded.toLocaleString('en')} alerts in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const server = await startServer({ LACHAN_DATA_DIR: first.dataDir, DATABASE_URL: first.databaseUrl ?? '' });
  try {
    const admin = await apiSession(server.url, 'admin@lachan.local', ADMIN_PASSWORD);
    const orgs = (await admin('GET', '/api/v1/orgs?kind=ci_operator&limit=5')).json.items as { id: string }[];
    const today = new Date().toISOString().slice(0, 10);
    const ago = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
    const queries: [string, string][] = [
      ['overview, whole country, 30 days', '/api/v1/stats/overview'],
      ['overview, whole country, 180 days', `/api/v1/stats/overview?from=${ago(179)}&to=${today}`],
      ['overview, one sector, 30 days', '/api/v1/stats/overview?sector=HEALTH'],
      ['overview, one province, 30 days', '/api/v1/stats/overview?province=79'],
      ['overview, one organisation, 90 days', `/api/v1/stats/overview?orgId=${orgs[0]!.id}&from=${ago(89)}&to=${today}`],
      ['series by sector, 180 days', `/api/v1/stats/series?groupBy=sector&from=${ago(179)}&to=${today}`],
      ['series by class, one province, 90 days', `/api/v1/stats/series?groupBy=class&province=01&from=${ago(89)}&to=${today}`],
    ];
    let worst = 0;
    for (const [name, path] of queries) {
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const t = performance.now();
        const r = await admin('GET', path);
        if (r.status !== 200) throw new Error(`${path} answered ${r.status}`);
        times.push(performance.now() - t);
      }
      const p95 = pct(times.slice(2), 0.95);
      worst = Math.max(worst, p95);
      console.log(`${engine.padEnd(8)} ${name.padEnd(42)} p50 ${pct(times.slice(2), 0.5).toFixed(1).padStart(6)} ms  p95 ${p95.toFixed(1).padStart(6)} ms`);
    }
    return worst;
  } finally {
    await server.stop();
    await first.stop();
    rmSync(first.dataDir, { recursive: true, force: true });
  }
}

const engines = await enginesFor(opt.engine);
console.log(`bench:stats roll-ups of ~${ALERTS.toLocaleString('en')} alerts over ${DAYS} days and ${ORGS} organisations; ${RUNS} runs per query`);
let worst = 0;
for (const engine of engines) worst = Math.max(worst, await runEngine(engine));

const ok = worst < TARGET_MS;
console.log(`bench:stats p95=${worst.toFixed(1)}ms target<${TARGET_MS}ms ${ok ? 'ok' : 'miss'}`);
