import { createServer } from 'node:http';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Caller, type TestApp } from '../testing/harness.ts';
import { StatsRollup } from '../modules/stats/index.ts';
import { WarningWorkers } from '../modules/warnings/index.ts';
import type { Platform } from '../platform.types.ts';
import { AlertFeed } from '../common/alert-feed.ts';

/**
 * Several nodes handling the same work: each alert batch rolled up once, each warning delivered once,
 * whichever node handles it. A second "node" here is a second set of workers on the same database,
 * without this process's in-memory batches (it reads them back, as another machine does).
 */
let t: TestApp;
let key: Caller & { key: string };
const ndjson = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).join('\n');
const alert = (n: number) => ({ title: `Beacon ${n}`, severity: 'high', src: { ip: `198.51.100.${n}` }, dst: { ip: '10.48.1.10', port: 443 }, rule: { id: `beacon-${n}` } });
// Another node: its own alert feed, which hears nothing this process commits.
const otherNode = (p: Platform): Platform => ({ ...p, alertFeed: new AlertFeed() });

async function ingest(alerts: unknown[]): Promise<void> {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/ingest/lachan', headers: { authorization: `Bearer ${key.key}`, 'content-type': 'application/x-ndjson' }, payload: ndjson(alerts) });
  expect(res.statusCode).toBe(202);
}
async function totals(orgId: string): Promise<{ alerts: number; occurrences: number }> {
  const r = await sql<{ alerts: string; occurrences: string }>`select coalesce(sum(alerts), 0)::text as alerts, coalesce(sum(occurrences), 0)::text as occurrences from stats_alerts_daily where org_id = ${orgId}`.execute(t.platform.db);
  return { alerts: Number(r.rows[0]!.alerts), occurrences: Number(r.rows[0]!.occurrences) };
}

beforeAll(async () => {
  t = await createTestApp({ webhookAllowedHosts: ['127.0.0.1'] });
  key = await t.keyFor('prov-48', 'connector');
});
afterAll(() => t?.close());

describe('alert batches handled on another node', () => {
  it('rolls up a batch as it was committed even when later batches repeated its alerts before that node read it', async () => {
    const orgId = await t.org('prov-48');
    const before = await totals(orgId);
    // This node's statistics worker is down; the batches wait for another node.
    t.platform.workers.stats.stop();
    await t.platform.workers.stats.idle();
    await ingest([alert(1), alert(2), alert(3)]);
    await ingest([alert(1), alert(2), alert(4)]);
    await ingest([alert(1)]);
    await t.platform.relay.flush();
    const other = new StatsRollup(otherNode(t.platform));
    await other.start();
    await t.platform.relay.flush();
    await other.idle();
    other.stop();
    const after = await totals(orgId);
    // Four alerts, seven occurrences: each batch counted once, with what it held.
    expect({ alerts: after.alerts - before.alerts, occurrences: after.occurrences - before.occurrences }).toEqual({ alerts: 4, occurrences: 7 });
    await t.platform.workers.stats.start();
  });

  it('counts each batch once when two nodes race on the same batches', async () => {
    const orgId = await t.org('prov-48');
    const before = await totals(orgId);
    const other = new StatsRollup(otherNode(t.platform));
    await other.start();
    for (let i = 0; i < 6; i++) await ingest([alert(10 + i), alert(20 + (i % 2)), alert(30)]);
    await t.platform.relay.flush();
    await Promise.all([other.idle(), t.platform.workers.stats.idle()]);
    other.stop();
    const after = await totals(orgId);
    // 6 + 2 + 1 distinct alerts; 18 occurrences.
    expect({ alerts: after.alerts - before.alerts, occurrences: after.occurrences - before.occurrences }).toEqual({ alerts: 9, occurrences: 18 });
  });
});

describe('warning deliveries on several nodes', () => {
  it('delivers each one once, with a stable idempotency key, while three nodes run delivery rounds', async () => {
    const hits: string[] = [];
    const server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        hits.push(String(req.headers['idempotency-key']));
        // A slow receiver: rounds on the other nodes run while this attempt is in flight.
        setTimeout(() => res.end(), 150);
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/hook`;
    const orgs = await Promise.all(['bank-sgb', 'bank-svb', 'health-taybac', 'prov-48'].map((k) => t.org(k)));
    for (const [i, orgId] of orgs.entries()) {
      const admin = await t.userIn(['bank-sgb', 'bank-svb', 'health-taybac', 'prov-48'][i]!, 'org_admin');
      expect((await admin.post(`/api/v1/orgs/${orgId}/warning-webhooks`, { url })).statusCode).toBe(201);
    }
    const nodes = [t.platform.workers.warnings, new WarningWorkers(t.platform), new WarningWorkers(t.platform)];
    for (const n of nodes.slice(1)) n.start();
    const w = (await t.admin.post('/api/v1/warnings', { titleVi: 'Cảnh báo', titleEn: 'Warning', bodyVi: 'Nội dung.', bodyEn: 'Body.', severity: 3, tlp: 'GREEN', targeting: { orgIds: orgs } })).json();
    expect((await t.admin.post(`/api/v1/warnings/${w.id}/issue`)).statusCode).toBe(200);
    const delivered = async () => Number((await sql<{ n: string }>`select count(*)::text as n from warning_deliveries where warning_id = ${w.id} and channel = 'webhook' and status = 'delivered'`.execute(t.platform.db)).rows[0]!.n);
    for (let i = 0; i < 200 && (await delivered()) < orgs.length; i++) {
      for (const n of nodes) n.wake();
      await new Promise((r) => setTimeout(r, 25));
    }
    for (const n of nodes.slice(1)) await n.stop();
    server.close();
    expect(await delivered()).toBe(orgs.length);
    expect(hits).toHaveLength(orgs.length);
    expect(new Set(hits).size).toBe(orgs.length);
    expect(hits.every((h) => /^lachan-delivery-\d+$/.test(h))).toBe(true);
  });
});
