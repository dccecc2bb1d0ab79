/**
 * bench:ingest — end-to-end alert ingest (HTTP → parse → normalise → attribute → fingerprint/fold →
 * COPY + upsert → commit → 202) against a real server process, on the embedded engine and, when a
 * PostgreSQL server answers on 127.0.0.1:5432, on PostgreSQL. Prints rate, acknowledgement latency,
 * the worst /healthz latency during the run, the raw COPY rate of the same rows on the same engine, and
 * CPU per alert against the raw COPY's CPU per row (issue 15: at most 2x).
 * Bounded: a fixed number of alerts, then it stops. Options: --alerts N --batch N --concurrency N
 * --engine pglite|postgres|both
 */
import { parseArgs } from 'node:util';
import { GENERATORS } from './simulate/generators/index.ts';
import { Rng } from './simulate/rng.ts';
import type { Format, OrgAssets } from './simulate/types.ts';
import { ADMIN_PASSWORD, apiSession, startServer } from '../apps/server/src/testing/server-process.ts';
import { CpuTracker, cpuSnapshot, cpuUsedBetween, enginesFor, pct, PG_URL, postgresPids } from './support.ts';
import { rawCopyRate } from './raw-copy.ts';

const { values: opt } = parseArgs({ options: { alerts: { type: 'string', default: '200000' }, batch: { type: 'string', default: '5000' }, concurrency: { type: 'string', default: '3' }, engine: { type: 'string', default: 'both' } } });
const TOTAL = Number(opt.alerts);
const BATCH = Number(opt.batch);
const CONCURRENCY = Number(opt.concurrency);
const FORMATS: Format[] = ['wazuh', 'suricata', 'lachan', 'cef'];
const TARGET_RATE = 50_000;
const TARGET_RATIO = 0.5;
/** Issue 15: CPU per alert end to end (server + database) at most twice the raw COPY's CPU per row. */
const TARGET_CPU_RATIO = 2;


/** Realistic records from the simulator's generators: one format per batch, victims across 50 organisations. */
function makeBatches(): { format: Format; records: string[] }[] {
  const rng = new Rng(42);
  const org = (i: number): OrgAssets => ({ orgId: `org-${i}`, name: `org ${i}`, kind: 'ci_operator', index: i, slug: `org${i}`, net: `10.70.${i}`, cidr: `10.70.${i}.0/24`, domain: `org${i}.example.vn`, hosts: [`web.org${i}.example.vn`, 'dc01'] });
  const batches: { format: Format; records: string[] }[] = [];
  let seq = 0;
  for (let b = 0; b * BATCH < TOTAL; b++) {
    const format = FORMATS[b % FORMATS.length]!;
    const records = Array.from({ length: Math.min(BATCH, TOTAL - b * BATCH) }, () => GENERATORS[format]({ rng, now: Date.now() - rng.int(0, 3_000_000), victim: org(seq % 50), reporter: org(0), seq: seq++ }));
    batches.push({ format, records });
  }
  return batches;
}


async function runEngine(engine: 'pglite' | 'postgres', batches: { format: Format; records: string[] }[]) {
  // startServer makes a scratch PostgreSQL database from TEST_DATABASE_URL; without it the server would run embedded.
  if (engine === 'postgres') process.env.TEST_DATABASE_URL ??= PG_URL;
  else delete process.env.TEST_DATABASE_URL;
  const server = await startServer(engine === 'postgres' ? {} : { DATABASE_URL: '' });
  try {
    const admin = await apiSession(server.url, 'admin@lachan.local', ADMIN_PASSWORD);
    const orgs = (await admin('GET', '/api/v1/orgs?province=79&kind=province')).json.items as { id: string }[];
    const { key } = (await admin('POST', '/api/v1/api-keys', { name: 'bench', orgId: orgs[0]!.id, role: 'connector' })).json as { key: string };
    if (process.env.BENCH_NO_RULES) for (const rule of (await admin('GET', '/api/v1/promotion-rules')).json as unknown as { id: string }[]) await admin('PATCH', `/api/v1/promotion-rules/${rule.id}`, { enabled: false });
    const bodies = batches.map((b) => ({ format: b.format, body: b.records.join('\n'), type: b.format === 'cef' ? 'text/plain' : 'application/x-ndjson', n: b.records.length }));

    let worstHealth = 0;
    let probing = true;
    const prober = (async () => {
      while (probing) {
        const t = performance.now();
        await fetch(`${server.url}/healthz`).then((r) => r.arrayBuffer());
        worstHealth = Math.max(worstHealth, performance.now() - t);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();

    const latencies: number[] = [];
    let stored = 0;
    let next = 0;
    // CPU used by the server process (all its threads) and, on PostgreSQL, by the database's processes:
    // unlike rates, these barely move when the machine's neighbours are busy.
    const database = server.databaseUrl ? new URL(server.databaseUrl).pathname.slice(1) : null;
    const cpuPids = () => [server.process.pid!, ...(database ? postgresPids(database) : [])];
    const cpu0 = { server: cpuSnapshot([server.process.pid!]), all: new CpuTracker(cpuPids) };
    const t0 = performance.now();
    const worker = async () => {
      while (next < bodies.length) {
        const b = bodies[next++]!;
        const t = performance.now();
        const r = await fetch(`${server.url}/api/v1/ingest/${b.format}`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': b.type }, body: b.body });
        const j = (await r.json()) as { accepted: number; duplicates: number; rejected: number };
        if (r.status !== 202) throw new Error(`ingest answered ${r.status}: ${JSON.stringify(j)}`);
        latencies.push(performance.now() - t);
        stored += j.accepted + j.duplicates;
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const seconds = (performance.now() - t0) / 1000;
    const serverCpu = cpuUsedBetween(cpu0.server, cpuSnapshot([server.process.pid!]));
    const totalCpu = cpu0.all.stop();
    probing = false;
    await prober;
    server.process.kill('SIGTERM');
    await new Promise((r) => server.process.once('exit', r));

    const raw = await rawCopyRate(server, batches);
    return { rate: stored / seconds, stored, seconds, p50: pct(latencies, 0.5), p99: pct(latencies, 0.99), worstHealth, rawRate: raw.rate, rawCpuPerRow: raw.cpuPerRow, serverCpuPerAlert: serverCpu / stored, dbCpuPerAlert: (totalCpu - serverCpu) / stored };
  } finally {
    await server.stop();
  }
}

const batches = makeBatches();
const engines = await enginesFor(opt.engine);
console.log(`bench:ingest ${TOTAL} alerts (${FORMATS.join(', ')}; ~${Math.round(batches[0]!.records.join('').length / batches[0]!.records.length)} B each), ${BATCH} per request, ${CONCURRENCY} in flight`);
let worst: { engine: string; rate: number; ratio: number } | null = null;
let worstCpu = 0;
for (const engine of engines) {
  const r = await runEngine(engine, batches);
  const ratio = r.rate / r.rawRate;
  console.log(`${engine.padEnd(8)} ${Math.round(r.rate)} alerts/s end-to-end (${r.stored} in ${r.seconds.toFixed(1)} s); ack latency p50 ${r.p50.toFixed(0)} ms, p99 ${r.p99.toFixed(0)} ms per ${BATCH}-alert request; worst /healthz ${r.worstHealth.toFixed(0)} ms; raw COPY ${Math.round(r.rawRate)} rows/s; ratio ${(ratio * 100).toFixed(0)}%`);
  const us = (s: number) => `${Math.round(s * 1e6)} µs`;
  const cpuRatio = (r.serverCpuPerAlert + r.dbCpuPerAlert) / r.rawCpuPerRow;
  worstCpu = Math.max(worstCpu, cpuRatio);
  console.log(`${''.padEnd(8)} CPU per alert: server ${us(r.serverCpuPerAlert)}${engine === 'postgres' ? `, PostgreSQL ${us(r.dbCpuPerAlert)}` : ' (its database thread included)'}; raw COPY ${us(r.rawCpuPerRow)} per row; ${cpuRatio.toFixed(1)}x`);
  if (!worst || r.rate < worst.rate) worst = { engine, rate: r.rate, ratio };
}
const ok = worst!.rate >= TARGET_RATE && worst!.ratio >= TARGET_RATIO && worstCpu <= TARGET_CPU_RATIO;
console.log(`bench:ingest rate=${Math.round(worst!.rate)}/s target>=${TARGET_RATE}/s ratio=${(worst!.ratio * 100).toFixed(0)}% target>=${TARGET_RATIO * 100}% cpu=${worstCpu.toFixed(1)}x target<=${TARGET_CPU_RATIO}x ${ok ? 'ok' : 'miss'}`);
