import { connect as tcp } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, createScratchDatabase } from '../testing/template.ts';
import { freePort } from '../testing/server-process.ts';
import { listenTo } from '../testing/sse.ts';
import { LEADS_SQL } from './leadership.ts';
import { LocalCluster, type LocalNode } from './local-cluster.ts';

/**
 * The proof that Lachan runs as several processes: three server processes on one PostgreSQL and one
 * NATS, alerts sent round-robin. Runs on PostgreSQL only (TEST_DATABASE_URL) with a NATS server
 * answering (TEST_NATS_URL, default nats://127.0.0.1:4222); otherwise skipped, saying why.
 */
const NATS_URL = process.env.TEST_NATS_URL ?? 'nats://127.0.0.1:4222';
// Scratch databases are copies of the test template, which has its administrator.
const PASSWORD = ADMIN.password;
async function answers(url: string): Promise<boolean> {
  const u = new URL(url);
  return new Promise((resolve) => {
    const s = tcp({ host: u.hostname, port: Number(u.port || 4222), timeout: 1000 }, () => (s.destroy(), resolve(true)));
    s.on('error', () => resolve(false));
    s.on('timeout', () => (s.destroy(), resolve(false)));
  });
}
const why = !process.env.TEST_DATABASE_URL ? 'needs PostgreSQL (TEST_DATABASE_URL)' : !(await answers(NATS_URL)) ? `no NATS server answers at ${NATS_URL}` : null;
if (why) console.warn(`cluster tests skipped: ${why}`);

type Db = { url: string; drop: () => Promise<void> };
const ORGS = ['health-taybac', 'bank-sgb', 'bank-svb'] as const;
/** Campaigns published as found (no provisional wait for a warm window): three organisations never warm a fresh server, and this file compares nodes, not the wait. */
const CAMPAIGNS_AT_ONCE = Object.fromEntries(['WARM_ORGS', 'WARM_SECONDS', 'WARM_OBSERVERS', 'STRONG_ORGS', 'HOLD_ROUNDS', 'HOLD_SECONDS', 'MAX_HOLD_SECONDS'].map((k) => [`LACHAN_CAMPAIGN_${k}`, '0']));

/** A deterministic mix: repeats, criticals (promotion), one /24 seen by three organisations (a campaign). */
function traffic(): { org: (typeof ORGS)[number]; alerts: object[] }[] {
  const out: { org: (typeof ORGS)[number]; alerts: object[] }[] = [];
  for (let b = 0; b < 18; b++) {
    const alerts: object[] = [];
    for (let i = 0; i < 30; i++) {
      const n = (b * 30 + i) % 400; // later batches repeat earlier alerts
      alerts.push({ title: `Mix ${n}`, severity: n % 50 === 0 ? 'critical' : 'medium', src: { ip: `203.0.113.${n % 200}` }, dst: { ip: '10.1.1.1', port: 443 }, rule: { id: `mix-${n % 7}` } });
    }
    if (b < 6) alerts.push({ title: 'Shared C2', severity: 'high', src: { ip: `198.18.7.${10 + (b % 3)}` }, rule: { id: 'c2' } });
    out.push({ org: ORGS[b % 3]!, alerts });
  }
  return out;
}

async function query<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(text)).rows;
  } finally {
    await c.end();
  }
}

/** What the workers made of the traffic: statistics, incidents, campaigns. */
async function outcome(url: string) {
  const [stats] = await query<{ alerts: string; occurrences: string }>(url, `select sum(alerts)::text as alerts, sum(occurrences)::text as occurrences from stats_alerts_daily`);
  const incidents = await query<{ title: string; n: string }>(url, `select title, count(*)::text as n from incidents group by title order by title`);
  const campaigns = await query<{ n: string }>(url, `select count(*)::text as n from campaigns`);
  return { stats, incidents, campaigns: campaigns[0]!.n };
}

/** Signs in on a node; the session is valid on every node (it lives in the database). */
async function signIn(node: LocalNode): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${node.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: ADMIN.email, password: PASSWORD }) });
  if (!res.ok) throw new Error(`login: ${res.status} ${await res.text()}`);
  return { cookie: res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; '), csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

async function keysFor(node: LocalNode, dbUrl: string): Promise<Record<string, string>> {
  const s = await signIn(node);
  const orgs = await query<{ id: string; demo_key: string }>(dbUrl, `select id, demo_key from organizations where demo_key in ('${ORGS.join("','")}')`);
  const keys: Record<string, string> = {};
  for (const o of orgs) {
    const res = await fetch(`${node.url}/api/v1/api-keys`, { method: 'POST', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' }, body: JSON.stringify({ name: `sensor ${o.demo_key}`, orgId: o.id, role: 'connector' }) });
    keys[o.demo_key] = ((await res.json()) as { key: string }).key;
  }
  return keys;
}

/** Sends a batch to the node at `start`, trying the next ones when a node does not answer or is overloaded. */
async function sendRetrying(nodes: () => LocalNode[], start: number, key: string, alerts: object[]): Promise<number> {
  for (let attempt = 0; attempt < 30; attempt++) {
    const list = nodes();
    const node = list[(start + attempt) % list.length]!;
    try {
      const res = await fetch(`${node.url}/api/v1/ingest/lachan`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/x-ndjson' }, body: alerts.map((a) => JSON.stringify(a)).join('\n'), signal: AbortSignal.timeout(15_000) });
      if (res.status === 202) return start + attempt;
      if (res.status < 500 && res.status !== 429) throw new Error(`ingest refused: ${res.status} ${await res.text()}`);
    } catch (err) {
      if ((err as Error).message.startsWith('ingest refused')) throw err;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('no node took the batch');
}

async function settled(url: string, ms: number): Promise<Awaited<ReturnType<typeof outcome>>> {
  let last = JSON.stringify(await outcome(url));
  const deadline = Date.now() + ms;
  for (;;) {
    await new Promise((r) => setTimeout(r, 3000));
    const now = await outcome(url);
    if (JSON.stringify(now) === last || Date.now() > deadline) return now;
    last = JSON.stringify(now);
  }
}

describe.runIf(!why)('three server processes on PostgreSQL and NATS', () => {
  let db: Db;
  let cluster: LocalCluster;
  let keys: Record<string, string>;
  const stream = `LACHAN_C_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;

  beforeAll(async () => {
    db = (await createScratchDatabase())!;
    const ports = [await freePort(), await freePort(), await freePort()];
    cluster = new LocalCluster({ nodes: 3, databaseUrl: db.url, natsUrl: NATS_URL, natsStream: stream, ports, adminPassword: PASSWORD, env: { LACHAN_LEADER_CHECK_SECONDS: '1', LACHAN_SECOND_FACTOR_ROLES: '', ...CAMPAIGNS_AT_ONCE } });
    await cluster.start();
    keys = await keysFor(cluster.nodes[0]!, db.url);
  }, 300_000);
  afterAll(async () => {
    await cluster?.stop();
    await db?.drop();
  }, 120_000);

  it('brings to a console on node 2 what node 1 ingested', async () => {
    const s = await signIn(cluster.nodes[1]!);
    const open = new Set<AbortController>();
    const console2 = await listenTo(cluster.nodes[1]!.url, { cookie: s.cookie }, open);
    await sendRetrying(() => cluster.nodes, 0, keys['bank-sgb']!, [{ title: 'Seen from node 2', severity: 'low', src: { ip: '192.0.2.77' } }]);
    const e = await console2.until((x) => x.type === 'alerts.ingested' && JSON.stringify(x.data).includes('Seen from node 2'), 10_000);
    expect(e.type).toBe('alerts.ingested');
    console2.close();
  }, 60_000);

  it('imports the ATT&CK shipped with Lachan once, on the node leading that job, not on every node', async () => {
    await expect.poll(async () => (await query<{ status: string }>(db.url, `select status from intel_intake_runs where kind = 'attack'`)).map((r) => r.status),
      { timeout: 120_000, interval: 1000 }).toEqual(['done']);
    const techniques = await query<{ n: number }>(db.url, `select count(*)::int as n from stix_objects where type = 'attack-pattern'`);
    expect(techniques[0]!.n).toBeGreaterThan(500);
  }, 150_000);

  it('makes of round-robin traffic the same statistics, incidents and campaigns as one node', async () => {
    const single = (await createScratchDatabase())!;
    const one = new LocalCluster({ nodes: 1, databaseUrl: single.url, ports: [await freePort()], adminPassword: PASSWORD, env: { LACHAN_SECOND_FACTOR_ROLES: '', ...CAMPAIGNS_AT_ONCE } });
    try {
      await one.start();
      const oneKeys = await keysFor(one.nodes[0]!, single.url);
      const before = await outcome(db.url);
      // The cluster's database already holds the earlier tests' alerts: compare what this traffic added.
      expect(before.incidents).toEqual([]);
      for (const [i, b] of traffic().entries()) {
        await sendRetrying(() => cluster.nodes, i, keys[b.org]!, b.alerts);
        await sendRetrying(() => one.nodes, 0, oneKeys[b.org]!, b.alerts);
      }
      const expected = await settled(single.url, 60_000);
      await expect.poll(async () => {
        const got = await outcome(db.url);
        return { ...got, stats: { alerts: String(Number(got.stats!.alerts) - Number(before.stats!.alerts ?? 0)), occurrences: String(Number(got.stats!.occurrences) - Number(before.stats!.occurrences ?? 0)) } };
      }, { timeout: 60_000, interval: 2000 }).toEqual(expected);
      expect(Number(expected.campaigns)).toBeGreaterThan(0);
      expect(expected.incidents.length).toBeGreaterThan(0);
    } finally {
      await one.stop();
      await single.drop();
    }
  }, 300_000);

  it('loses no acknowledged alert when a node is killed mid-load, and its workers resume elsewhere within 10 s', async () => {
    const leads = async () => query<{ node: string; key: number }>(db.url, LEADS_SQL);
    const before = await leads();
    const byNode = new Map<string, number>();
    for (const l of before) byNode.set(l.node, (byNode.get(l.node) ?? 0) + 1);
    const victimName = [...byNode].sort((a, b) => b[1] - a[1])[0]![0].replace('lachan-lead:', '');
    const victim = cluster.nodes.findIndex((n) => n.name === victimName);
    const alive = () => cluster.nodes.filter((_, i) => i !== victim || cluster.nodes[i]!.process.exitCode === null && cluster.nodes[i]!.process.signalCode === null);
    let acked = 0;
    let n = 0;
    let stop = false;
    const load = (async () => {
      while (!stop) {
        const batch = Array.from({ length: 20 }, () => ({ title: `Kill load ${n++}`, severity: 'low', src: { ip: '192.0.2.10' } }));
        await sendRetrying(alive, n, keys['bank-svb']!, batch);
        acked += batch.length;
      }
    })();
    await new Promise((r) => setTimeout(r, 3000));
    const killedAt = Date.now();
    await cluster.stopNode(victim, 'SIGKILL');
    await new Promise((r) => setTimeout(r, 3000));
    stop = true;
    await load;
    // Every worker is led again, by the surviving nodes, within 10 s of the kill.
    await expect.poll(async () => {
      const now = await leads();
      return now.length === before.length && now.every((l) => l.node !== `lachan-lead:${victimName}`);
    }, { timeout: 10_000 - (Date.now() - killedAt), interval: 250 }).toBe(true);
    expect(Date.now() - killedAt).toBeLessThan(10_000 + 6000);
    const [stored] = await query<{ n: string }>(db.url, `select count(*)::text as n from alerts where title like 'Kill load %'`);
    expect(Number(stored!.n)).toBeGreaterThanOrEqual(acked);
    // The statistics worker, now elsewhere, rolls up what was ingested.
    await expect.poll(async () => (await query<{ n: string }>(db.url, `select coalesce(sum(occurrences), 0)::text as n from stats_alerts_daily d join organizations o on o.id = d.org_id where o.demo_key = 'bank-svb'`))[0]!.n, { timeout: 30_000, interval: 1000 })
      .not.toBe('0');
    await cluster.restart(victim);
  }, 240_000);

  it('restarts all three nodes one by one with no failed request from a retrying client', async () => {
    let ok = 0;
    let failed = 0;
    let stop = false;
    const client = (async () => {
      for (let i = 0; !stop; i++) {
        try {
          await sendRetrying(() => cluster.nodes, i, keys['health-taybac']!, [{ title: `Rolling ${i}`, severity: 'low', src: { ip: '192.0.2.20' } }]);
          ok++;
        } catch {
          failed++;
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    for (let i = 0; i < cluster.nodes.length; i++) {
      await cluster.stopNode(i, 'SIGTERM');
      await cluster.restart(i);
    }
    stop = true;
    await client;
    expect(failed).toBe(0);
    expect(ok).toBeGreaterThan(0);
  }, 400_000);
});
