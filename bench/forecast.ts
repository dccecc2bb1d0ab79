/**
 * bench:forecast — forecast quality through the real path. On a real server (the embedded engine and,
 * when a PostgreSQL server answers on 127.0.0.1:5432, PostgreSQL), each sector's past is back-filled as
 * the centre would load it: daily counts through `POST /api/v1/stats/history` (or, with `--via ingest`,
 * as alerts sent through ingest as an archive), 106 days ending yesterday; the next 14 days are held out.
 * The API's 14-day forecast (`GET /api/v1/stats/forecast`) is scored against them (MASE) beside last
 * week's repeat, and beside a forecaster that knows the traffic's true level (how far the day's noise
 * lets anyone go). One 14-day hold-out per sector is mostly luck (a burst in it costs every forecaster
 * alike), so `--origins` windows a week apart (default 24: half a year of weekly forecasts; each import
 * replacing the last) are pooled per sector; the first window alone is printed too.
 * Ends with `bench:forecast mase_ratio=<worst sector> target<=0.8 ok|miss`.
 * Options: --engine pglite|postgres|both --via import|ingest --origins N --seed N --scale F (ingest)
 */
import { parseArgs } from 'node:util';
import { ADMIN_PASSWORD, startServer } from '../apps/server/src/testing/server-process.ts';
import { SECTORS } from '../apps/server/src/modules/reference/sectors.data.ts';
import { enginesFor } from './support.ts';
import { sectorTraffic } from './forecast/traffic.ts';
import { scoreSector, type Window } from './forecast/score.ts';
import { backfill, session, type Org } from './forecast/backfill.ts';

const { values: opt } = parseArgs({ options: { engine: { type: 'string', default: 'both' }, via: { type: 'string', default: 'import' }, origins: { type: 'string', default: '24' }, seed: { type: 'string', default: '1' }, scale: { type: 'string', default: '0.02' } } });
const TRAIN = 106;
const HOLD = 14;
const TARGET = 0.8;
const DAY_MS = 86_400_000;
const VIA = opt.via === 'ingest' ? 'ingest' : 'import';
// An archive of alerts cannot be taken back: through ingest, one window.
const ORIGINS = VIA === 'ingest' ? 1 : Math.max(1, Number(opt.origins));
const SEED = Number(opt.seed);
const SCALE = VIA === 'ingest' ? Number(opt.scale) : 1;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** One organisation of each sector to carry its counts (one of that sector alone, for ingest). */
function carriers(orgs: Org[]): Map<string, Org> {
  const out = new Map<string, Org>();
  for (const s of SECTORS) {
    const single = orgs.find((o) => o.sectors.length === 1 && o.sectors[0] === s.code);
    const any = orgs.find((o) => o.sectors.includes(s.code));
    const pick = single ?? (VIA === 'import' ? any : undefined);
    if (pick) out.set(s.code, pick);
  }
  return out;
}

async function runEngine(engine: 'pglite' | 'postgres'): Promise<number> {
  if (engine === 'postgres') process.env.TEST_DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';
  else delete process.env.TEST_DATABASE_URL;
  const server = await startServer(engine === 'postgres' ? {} : { DATABASE_URL: '' });
  try {
    const api = await session(server.url, 'admin@lachan.local', ADMIN_PASSWORD);
    const sectors = carriers((await api.json('GET', '/api/v1/orgs?limit=5000')).items as Org[]);
    const yesterday = Math.floor(Date.now() / DAY_MS) * DAY_MS - DAY_MS;
    const start = new Date(yesterday - (TRAIN - 1) * DAY_MS);
    const traffic = new Map([...sectors.keys()].map((s) => [s, sectorTraffic(s, start, TRAIN + HOLD + 7 * (ORIGINS - 1), SEED, SCALE)]));
    const windows = new Map<string, Window[]>();
    const models = new Map<string, string>();
    let mismatched = 0;
    const t0 = performance.now();
    for (let o = 0; o < ORIGINS; o++) {
      // Window o: generated days [7o, 7o + 106) dated to end yesterday (a whole number of weeks: weekdays stay).
      const days = new Map([...traffic].map(([s, t]) => [s, t.counts.slice(7 * o, 7 * o + TRAIN)]));
      await backfill(api, VIA, sectors, days, yesterday);
      for (const [sector, t] of traffic) {
        const f = (await api.json('GET', `/api/v1/stats/forecast?groupBy=sector&key=${sector}`)) as { history: { counts: number[] }; points: { mean: number }[]; model: string; historyDays: number };
        const training = days.get(sector)!;
        if (f.history.counts.slice(-TRAIN).join() !== training.join()) mismatched++;
        const held = 7 * o + TRAIN;
        (windows.get(sector) ?? windows.set(sector, []).get(sector)!).push({
          training, actual: t.counts.slice(held, held + HOLD), forecast: f.points.map((p) => p.mean), oracle: t.level.slice(held, held + HOLD),
        });
        models.set(sector, `${f.model} (${f.historyDays} d)`);
      }
    }
    console.log(`${engine}: ${sectors.size} sectors, ${ORIGINS} window(s) back-filled through ${VIA === 'import' ? 'the history import' : 'ingest as history'} and forecast in ${((performance.now() - t0) / 1000).toFixed(1)} s${mismatched ? `; ${mismatched} histories differ from what was sent` : ''}`);
    console.log(`  ${'sector'.padEnd(18)} ${'model (history)'.padEnd(24)} ${'MASE'.padStart(6)} ${'naive'.padStart(6)} ${'ratio'.padStart(6)} ${'oracle'.padStart(7)}`);
    const scores = [...windows].map(([sector, ws]) => ({ sector, model: models.get(sector) ?? '', ...scoreSector(ws) }));
    for (const s of scores.sort((a, b) => b.ratio - a.ratio)) {
      console.log(`  ${s.sector.padEnd(18)} ${s.model.padEnd(24)} ${s.mase.toFixed(3).padStart(6)} ${s.naive.toFixed(3).padStart(6)} ${s.ratio.toFixed(3).padStart(6)} ${s.oracleRatio.toFixed(3).padStart(7)}`);
    }
    const worst = Math.max(...scores.map((s) => s.ratio));
    const pooled = scores.reduce((a, s) => a + s.mase, 0) / scores.reduce((a, s) => a + s.naive, 0);
    console.log(`  ratio to last week's repeat: worst ${worst.toFixed(3)}, median ${median(scores.map((s) => s.ratio)).toFixed(3)}, all sectors pooled ${pooled.toFixed(3)}`);
    console.log(`  knowing the true level: worst ${Math.max(...scores.map((s) => s.oracleRatio)).toFixed(3)}, median ${median(scores.map((s) => s.oracleRatio)).toFixed(3)}`);
    const first = [...windows.values()].map((ws) => scoreSector(ws.slice(0, 1)));
    console.log(`  the first window alone (one 14-day hold-out per sector): worst ${Math.max(...first.map((s) => s.ratio)).toFixed(3)}, median ${median(first.map((s) => s.ratio)).toFixed(3)}; knowing the true level: worst ${Math.max(...first.map((s) => s.oracleRatio)).toFixed(3)}`);
    if (mismatched) throw new Error('the server did not keep the history it was sent');
    return worst;
  } finally {
    await server.stop();
  }
}

const engines = await enginesFor(opt.engine);
console.log(`bench:forecast ${TRAIN} days back-filled per window, ${HOLD} held out, ${ORIGINS} window(s) a week apart, seed ${SEED}`);
let worst = 0;
for (const engine of engines) worst = Math.max(worst, await runEngine(engine));
console.log(`bench:forecast mase_ratio=${worst.toFixed(3)} target<=${TARGET} ${worst <= TARGET ? 'ok' : 'miss'}`);
