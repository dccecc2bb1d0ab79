/**
 * `npm run bench:cluster [-- --batches 120 --size 500 --warmup 30]`: the same traffic on 1 and on 3 server processes
 * against one PostgreSQL (BENCH_DATABASE_URL, default the local server) and NATS (NATS_URL, default
 * nats://127.0.0.1:4222): alerts/s, CPU per alert (each node's user+system time from /proc, and their
 * sum), and event fan-out latency from the node that committed a batch to a console on another node.
 * The machine's cores are shared by every node and the load generator: read throughput as relative.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { LocalCluster, type LocalNode } from '../apps/server/src/cluster/local-cluster.ts';
import { freePort } from '../apps/server/src/testing/server-process.ts';
import { listenTo } from '../apps/server/src/testing/sse.ts';

const TARGET_MS = 500;
const { values } = parseArgs({ options: { batches: { type: 'string', default: '120' }, size: { type: 'string', default: '500' }, concurrency: { type: 'string', default: '3' }, warmup: { type: 'string', default: '30' }, nodes: { type: 'string', default: '1,2,3' } } });
const BATCHES = Number(values.batches);
/** Batches sent round-robin before measuring: every node's code compiled, its caches filled. */
const WARMUP = Number(values.warmup);
const NODE_COUNTS = values.nodes!.split(',').map(Number);
/**
 * CPU per alert may grow by at most this factor per node added past two: going from one node to two
 * adds the work of crossing nodes once (a batch committed on one node is read back by the workers on
 * another, events travel through JetStream), but a third node must add nothing per alert.
 */
const TARGET_GROWTH_PER_NODE = 1.1;
const SIZE = Number(values.size);
const CONCURRENCY = Number(values.concurrency);
const base = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const natsUrl = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const PASSWORD = 'bench-centre-password-1';
const TICKS = 100; // USER_HZ on Linux

/** Batches of the simulator's shape: 20% repeats of earlier alerts, mixed severities. */
function batch(b: number): string {
  // A marker first: the console's event summary names it, so the batch is recognised on the other node.
  const lines: string[] = [JSON.stringify({ title: `Marker ${b}`, severity: 'low', src: { ip: '192.0.2.1' } })];
  for (let i = 0; i < SIZE; i++) {
    const n = i % 5 === 0 && b > 0 ? (b - 1) * SIZE + i : b * SIZE + i;
    lines.push(JSON.stringify({ title: `Bench ${n}`, severity: ['low', 'medium', 'high'][n % 3], src: { ip: `203.0.${(n >> 8) & 255}.${n & 255}` }, dst: { ip: '10.9.9.9', port: 443 }, rule: { id: `r-${n % 13}` } }));
  }
  return lines.join('\n');
}

const cpuMs = (pid: number): number => {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(f[11]) + Number(f[12])) * 1000) / TICKS;
};
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? NaN;

async function admin(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: base });
  await c.connect();
  await c.query(sql).finally(() => c.end());
}

/**
 * Waits until every node is idle (start-up imports and leader jobs done): under 5 % of a core over 2 s;
 * after 120 s it goes on, and the rates printed say how idle the nodes were.
 */
async function settled(pids: number[]): Promise<number[]> {
  let last = pids.map(cpuMs);
  for (let i = 0; i < 60; i++) {
    await new Promise((r) => setTimeout(r, 2000));
    const now = pids.map(cpuMs);
    const rates = now.map((ms, k) => (ms - last[k]!) / 2000);
    last = now;
    if (rates.every((r) => r < 0.05) || i === 59) return rates;
  }
  return [];
}

/** Waits until the statistics and promotion workers have handled every ingested batch. */
async function caughtUp(url: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    for (let i = 0; i < 240; i++) {
      const r = await c.query<{ behind: boolean }>(`select coalesce((select min(last_id) from consumer_offsets where name in ('stats', 'promotion')), 0) < (select coalesce(max(id), 0) from outbox where type = 'alerts.ingested') as behind`);
      if (!r.rows[0]!.behind) return;
      await new Promise((r2) => setTimeout(r2, 500));
    }
  } finally {
    await c.end();
  }
}

async function run(nodes: number): Promise<{ rate: number; cpuPerAlert: number; perNode: number[]; idle: number[]; fanout: number[] }> {
  const name = `lachan_bench_cluster_${process.pid}_${nodes}`;
  await admin(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const ports = await Promise.all(Array.from({ length: nodes }, () => freePort()));
  const open = new Set<AbortController>();
  const cluster = new LocalCluster({ nodes, databaseUrl: url.toString(), natsUrl, natsStream: `LACHAN_BENCH_${process.pid}_${nodes}`, ports, adminPassword: PASSWORD, env: { LACHAN_SECOND_FACTOR_ROLES: '', LACHAN_DEMO_DATA: 'false' } });
  try {
    const step = (what: string) => process.stderr.write(`  ${nodes} node(s): ${what}\n`);
    step('starting');
    await cluster.start();
    step('ready');
    const first = cluster.nodes[0]!;
    const login = await fetch(`${first.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@lachan.local', password: PASSWORD }) });
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const root = new pg.Client({ connectionString: url.toString() });
    await root.connect();
    const orgId = (await root.query<{ id: string }>('select id from organizations where parent_id is null limit 1')).rows[0]!.id;
    await root.end();
    const keyRes = await fetch(`${first.url}/api/v1/api-keys`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'bench', orgId, role: 'connector' }) });
    const { key } = (await keyRes.json()) as { key: string };
    if (!login.ok || !key) throw new Error(`sign-in ${login.status} / key ${keyRes.status}`);
    // The console listens on the last node; batches committed elsewhere travel to it.
    const consoleNode = cluster.nodes[nodes - 1]!;
    const console = await listenTo(consoleNode.url, { cookie }, open);
    const committedAt = new Map<string, { at: number; node: LocalNode }>();
    const heardAt = new Map<string, number>();
    const seen = console.events.length;
    const watch = setInterval(() => {
      for (const e of console.events.slice(seen)) {
        const marker = (e.data as { alerts?: { title: string }[] } | null)?.alerts?.find((a) => a.title.startsWith('Marker '))?.title;
        if (e.type === 'alerts.ingested' && marker && !heardAt.has(marker)) heardAt.set(marker, Date.now());
      }
    }, 5);
    const send = async (from: number, count: number, onSent: (b: number, node: LocalNode) => void = () => {}) => {
      let next = from;
      await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
        for (let b = next++; b < from + count; b = next++) {
          const node = cluster.nodes[b % nodes]!;
          const res = await fetch(`${node.url}/api/v1/ingest/lachan`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/x-ndjson' }, body: batch(b), signal: AbortSignal.timeout(60_000) });
          if (res.status !== 202) throw new Error(`ingest ${res.status}: ${await res.text()}`);
          onSent(b, node);
        }
      }));
    };
    const pids = cluster.nodes.map((n) => n.process.pid!);
    step(`warming up (${WARMUP} batches)`);
    await send(100_000, WARMUP);
    await caughtUp(url.toString());
    const idle = await settled(pids);
    step('console open; sending');
    const cpu0 = pids.map(cpuMs);
    const t0 = performance.now();
    await send(0, BATCHES, (b, node) => committedAt.set(`Marker ${b}`, { at: Date.now(), node }));
    const seconds = (performance.now() - t0) / 1000;
    step(`sent in ${seconds.toFixed(1)} s; waiting for the workers`);
    // Workers finish what was sent (statistics, promotion, campaigns): their CPU counts too.
    await caughtUp(url.toString());
    const perNode = cluster.nodes.map((n, i) => cpuMs(n.process.pid!) - cpu0[i]!);
    clearInterval(watch);
    console.close();
    const fanout: number[] = [];
    for (const [id, c2] of committedAt) {
      const heard = heardAt.get(id);
      if (heard !== undefined && (nodes === 1 || c2.node !== consoleNode)) fanout.push(Math.max(0, heard - c2.at));
    }
    const alerts = BATCHES * (SIZE + 1);
    return { rate: alerts / seconds, cpuPerAlert: perNode.reduce((a, b) => a + b, 0) / alerts, perNode: perNode.map((ms) => ms / alerts), idle, fanout };
  } finally {
    // An open event stream would hold a node's graceful shutdown.
    for (const c of open) c.abort();
    await cluster.stop();
    await admin(`drop database if exists ${name} with (force)`);
  }
}

const runs: { nodes: number; r: Awaited<ReturnType<typeof run>> }[] = [];
for (const nodes of NODE_COUNTS) runs.push({ nodes, r: await run(nodes) });
const us = (ms: number) => `${(ms * 1000).toFixed(1)} µs`;
for (const { nodes, r } of runs) {
  console.log(`${nodes} node(s): ${Math.round(r.rate)} alerts/s; server CPU per alert ${us(r.cpuPerAlert)} (per node: ${r.perNode.map(us).join(', ')}); idle before: ${r.idle.map((x) => `${(x * 100).toFixed(1)} %`).join(', ')} of a core; fan-out to the console p50 ${pct(r.fanout, 0.5).toFixed(0)} ms, p99 ${pct(r.fanout, 0.99).toFixed(0)} ms over ${r.fanout.length} batches`);
}
const first = runs[0]!;
const multi = runs.filter((x) => x.nodes >= 2);
for (const x of runs.slice(1)) console.log(`CPU per alert, ${x.nodes} nodes vs ${first.nodes}: ${(x.r.cpuPerAlert / first.r.cpuPerAlert).toFixed(2)}x (PostgreSQL's own CPU not included; it is shared)`);
// Growth per node added beyond the first multi-node run (geometric mean per added node).
const growth = multi.length >= 2 ? (multi.at(-1)!.r.cpuPerAlert / multi[0]!.r.cpuPerAlert) ** (1 / (multi.at(-1)!.nodes - multi[0]!.nodes)) : NaN;
const last = runs.at(-1)!;
const p99 = pct(last.r.fanout, 0.99);
const ok = p99 < TARGET_MS && (Number.isNaN(growth) || growth <= TARGET_GROWTH_PER_NODE);
console.log(`bench:cluster fanout_p99_ms=${p99.toFixed(0)} target<${TARGET_MS} cpu_growth_per_node=${Number.isNaN(growth) ? '-' : `${growth.toFixed(2)}x`} target<=${TARGET_GROWTH_PER_NODE}x ${ok ? 'ok' : 'miss'}`);
