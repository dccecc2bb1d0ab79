/**
 * bench:sustained — the traffic people send, held for minutes: the simulator's mix (batches of up to
 * 500, 20 % repeats, six formats, a few labelled campaigns) at a steady offered rate against a real
 * server process with promotion, statistics and campaigns running. Prints, per minute, the alerts
 * answered per second, the workers' backlog, CPU per alert (server, and PostgreSQL's backends of the run's database) and the
 * server's resident memory with how full its bounded caches are; then the sustained rate, CPU per alert
 * against a raw COPY of the same kind of rows, and whether memory levelled off once the caches were full:
 * from the later of minute 2 and the first minute every cache that grows as it fills held 90 % of its
 * bound (at 3,000 alerts/s the campaign value index takes about 9 minutes, so `--minutes 16` shows it),
 * the last third of the minutes against the first, both for resident memory and for the heap the server
 * keeps (in use after a full collection, from `/metrics`). Bounded: `--minutes` of traffic, the
 * simulator's drain, then it stops.
 *   npm run bench:sustained -- --minutes 10 --rate 3000 --engine pglite|postgres|both
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { ADMIN_PASSWORD, startServer, type RunningServer } from '../apps/server/src/testing/server-process.ts';
import { GENERATORS } from './simulate/generators/index.ts';
import { Rng } from './simulate/rng.ts';
import { runSimulation } from './simulate/run.ts';
import { FORMATS, type Format, type OrgAssets } from './simulate/types.ts';
import { rawCopyRate } from './raw-copy.ts';
import { cpuSnapshot, cpuUsedBetween, enginesFor, PG_URL } from './support.ts';

const { values: opt } = parseArgs({ options: { minutes: { type: 'string', default: '10' }, rate: { type: 'string', default: '3000' }, engine: { type: 'string', default: 'both' }, orgs: { type: 'string', default: '40' }, campaigns: { type: 'string', default: '3' } } });
const MINUTES = Number(opt.minutes);
const RATE = Number(opt.rate);
if (!(MINUTES > 0 && RATE > 0)) throw new Error('--minutes and --rate take positive numbers');
const TARGET_CPU_RATIO = 2;
/** Memory counts as flat when the last third of the minutes after the warm-up is at most this fraction above the first third. */
const TARGET_GROWTH = 0.1;
/** A cache counts as full at this fraction of its bound (the campaign index drops a tenth past its bound). */
const FULL = 0.9;
const SAMPLE_MS = 60_000;
/** Memory is judged on at least this many minutes after the warm-up (two thirds apart of two minutes each). */
const MIN_LEVEL_MINUTES = 6;

type Cache = { cache: string; entries: number; bound: number; preallocated: boolean };
/** The server's memory: resident, V8's heap as grown, the heap kept after the last full collection, and memory outside the heap (buffers), in MB. */
type Memory = { heapTotalMb: number; liveHeapMb: number; externalMb: number };
type Sample = { minute: number; answered: number; serverCpu: number; dbCpu: number; rssMb: number; backlog: number; caches: Cache[] } & Memory;

const rssMb = (pid: number): number => {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
};

/** Records of the six formats from the simulator's generators: the kind of rows the raw COPY yardstick writes. */
function yardstickBatches(): { format: Format; records: string[] }[] {
  const rng = new Rng(7);
  const org = (i: number): OrgAssets => ({ orgId: `org-${i}`, name: `org ${i}`, kind: 'ci_operator', index: i, slug: `org${i}`, net: `10.71.${i}`, cidr: `10.71.${i}.0/24`, domain: `org${i}.example.vn`, hosts: [`web.org${i}.example.vn`, 'dc01'] });
  let seq = 0;
  return Array.from({ length: 60 }, (_, b) => {
    const format = FORMATS[b % FORMATS.length]!;
    return { format, records: Array.from({ length: 500 }, () => GENERATORS[format]({ rng, now: Date.now() - rng.int(0, 3_000_000), victim: org(seq % 40), reporter: org(0), seq: seq++ })) };
  });
}

/**
 * From the server's metrics: the alerts its batch consumers (promotion, statistics, sightings, campaigns)
 * have yet to handle, and how full each bounded cache is.
 */
async function metricsOf(url: string): Promise<{ backlog: number; caches: Cache[] } & Memory> {
  const text = await fetch(`${url}/metrics`).then((r) => r.text()).catch(() => '');
  const mb = (name: string) => Number(new RegExp(`^${name} (\\d+(?:\\.\\d+)?(?:e\\+\\d+)?)`, 'm').exec(text)?.[1] ?? NaN) / 2 ** 20;
  let backlog = 0;
  for (const m of text.matchAll(/^lachan_consumer_queued_alerts\{[^}]*\} (\d+)/gm)) backlog += Number(m[1]);
  const gauge = (name: string) => new Map([...text.matchAll(new RegExp(`^${name}\\{cache="([^"]+)"\\} (\\d+)`, 'gm'))].map((m) => [m[1]!, Number(m[2])]));
  const [bounds, preallocated] = [gauge('lachan_cache_bound'), gauge('lachan_cache_preallocated')];
  const caches = [...gauge('lachan_cache_entries')].map(([cache, entries]) => ({ cache, entries, bound: bounds.get(cache) ?? Infinity, preallocated: preallocated.get(cache) === 1 }));
  return { backlog, caches, heapTotalMb: mb('lachan_nodejs_heap_size_total_bytes'), liveHeapMb: mb('lachan_heap_live_bytes'), externalMb: mb('lachan_nodejs_external_memory_bytes') };
}

/** Every cache whose memory grows as it fills holds 90 % of its bound (one allocated at start weighs the same from the start). */
const full = (caches: Cache[]) => caches.length > 0 && caches.every((c) => c.preallocated || c.entries >= FULL * c.bound);

async function runEngine(engine: 'pglite' | 'postgres') {
  if (engine === 'postgres') process.env.TEST_DATABASE_URL ??= PG_URL;
  else delete process.env.TEST_DATABASE_URL;
  const server: RunningServer = await startServer(engine === 'postgres' ? {} : { DATABASE_URL: '' });
  const pid = server.process.pid!;
  // The database's CPU: on PostgreSQL its backends serving this run's database; the embedded engine runs inside the server.
  const pgc = server.databaseUrl ? new pg.Client({ connectionString: server.databaseUrl }) : null;
  await pgc?.connect();
  const backends = new Set<number>();
  const dbPids = async (): Promise<number[]> => {
    if (!pgc) return [];
    const r = await pgc.query<{ pid: number }>('select pid from pg_stat_activity where datname = current_database()');
    for (const x of r.rows) backends.add(x.pid);
    return [...backends];
  };
  try {
    let answered = 0;
    const log = (line: string) => {
      const m = /answered (\d+)/.exec(line);
      if (m) answered = Number(m[1]);
      else if (!line.startsWith('[')) console.log(`  ${engine}: ${line}`);
    };
    const samples: Sample[] = [];
    let cpuS = cpuSnapshot([pid]);
    let cpuD = cpuSnapshot(await dbPids());
    let last = 0;
    const sample = async () => {
      const s2 = cpuSnapshot([pid]);
      const d2 = cpuSnapshot(await dbPids());
      const s = { minute: samples.length + 1, answered: answered - last, serverCpu: cpuUsedBetween(cpuS, s2), dbCpu: cpuUsedBetween(cpuD, d2), rssMb: rssMb(pid), ...(await metricsOf(server.url)) };
      samples.push(s);
      [cpuS, cpuD, last] = [s2, d2, answered];
      const per = (c: number) => (s.answered ? `${Math.round((c / s.answered) * 1e6)}` : '-');
      console.log(`  ${engine} minute ${String(s.minute).padStart(2)}: ${Math.round(s.answered / 60)} alerts/s; CPU µs/alert server ${per(s.serverCpu)}${pgc ? ` + PostgreSQL ${per(s.dbCpu)}` : ''}; server RSS ${s.rssMb.toFixed(0)} MB (V8 heap ${s.heapTotalMb.toFixed(0)}, kept after the last full collection ${s.liveHeapMb.toFixed(0)}, outside the heap ${s.externalMb.toFixed(0)}); workers' backlog ${s.backlog} alerts; caches ${s.caches.map((c) => `${c.cache} ${Math.round((100 * c.entries) / c.bound)} %`).join(', ')}`);
    };
    let sampling = Promise.resolve();
    const timer = setInterval(() => (sampling = sampling.then(sample)), SAMPLE_MS);
    const t0 = performance.now();
    const cpuAll0 = cpuSnapshot([pid, ...backends]);
    const report = await runSimulation({ url: server.url, orgs: Number(opt.orgs), rate: RATE, duration: MINUTES * 60, email: 'admin@lachan.local', password: ADMIN_PASSWORD, batch: 500, malformed: 0.01, repeat: 0.2, seed: 15, gzip: false, formats: FORMATS, quiet: false, log, campaigns: Number(opt.campaigns), drainSeconds: 60 });
    clearInterval(timer);
    await sampling;
    const seconds = (performance.now() - t0) / 1000;
    // CPU per alert over the minutes that answered alerts (not the simulator's setup, nor its final read-back).
    const busy = samples.filter((x) => x.answered > 0);
    const cpuAll = busy.length ? busy.reduce((n, x) => n + x.serverCpu + x.dbCpu, 0) : cpuUsedBetween(cpuAll0, cpuSnapshot([pid, ...(await dbPids())]));
    const answeredInBusy = busy.length ? busy.reduce((n, x) => n + x.answered, 0) : answered;
    const finalRss = rssMb(pid);
    server.process.kill('SIGTERM');
    await new Promise((r) => server.process.once('exit', r));
    const raw = await rawCopyRate(server, yardstickBatches());
    const linked = report.injected ? `${report.injected.campaigns.filter((c) => c.detected).length}/${report.injected.campaigns.length} injected campaigns detected` : '';
    return { engine, samples, answered, seconds, cpuPerAlert: cpuAll / Math.max(answeredInBusy, 1), rawCpuPerRow: raw.cpuPerRow, finalRss, linked };
  } finally {
    await pgc?.end();
    await server.stop();
  }
}

// The server starts with its whole schema and demo network; on a shared machine that can take minutes.
process.env.LACHAN_SERVER_START_SECONDS ??= '600';
const engines = await enginesFor(opt.engine);
console.log(`bench:sustained ${MINUTES} min at ${RATE} alerts/s offered, on ${engines.join(' and ')} (load average ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')})`);
const lines: string[] = [];
for (const engine of engines) {
  const r = await runEngine(engine);
  // Handled, not only answered: alerts the workers still had to promote, count and correlate when the traffic ended do not count.
  // The reading at the traffic's last minute (the drain after it also answers a few, and would hide the backlog).
  const behind = (r.samples[MINUTES - 1] ?? r.samples.filter((x) => x.answered > 0).at(-1))?.backlog ?? 0;
  const rate = Math.max(0, r.answered - behind) / (MINUTES * 60);
  const ratio = r.cpuPerAlert / r.rawCpuPerRow;
  // Warm-up: the first two minutes (one when the run is shorter) and until every bounded cache is full; then memory must hold.
  const afterTwo = Math.min(1, r.samples.length - 2);
  const filled = r.samples.findIndex((x) => full(x.caches));
  const from = filled < 0 ? afterTwo : Math.max(afterTwo, filled);
  // Under the traffic: the minutes of the run. The simulator's read-back afterwards (up to a million alerts
  // paged out through the API while the workers settle) is another load; its RSS is printed beside.
  const traffic = r.samples.slice(from + 1, MINUTES);
  // Whether memory levelled off: the mean of the last third of those minutes against the mean of the first
  // third (each a single reading, which moves by tens of MB with the workers' backlog from one minute to the
  // next: a peak against one minute measures that swing, not a trend). The peak is printed beside.
  const levelOf = (of: (s: Sample) => number) => {
    // A reading of 0 or none: no full collection heard of yet, or the metric missing; left out.
    const after = [r.samples[from], ...traffic].filter((x): x is Sample => x !== undefined).map(of).filter((x) => Number.isFinite(x) && x > 0);
    const third = Math.max(1, Math.floor(after.length / 3));
    const mean = (xs: number[]) => xs.reduce((n, x) => n + x, 0) / xs.length;
    const [early, late] = [mean(after.slice(0, third)), mean(after.slice(-third))];
    return { early, late, peak: Math.max(...after), growth: after.length ? (late - early) / early : NaN, minutes: after.length };
  };
  // Resident memory includes the room V8 has grown its heap into; the heap kept after a full collection is what the server holds.
  const rss = levelOf((s) => s.rssMb);
  const kept = levelOf((s) => s.liveHeapMb);
  const warmUp = filled < 0 ? `caches still filling at the end (${r.samples.at(-1)?.caches.filter((c) => !c.preallocated && c.entries < FULL * c.bound).map((c) => c.cache).join(', ')}), so from minute ${from + 1}` : `caches full at minute ${filled + 1}, from minute ${from + 1}`;
  console.log(`  ${engine}: answered ${r.answered} alerts, ${behind} of them not yet handled by the workers at the last minute of traffic (${Math.round(rate)}/s handled of ${RATE}/s offered); CPU per alert ${Math.round(r.cpuPerAlert * 1e6)} µs (server${engine === 'postgres' ? ' + PostgreSQL' : ', its database inside'}) vs raw COPY ${Math.round(r.rawCpuPerRow * 1e6)} µs per row; over the ${rss.minutes} minutes from the warm-up's end (${warmUp}) to the traffic's, first third -> last third: RSS ${rss.early.toFixed(0)} -> ${rss.late.toFixed(0)} MB (peak ${rss.peak.toFixed(0)}), heap kept ${kept.early.toFixed(0)} -> ${kept.late.toFixed(0)} MB (peak ${kept.peak.toFixed(0)}); RSS after the read-back ${r.finalRss.toFixed(0)} MB; ${r.linked} (load average ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')})`);
  lines.push(`bench:sustained ${engine} rate=${Math.round(rate)}/s target>=${Math.round(RATE * 0.95)}/s ${rate >= RATE * 0.95 ? 'ok' : 'miss'}`);
  lines.push(`bench:sustained ${engine} cpu_ratio=${ratio.toFixed(2)}x target<=${TARGET_CPU_RATIO}x ${ratio <= TARGET_CPU_RATIO ? 'ok' : 'miss'}`);
  // Too few minutes after the warm-up cannot show memory levelling off: not counted as a pass.
  const enough = Math.min(rss.minutes, kept.minutes) >= MIN_LEVEL_MINUTES;
  if (!enough) console.log(`  ${engine}: only ${Math.min(rss.minutes, kept.minutes)} readings after the warm-up, too few to tell a trend from the backlog's swing: run longer (--minutes 16 or more)`);
  const verdict = (name: string, g: number) => `bench:sustained ${engine} ${name}=${(g * 100).toFixed(0)}% target<=${TARGET_GROWTH * 100}% ${enough && g <= TARGET_GROWTH ? 'ok' : 'miss'}`;
  lines.push(verdict('kept_heap_growth', kept.growth), verdict('rss_growth', rss.growth));
}
for (const l of lines) console.log(l);
