import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { foldRepeats, probingByIndex } from './batch.repository.ts';

// Wazuh file-integrity alerts (rule 550) as the manager writes them: one rule, one title, one agent;
// only the file and its hashes tell two events apart.
let t: TestApp;
let key: { key: string };
const H1 = 'a'.repeat(64);
const H2 = 'b'.repeat(64);
const H3 = 'c'.repeat(64);

function fim(path: string, sha256: string, at: string, id: string): string {
  return JSON.stringify({
    timestamp: at, id, rule: { level: 7, id: '550', description: 'Integrity checksum changed.', groups: ['ossec', 'syscheck', 'syscheck_entry_modified'] },
    agent: { id: '001', name: 'web-01', ip: '10.48.1.10' }, syscheck: { path, event: 'modified', sha256_after: sha256 }, full_log: `File '${path}' modified`,
  });
}

async function ingest(lines: string[]) {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/ingest/wazuh', headers: { authorization: `Bearer ${key.key}`, 'content-type': 'application/x-ndjson' }, payload: lines.join('\n') });
  expect(res.statusCode).toBe(202);
  return res.json() as { accepted: number; duplicates: number };
}

async function integrityAlerts() {
  const items = (await t.admin.get('/api/v1/alerts?q=Integrity%20checksum&limit=50')).json().items as { id: string }[];
  return Promise.all(items.map(async (i) => (await t.admin.get(`/api/v1/alerts/${i.id}`)).json()));
}

beforeAll(async () => {
  t = await createTestApp();
  key = await t.keyFor('prov-48', 'connector');
});
afterAll(() => t?.close());

describe('dedup folds only the same event', () => {
  it('keeps integrity alerts for different files in the same hour apart, each with its own hashes', async () => {
    const hour = new Date();
    hour.setUTCMinutes(5, 0, 0);
    const at = (min: number) => new Date(hour.getTime() + min * 60_000).toISOString();
    expect(await ingest([fim('/etc/passwd', H1, at(0), '1.1'), fim('/etc/shadow', H2, at(10), '1.2')])).toMatchObject({ accepted: 2, duplicates: 0 });
    // Same file, another content: another event too.
    expect(await ingest([fim('/etc/passwd', H3, at(20), '1.3')])).toMatchObject({ accepted: 1, duplicates: 0 });
    const alerts = await integrityAlerts();
    expect(alerts).toHaveLength(3);
    const hashes = alerts.map((a) => a.observables.filter((o: { type: string }) => o.type === 'sha256').map((o: { value: string }) => o.value)).flat().sort();
    expect(hashes).toEqual([H1, H2, H3]);
    for (const a of alerts) expect(a.occurrences).toBe(1);
  });

  it('folds a true repeat, keeps the first and the latest raw record, and matches it against indicators added since', async () => {
    const at = new Date().toISOString();
    const first = fim('/var/www/shell.php', 'd'.repeat(64), at, '2.1');
    expect(await ingest([first])).toMatchObject({ accepted: 1 });
    const shell = (await integrityAlerts()).find((a) => a.raw === first);
    expect(shell).toMatchObject({ occurrences: 1, rawLast: null, indicatorMatches: [] });

    const pattern = `[file:hashes.'SHA-256' = '${'d'.repeat(64)}']`;
    const indicator = {
      type: 'indicator', spec_version: '2.1', id: 'indicator--d1d1d1d1-0000-4000-8000-000000000001', created: '2026-11-01T00:00:00.000Z',
      modified: '2026-11-01T00:00:00.000Z', pattern, pattern_type: 'stix', valid_from: '2026-11-01T00:00:00Z',
    };
    await sql`insert into stix_objects (id, version, type, object) values (${indicator.id}, ${indicator.modified}, 'indicator', ${JSON.stringify(indicator)}::jsonb)`.execute(t.platform.db);
    await t.platform.workers.indicators.refresh();

    const second = fim('/var/www/shell.php', 'd'.repeat(64), at, '2.2');
    const third = fim('/var/www/shell.php', 'd'.repeat(64), at, '2.3');
    expect(await ingest([second])).toMatchObject({ accepted: 0, duplicates: 1 });
    expect(await ingest([third])).toMatchObject({ accepted: 0, duplicates: 1 });
    const folded = (await t.admin.get(`/api/v1/alerts/${shell.id}`)).json();
    expect(folded).toMatchObject({ occurrences: 3, raw: first, rawLast: third });
    expect(folded.indicatorMatches.map((m: { observableIndex: number }) => folded.observables[m.observableIndex].value)).toEqual(['d'.repeat(64)]);
  });

  it('keeps one copy of a record sent again verbatim: the latest repeat reads as the first record, and a different one after it still shows', async () => {
    const at = new Date().toISOString();
    const first = fim('/etc/cron.d/backdoor', 'f'.repeat(64), at, '3.1');
    // Once alone, then twice in one batch (a connector re-sending after a timeout), then once more.
    expect(await ingest([first])).toMatchObject({ accepted: 1 });
    expect(await ingest([first, first])).toMatchObject({ accepted: 0, duplicates: 2 });
    const [row] = (await integrityAlerts()).filter((a) => a.raw === first);
    expect(row).toMatchObject({ occurrences: 3, raw: first, rawLast: first });
    const stored = async () => (await sql<{ raw_last: string | null }>`select raw_last from alerts where fingerprint = (select fingerprint from alerts where raw = ${first})`.execute(t.platform.db)).rows[0]!.raw_last;
    expect(await stored()).toBe('');
    // A repeat that differs is kept beside the first; the first sent again after it is the latest once more.
    const other = fim('/etc/cron.d/backdoor', 'f'.repeat(64), at, '3.2');
    await ingest([other]);
    expect((await t.admin.get(`/api/v1/alerts/${row.id}`)).json()).toMatchObject({ occurrences: 4, rawLast: other });
    await ingest([first]);
    expect((await t.admin.get(`/api/v1/alerts/${row.id}`)).json()).toMatchObject({ occurrences: 5, rawLast: first });
    expect(await stored()).toBe('');
    // Within one new batch too: a row copied with its verbatim repeat stores no second copy.
    const fresh = fim('/etc/cron.d/other', '9'.repeat(64), at, '4.1');
    expect(await ingest([fresh, fresh])).toMatchObject({ accepted: 1, duplicates: 1 });
    const [copied] = (await integrityAlerts()).filter((a) => a.raw === fresh);
    expect(copied).toMatchObject({ occurrences: 2, rawLast: fresh });
    // A row folded before the latest repeat was recorded (migration 0027 added the column empty) says none, not the first record.
    await sql`update alerts set raw_last = null where fingerprint = (select fingerprint from alerts where raw = ${fresh})`.execute(t.platform.db);
    expect((await t.admin.get(`/api/v1/alerts/${copied.id}`)).json()).toMatchObject({ occurrences: 2, rawLast: null });
  });

  it('probes repeats by index without JIT, then leaves the planner and JIT as configured for the rest of the transaction', async () => {
    const SETTINGS = `select current_setting('enable_seqscan') as seqscan, current_setting('enable_hashjoin') as hashjoin, current_setting('jit') as jit`;
    const seen = await t.platform.database.rawTransaction(async (tx) => {
      const before = (await tx.query(SETTINGS)).rows[0];
      const during = await probingByIndex(tx, async () => (await tx.query(SETTINGS)).rows[0]);
      const after = (await tx.query(SETTINGS)).rows[0];
      return { before, during, after };
    });
    expect(seen.during).toEqual({ seqscan: 'off', hashjoin: 'off', jit: 'off' });
    expect(seen.after).toEqual(seen.before);
    expect(seen.before).toMatchObject({ seqscan: 'on', hashjoin: 'on' });
    // What the transaction had set itself is what it gets back, not the server's default.
    const kept = await t.platform.database.rawTransaction(async (tx) => {
      await tx.query(`select set_config('enable_hashjoin', 'off', true)`);
      await probingByIndex(tx, async () => null);
      return (await tx.query(SETTINGS)).rows[0];
    });
    expect(kept).toMatchObject({ seqscan: 'on', hashjoin: 'off' });
  });

  it('folds repeats of many alerts of every size in place: their pages keep room for a second version', async () => {
    const partition = `alerts_${new Date().toISOString().slice(0, 10).replaceAll('-', '')}`;
    const at = new Date().toISOString();
    // Records of 0.5 to 2 KB, as the six formats send them; then a repeat of every fifth, in batches of 20, as connectors re-send recent ones.
    const lines = Array.from({ length: 400 }, (_, i) => fim(`/srv/www/${'d'.repeat((i * 37) % 1500)}/${i}.php`, (i + 1).toString(16).padStart(64, '0'), at, `5.${i}`));
    for (let i = 0; i < lines.length; i += 100) await ingest(lines.slice(i, i + 100));
    const before = await updateCounts(partition);
    const repeats = lines.filter((_, i) => i % 5 === 0);
    for (let i = 0; i < repeats.length; i += 20) expect(await ingest(repeats.slice(i, i + 20))).toMatchObject({ accepted: 0, duplicates: 20 });
    const seen = await updateCountsAfter(partition, before, repeats.length);
    // A tenth of each page left free held a second version of a third of them (the rest: a new version elsewhere and an entry in every index).
    expect(seen.hot).toBeGreaterThanOrEqual(0.9 * seen.upd);
  });

  it('folds repeats into the row in place: a busy alert repeated hundreds of times adds no index entries', async () => {
    const received = new Date();
    const partition = `alerts_${received.toISOString().slice(0, 10).replaceAll('-', '')}`;
    // In place needs two things of the day's partition: no index on a column the fold writes, and room on its pages.
    const setClause = foldRepeats(partition).split(/\bfrom unnest\(/)[0]!;
    const written = [...setClause.matchAll(/(?:\bset\s+|,\s*)(\w+) = /g)].map((m) => m[1]!);
    expect(written).toEqual(['occurrences', 'first_seen', 'last_seen', 'received_at', 'last_batch', 'batch_occurrences', 'raw_last', 'indicator_matches']);
    // A column named by an index's predicate (the false-positive index) counts as indexed too.
    const indexed = (await sql<{ column: string }>`select distinct a.attname as column from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum > 0
        and (a.attnum = any(i.indkey) or pg_get_expr(i.indpred, i.indrelid) ~ ('\\m' || a.attname || '\\M'))
      where i.indrelid = ${partition}::regclass`.execute(t.platform.db)).rows.map((r) => r.column);
    expect(indexed).toContain('false_positive_at');
    expect(indexed.filter((c) => written.includes(c))).toEqual([]);
    const options = (await sql<{ o: string[] | null }>`select reloptions as o from pg_class where oid = ${partition}::regclass`.execute(t.platform.db)).rows[0]?.o;
    expect(options).toContain('fillfactor=70');

    const line = fim('/srv/app/busy.conf', 'e'.repeat(64), received.toISOString(), '9.1');
    await ingest([line]);
    const before = await updateCounts(partition);
    for (let i = 0; i < 300; i++) expect(await ingest([line])).toMatchObject({ accepted: 0, duplicates: 1 });
    const [row] = (await integrityAlerts()).filter((a) => a.raw === line);
    expect(row).toMatchObject({ occurrences: 301 });
    const seen = await updateCountsAfter(partition, before, 250);
    // With an index on a column the fold wrote, none was in place.
    expect(seen.hot).toBeGreaterThan(seen.upd / 2);
  });
});

type UpdateCounts = { upd: number; hot: number };

/** The partition's updates and those made in place (heap-only: no new index entry). */
async function updateCounts(partition: string): Promise<UpdateCounts> {
  await sql`select pg_stat_force_next_flush()`.execute(t.platform.db);
  const r = (await sql<UpdateCounts>`select n_tup_upd::int as upd, n_tup_hot_upd::int as hot from pg_stat_user_tables where relname = ${partition}`.execute(t.platform.db)).rows[0];
  return r ?? { upd: 0, hot: 0 };
}

/** The updates since `before`, once at least `atLeast` are counted: a server process's statistics reach the view when it flushes them, within seconds. */
async function updateCountsAfter(partition: string, before: UpdateCounts, atLeast: number): Promise<UpdateCounts> {
  let seen = await updateCounts(partition);
  for (const deadline = Date.now() + 20_000; seen.upd - before.upd < atLeast && Date.now() < deadline; seen = await updateCounts(partition)) await new Promise((r) => setTimeout(r, 250));
  expect(seen.upd - before.upd).toBeGreaterThanOrEqual(atLeast);
  return { upd: seen.upd - before.upd, hot: seen.hot - before.hot };
}
