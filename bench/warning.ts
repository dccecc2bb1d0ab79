/**
 * bench:warning — time from sending the alert that completes a campaign (third organisation on the same
 * /24; a policy issues its warning at once) to `warning.issued` arriving on a console's SSE stream,
 * under background load from the simulator's generators, against a real server process (embedded
 * engine). Bounded: --trials campaigns, background for as long as they take. Options: --trials N --rate N
 * --warm S: seconds of background before the first trial (default 35): a fresh server holds new campaigns
 * provisional for its first 30 s of data (LACHAN_CAMPAIGN_WARM_SECONDS), as a server that has run for a
 * while does not; the figure is the latency of a warm server.
 */
import { parseArgs } from 'node:util';
import { GENERATORS } from './simulate/generators/index.ts';
import { Rng } from './simulate/rng.ts';
import type { OrgAssets } from './simulate/types.ts';
import { ADMIN_PASSWORD, apiSession, startServer } from '../apps/server/src/testing/server-process.ts';
import { pct } from './support.ts';

const { values: opt } = parseArgs({ options: { trials: { type: 'string', default: '30' }, rate: { type: 'string', default: '5000' }, warm: { type: 'string', default: '35' } } });
const TRIALS = Number(opt.trials);
const RATE = Number(opt.rate);
const WARM_S = Number(opt.warm);
const TARGET_MS = 250;

const server = await startServer({ DATABASE_URL: '', LACHAN_CAMPAIGN_WARM_SECONDS: '30' });
let sent = 0;
try {
  const admin = await apiSession(server.url, 'admin@lachan.local', ADMIN_PASSWORD);
  await admin('POST', '/api/v1/warning-policies', { minSeverity: 3, autoIssue: true });
  const orgs = ((await admin('GET', '/api/v1/orgs?kind=ci_operator&limit=200')).json.items as { id: string }[]).slice(0, 40);
  const keys: string[] = [];
  for (const o of orgs) keys.push(((await admin('POST', '/api/v1/api-keys', { name: 'bench', orgId: o.id, role: 'connector' })).json as { key: string }).key);
  const root = ((await admin('GET', '/api/v1/orgs?kind=coordination_centre')).json.items as { id: string }[])[0]!;
  const consoleKey = ((await admin('POST', '/api/v1/api-keys', { name: 'console', orgId: root.id, role: 'viewer' })).json as { key: string }).key;

  // The console: an SSE subscriber that timestamps each warning.issued.
  // Each warning.issued with its arrival time; background traffic may raise warnings of its own.
  const arrivals: { at: number; id: string }[] = [];
  let pendingAt: number | null = null;
  const stream = await fetch(`${server.url}/api/v1/stream`, { headers: { authorization: `Bearer ${consoleKey}` } });
  const reader = stream.body!.getReader();
  void (async () => {
    const dec = new TextDecoder();
    let rest = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      // Frames may be split across chunks: only whole lines count.
      const lines = (rest + dec.decode(value, { stream: true })).split('\n');
      rest = lines.pop()!;
      for (const line of lines) {
        if (line === 'event: warning.issued') pendingAt = performance.now();
        else if (pendingAt !== null && line.startsWith('data: ')) {
          arrivals.push({ at: pendingAt, id: (JSON.parse(line.slice(6)) as { data: { id: string } }).data.id });
          pendingAt = null;
        }
      }
    }
  })();

  const send = (i: number, body: string) => fetch(`${server.url}/api/v1/ingest/lachan`, { method: 'POST', headers: { authorization: `Bearer ${keys[i]}`, 'content-type': 'application/x-ndjson' }, body }).then(async (r) => {
    if (r.status !== 202) throw new Error(`ingest ${r.status} ${await r.text()}`);
  });

  // Background: RATE alerts/s from the generators, in 10 batches a second spread over the organisations,
  // sent on schedule (open loop, up to 4 in flight) so a slow answer does not lower the load.
  const rng = new Rng(3);
  const assets = (i: number): OrgAssets => ({ orgId: orgs[i]!.id, name: `o${i}`, kind: 'ci_operator', index: i, slug: `o${i}`, net: `10.80.${i}`, cidr: `10.80.${i}.0/24`, domain: `o${i}.example.vn`, hosts: [`web.o${i}.example.vn`, 'dc01'] });
  let running = true;
  const inFlight = new Set<Promise<void>>();
  const background = (async () => {
    let seq = 0;
    let batch = 0;
    const began = performance.now();
    while (running) {
      const per = Math.round(RATE / 10);
      const i = batch++ % orgs.length;
      const body = Array.from({ length: per }, () => GENERATORS.lachan({ rng, now: Date.now(), victim: assets(i), reporter: assets(i), seq: seq++ })).join('\n');
      while (inFlight.size >= 4) await Promise.race(inFlight);
      const p: Promise<void> = send(i, body).then(() => void (sent += per), () => {}).finally(() => inFlight.delete(p));
      inFlight.add(p);
      await new Promise((r) => setTimeout(r, Math.max(0, began + batch * 100 - performance.now())));
    }
    await Promise.all(inFlight);
  })();

  // Each trial is its own campaign with its own exploit rule: one title shared by every trial would be seen by most
  // organisations after a few trials, commodity to the noise model, and link nothing (the trial would never complete).
  const alert = (net: string, n: number) => JSON.stringify({ title: 'Exploitation of edge VPN appliance', rule: { id: `BW-EDGE-${net}`, name: 'edge VPN exploit' }, severity: 'high', sourceRef: `bw-${net}-${n}-${Math.random()}`,
    attack: ['T1190'], src: { ip: `${net}.${10 + n}` }, observables: [{ type: 'ipv4', value: `${net}.${10 + n}` }] });
  // The trial's warning is the one naming its network (looked up after it arrived, so the lookup costs no latency).
  const bodies = new Map<string, string>();
  const isTrialWarning = async (id: string, net: string): Promise<boolean> => {
    if (!bodies.has(id)) bodies.set(id, ((await admin('GET', `/api/v1/warnings/${id}`)).json as { bodyEn: string }).bodyEn);
    return bodies.get(id)!.includes(`${net}.`);
  };
  const latencies: number[] = [];
  // The server learns its background first (base rates of a fresh server are cold: new campaigns wait).
  await new Promise((r) => setTimeout(r, WARM_S * 1000));
  const t0 = performance.now();
  const sentBefore = sent;
  try {
    for (let k = 0; k < TRIALS; k++) {
      const net = `198.18.${k + 1}`;
      const [a, b, c] = [(k * 3) % orgs.length, (k * 3 + 1) % orgs.length, (k * 3 + 2) % orgs.length];
      await Promise.all([send(a, alert(net, 0)), send(b, alert(net, 1))]);
      await new Promise((r) => setTimeout(r, 400));
      const before = arrivals.length;
      const ours = async (from: number): Promise<number | null> => {
        for (let i = from; i < arrivals.length; i++) if (await isTrialWarning(arrivals[i]!.id, net)) return arrivals[i]!.at;
        return null;
      };
      const start = performance.now();
      await send(c, alert(net, 2));
      let at: number | null = null;
      while (at === null && performance.now() - start < 5_000) {
        await new Promise((r) => setTimeout(r, 2));
        at = await ours(before);
      }
      latencies.push(at === null ? 5_000 : at - start);
    }
  } finally {
    // Stops the background load however the trials ended, so the run always ends.
    running = false;
    await background;
  }
  void reader.cancel();
  const seconds = (performance.now() - t0) / 1000;
  const p99 = pct(latencies, 0.99);
  console.log(`bench:warning ${TRIALS} campaigns under ${Math.round((sent - sentBefore) / seconds)} alerts/s background (${sent - sentBefore} in ${seconds.toFixed(1)} s, after ${WARM_S} s of warm-up); alert→SSE warning p50 ${pct(latencies, 0.5).toFixed(0)} ms, p99 ${p99.toFixed(0)} ms, max ${Math.max(...latencies).toFixed(0)} ms`);
  console.log(`bench:warning p99=${p99.toFixed(0)}ms target<${TARGET_MS}ms ${p99 < TARGET_MS ? 'ok' : 'miss'}`);
} finally {
  await server.stop();
}
