import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestContext } from '../../core/context.ts';
import type { RawTx } from '../../db/index.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { IngestService } from './ingest.service.ts';

// Two ingest processes of one cluster: each knows only the fingerprints it stored (and those stored
// before it started), so a repeat sent to the other one looks new there.
let t: TestApp;
let key: { id: string; key: string };
let orgId: string;

const record = (n: number, tag: string) => JSON.stringify({ title: `Stored elsewhere ${tag} ${n}`, severity: 'low', src: { ip: `198.51.100.${n}` }, dst: { ip: '10.48.1.10', port: 443 } });
const body = (tag: string, n = 40) => Array.from({ length: n }, (_, i) => record(i + 1, tag)).join('\n');

/** A second process's ingest, whose transactions' statements are recorded. */
function otherProcess(): { ingest: IngestService; statements: string[] } {
  const statements: string[] = [];
  const named = (text: string) => text.trim().split(/\s+/).slice(0, 3).join(' ');
  const recording = (tx: RawTx): RawTx => ({
    query: (text, params) => (statements.push(named(text)), tx.query(text, params)),
    copyIn: (table, columns, data) => (statements.push(`copy ${table}`), tx.copyIn(table, columns, data)),
    script: (steps) => (statements.push(...steps.map((s) => ('copy' in s ? `copy ${s.copy.table}` : named(s.sql)))), tx.script(steps)),
  });
  const database = { ...t.platform.database, rawTransaction: <T>(fn: (tx: RawTx) => Promise<T>) => t.platform.database.rawTransaction((tx) => fn(recording(tx))) };
  return { ingest: new IngestService({ ...t.platform, database }), statements };
}

const asConnector = (): RequestContext => ({
  actor: { type: 'apikey', id: key.id, name: 'connector', orgId, role: 'connector' },
  scope: { all: false, manage: new Set([orgId]), read: new Set([orgId]) },
  ip: null, requestId: null,
});

async function sendHere(tag: string) {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/ingest/lachan', headers: { authorization: `Bearer ${key.key}`, 'content-type': 'application/x-ndjson' }, payload: body(tag) });
  expect(res.statusCode).toBe(202);
  return res.json() as { accepted: number; duplicates: number };
}

async function occurrences(tag: string): Promise<number[]> {
  const items = (await t.admin.get(`/api/v1/alerts?q=${encodeURIComponent(`Stored elsewhere ${tag}`)}&limit=100`)).json().items as { occurrences: number }[];
  return items.map((i) => i.occurrences);
}

beforeAll(async () => {
  t = await createTestApp();
  key = await t.keyFor('prov-48', 'connector');
  orgId = await t.org('prov-48');
});
afterAll(() => t?.close());

describe('repeats that another process stored', () => {
  it('are folded into the stored alerts, and after the first such batch alerts are looked up before they are copied', async () => {
    const other = otherProcess();
    // The other process is running (its cache loaded) before this one stores the batches below.
    await other.ingest.ingestHttp(asConnector(), 'lachan', body('warm-up', 1), 'application/x-ndjson');
    expect(other.ingest.fingerprints.lookFirst).toBe(false);

    expect(await sendHere('first')).toMatchObject({ accepted: 40, duplicates: 0 });
    other.statements.length = 0;
    expect(await other.ingest.ingestHttp(asConnector(), 'lachan', body('first'), 'application/x-ndjson')).toMatchObject({ accepted: 0, duplicates: 40 });
    expect(await occurrences('first')).toEqual(Array(40).fill(2));
    // Its COPY met the stored alerts once; they were looked up and folded, never sent through the staging upsert.
    expect(other.statements.filter((s) => s.startsWith('rollback to savepoint'))).toHaveLength(1);
    expect(other.statements.some((s) => s.includes('alerts_stage'))).toBe(false);
    expect(other.ingest.fingerprints.lookFirst).toBe(true);

    // Now it looks first: a batch half stored elsewhere, half new, goes through without a failed COPY.
    expect(await sendHere('second')).toMatchObject({ accepted: 40, duplicates: 0 });
    other.statements.length = 0;
    const mixed = `${body('second')}\n${Array.from({ length: 10 }, (_, i) => record(i + 100, 'second')).join('\n')}`;
    expect(await other.ingest.ingestHttp(asConnector(), 'lachan', mixed, 'application/x-ndjson')).toMatchObject({ accepted: 10, duplicates: 40 });
    expect(other.statements.filter((s) => s.startsWith('rollback to savepoint'))).toHaveLength(0);
    expect(other.statements.some((s) => s.includes('alerts_stage'))).toBe(false);
    expect((await occurrences('second')).sort()).toEqual([...Array(10).fill(1), ...Array(40).fill(2)]);
  });
});
