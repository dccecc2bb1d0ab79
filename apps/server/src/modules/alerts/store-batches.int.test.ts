import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestContext } from '../../core/context.ts';
import type { RawTx } from '../../db/index.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { parseAlert } from '@lachan/parsers';
import { IngestService } from './ingest.service.ts';
import { batchRepository } from './batch.repository.ts';
import { IdReserve } from './id-reserve.ts';
import { prepareAlerts } from './prepare.ts';

// How a batch reaches the database: on the embedded engine every call below is a message to its worker,
// and the worker idles between two of them until this thread has time to send the next.
let t: TestApp;
let key: { id: string; key: string };
let orgId: string;

const record = (n: number, tag: string) => JSON.stringify({ title: `Scripted ${tag} ${n}`, severity: 'medium', src: { ip: `203.0.113.${n}` }, dst: { ip: '10.48.2.20', port: 22 } });
const lines = (tag: string, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => record(from + i, tag));

/** An ingest whose transactions' calls to the database are recorded (`query`, `copyIn`, `script` with its steps). */
function recordedIngest(): { ingest: IngestService; calls: string[] } {
  const calls: string[] = [];
  const named = (text: string) => text.trim().split(/\s+/).slice(0, 3).join(' ');
  const recording = (tx: RawTx): RawTx => ({
    query: (text, params) => (calls.push(named(text)), tx.query(text, params)),
    copyIn: (table, columns, data) => (calls.push(`copy ${table}`), tx.copyIn(table, columns, data)),
    script: (steps) => (calls.push(`script: ${steps.map((s) => ('copy' in s ? `copy ${s.copy.table}` : named(s.sql))).join('; ')}`), tx.script(steps)),
  });
  const database = { ...t.platform.database, rawTransaction: <T>(fn: (tx: RawTx) => Promise<T>) => t.platform.database.rawTransaction((tx) => fn(recording(tx))) };
  return { ingest: new IngestService({ ...t.platform, database }), calls };
}

const asConnector = (): RequestContext => ({
  actor: { type: 'apikey', id: key.id, name: 'connector', orgId, role: 'connector' },
  scope: { all: false, manage: new Set([orgId]), read: new Set([orgId]) },
  ip: null, requestId: null,
});

async function alertsOf(tag: string): Promise<{ id: string; title: string; occurrences: number }[]> {
  return (await t.admin.get(`/api/v1/alerts?q=${encodeURIComponent(`Scripted ${tag}`)}&limit=100`)).json().items;
}

beforeAll(async () => {
  t = await createTestApp();
  key = await t.keyFor('prov-48', 'connector');
  orgId = await t.org('prov-48');
});
afterAll(() => t?.close());

describe('a batch stored in scripts', () => {
  it('takes two calls to the database inside its transaction whatever it holds, and stores what a statement at a time would', async () => {
    const { ingest, calls } = recordedIngest();
    expect(await ingest.ingestHttp(asConnector(), 'lachan', lines('mix', 1, 30).join('\n'), 'application/x-ndjson')).toMatchObject({ accepted: 30, duplicates: 0, rejected: 0 });
    calls.length = 0;
    // 20 repeats, 10 new alerts and two records that cannot be read.
    const body = [...lines('mix', 11, 40), '{"title":', 'not json'].join('\n');
    const result = await ingest.ingestHttp(asConnector(), 'lachan', body, 'application/x-ndjson');
    expect(result).toMatchObject({ accepted: 10, duplicates: 20, rejected: 2 });
    // (Its commit is one more; its begin goes with the first script on the embedded engine, alone on PostgreSQL.)
    expect(calls).toHaveLength(2);
    expect(calls[0]).toMatch(/^script: copy alerts_\d+; select set_config\(.*; update alerts_\d+ as; copy quarantine$/);
    expect(calls[1]).toBe('script: update alert_sources set; insert into source_minutes; copy alert_batch_items; insert into outbox');

    const stored = await alertsOf('mix');
    expect(stored).toHaveLength(40);
    const byTitle = new Map(stored.map((a) => [a.title, a.occurrences]));
    for (let n = 1; n <= 40; n++) expect(byTitle.get(`Scripted mix ${n}`)).toBe(n >= 11 && n <= 30 ? 2 : 1);
    const q = await sql<{ n: number }>`select count(*)::int as n from quarantine where org_id = ${orgId} and raw in ('{"title":', 'not json')`.execute(t.platform.db);
    expect(q.rows[0]!.n).toBe(2);
    // The batch's items say which alerts it added and which it repeated.
    const items = await sql<{ inserted: boolean; n: number }>`select i.inserted, count(*)::int as n from alert_batch_items i
      where i.batch_id = (select max(batch_id) from alert_batch_items where org_id = ${orgId}) group by i.inserted order by i.inserted`.execute(t.platform.db);
    expect(items.rows).toEqual([{ inserted: false, n: 20 }, { inserted: true, n: 10 }]);
  });

  it('upserts, in the same transaction, a repeat the process knew of whose row is gone', async () => {
    const { ingest, calls } = recordedIngest();
    expect(await ingest.ingestHttp(asConnector(), 'lachan', lines('gone', 1, 5).join('\n'), 'application/x-ndjson')).toMatchObject({ accepted: 5 });
    // Removed behind the process's back (as retention or another node's clean-up would): its cache still knows them.
    await sql`delete from alerts where title in ('Scripted gone 1', 'Scripted gone 2')`.execute(t.platform.db);
    calls.length = 0;
    expect(await ingest.ingestHttp(asConnector(), 'lachan', lines('gone', 1, 6).join('\n'), 'application/x-ndjson')).toMatchObject({ accepted: 3, duplicates: 3 });
    // The fold missed them: they went through the staging upsert (a script of its own) between the two, which were not run again.
    expect(calls).toHaveLength(3);
    expect(calls[1]).toBe('script: create temp table; truncate alerts_stage; copy alerts_stage; insert into alerts');
    expect(calls.some((c) => c.startsWith('rollback'))).toBe(false);
    const occurrences = new Map((await alertsOf('gone')).map((a) => [a.title, a.occurrences]));
    expect([...occurrences].sort()).toEqual([
      ['Scripted gone 1', 1], ['Scripted gone 2', 1], ['Scripted gone 3', 2], ['Scripted gone 4', 2], ['Scripted gone 5', 2], ['Scripted gone 6', 1],
    ]);
  });

  it('upserts the leftovers of two batches of one transaction each once (the staging table is emptied between them)', async () => {
    const { ingest } = recordedIngest();
    await t.platform.orgTree.ensure();
    const assets = await ingest.assets.get();
    const receivedAt = new Date();
    /** A batch the process takes for repeats of stored alerts (its cache says so) whose rows are not there. */
    const batch = async (tag: string) => {
      const parsed = lines(tag, 1, 3).map((raw) => ({ alert: (parseAlert('lachan', raw, { receivedAt }) as { alert: Parameters<typeof prepareAlerts>[0][number]['alert'] }).alert, raw }));
      const { prepared } = prepareAlerts(parsed, { reporter: { orgId, mayAttribute: () => false }, assets, orgs: t.platform.orgTree, receivedAt, bucketSeconds: 3600 });
      const rowContext = { reporterOrgId: orgId, sourceId: null, receivedAt: receivedAt.toISOString() };
      return { prepared, rowContext, plan: await batchRepository.plan(new IdReserve(t.platform.db), prepared, rowContext, () => true) };
    };
    const [a, b] = [await batch('left-a'), await batch('left-b')];
    const stored = await t.platform.database.rawTransaction(async (tx) => [
      await batchRepository.storeAlerts(tx, a.prepared, a.plan, a.rowContext),
      await batchRepository.storeAlerts(tx, b.prepared, b.plan, b.rowContext),
    ]);
    expect(stored.flat().map((x) => x.inserted)).toEqual(Array(6).fill(true));
    expect(new Set(stored.flat().map((x) => x.id)).size).toBe(6);
    for (const tag of ['left-a', 'left-b']) expect((await alertsOf(tag)).map((x) => x.occurrences)).toEqual([1, 1, 1]);
  });

  it('ends at its first failing statement, rejecting with the database code; the transaction is rolled back', async () => {
    await sql`create table if not exists script_probe (n int not null)`.execute(t.platform.db);
    const run = (steps: Parameters<RawTx['script']>[0]) => t.platform.database.rawTransaction((tx) => tx.script(steps));
    const copy = { table: 'script_probe', columns: ['n'], data: new TextEncoder().encode('7\n8\n') };
    const done = await run([{ sql: 'insert into script_probe values ($1) returning n', params: [1] }, { copy }, { sql: 'select count(*)::int as c from script_probe' }]);
    expect(done.map((r) => r.rows)).toEqual([[{ n: 1 }], [], [{ c: 3 }]]);
    expect(done.slice(0, 2).map((r) => r.rowCount)).toEqual([1, 2]);

    await expect(run([{ sql: 'insert into script_probe values (2)' }, { sql: 'insert into script_probe values ($1)', params: ['two'] }, { sql: 'insert into script_probe values (3)' }]))
      .rejects.toMatchObject({ code: '22P02' });
    const left = await sql<{ n: number }>`select n from script_probe order by n`.execute(t.platform.db);
    expect(left.rows.map((r) => r.n)).toEqual([1, 7, 8]);
    // A transaction that fails before its first statement leaves the connection as it found it.
    await expect(t.platform.database.rawTransaction(async () => Promise.reject(new Error('before any statement')))).rejects.toThrow('before any statement');
    expect((await run([{ sql: 'select count(*)::int as c from script_probe' }]))[0]!.rows).toEqual([{ c: 3 }]);
  });
});
