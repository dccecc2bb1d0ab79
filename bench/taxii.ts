/**
 * bench:taxii — TAXII 2.1 GET objects over a collection of 1,000,000 STIX objects, through HTTP
 * against a real server process, on the embedded engine and, when a PostgreSQL server answers on
 * 127.0.0.1:5432, on PostgreSQL. The collection is seeded with insert … select generate_series while
 * the server is stopped; pages of `limit=1000` are then read by following `next`, from the start and
 * from the middle (added_after). Ends with the worst p95 against the 100 ms target.
 * Options: --objects N --pages N --engine pglite|postgres|both
 */
import { parseArgs } from 'node:util';
import { rmSync } from 'node:fs';
import { sql } from 'kysely';
import { ADMIN_PASSWORD, apiSession, startServer } from '../apps/server/src/testing/server-process.ts';
import { openDatabase } from '../apps/server/src/db/index.ts';
import { enginesFor, pct, PG_URL } from './support.ts';

const { values: opt } = parseArgs({ options: { objects: { type: 'string', default: '1000000' }, pages: { type: 'string', default: '60' }, engine: { type: 'string', default: 'both' } } });
const OBJECTS = Number(opt.objects);
const PAGES = Number(opt.pages);
const TARGET_MS = 100;
const TAXII = 'application/taxii+json;version=2.1';
const COLLECTION = '7d1c6a36-3a0b-4f7e-9f43-5b0f5a1e2c11';
const START = Date.UTC(2025, 0, 1);


/** One collection of OBJECTS indicators, one version each, added one millisecond apart. */
async function seed(target: { dataDir: string | null; databaseUrl: string | null }): Promise<string> {
  const db = await openDatabase(target.databaseUrl ? { databaseUrl: target.databaseUrl, dataDir: null } : { dataDir: target.dataDir! });
  try {
    await sql`insert into taxii_collections (id, title, tlp_ceiling) values (${COLLECTION}, 'bench indicators', 'AMBER')`.execute(db.db);
    for (let from = 1; from <= OBJECTS; from += 200_000) {
      const to = Math.min(OBJECTS, from + 199_999);
      await sql`
        insert into stix_objects (id, version, modified, type, spec_version, object, tlp, search_folded)
        select 'indicator--' || lpad(to_hex(g), 8, '0') || '-0000-4000-8000-000000000000', '2025-01-01T00:00:00.000000000Z', '2025-01-01T00:00:00.000Z', 'indicator', '2.1',
               jsonb_build_object('type', 'indicator', 'spec_version', '2.1', 'id', 'indicator--' || lpad(to_hex(g), 8, '0') || '-0000-4000-8000-000000000000',
                 'created', '2025-01-01T00:00:00.000Z', 'modified', '2025-01-01T00:00:00.000Z', 'name', 'C2 address ' || g,
                 'pattern', '[ipv4-addr:value = ''' || ((g >> 16) & 255) || '.' || ((g >> 8) & 255) || '.' || (g & 255) || '.7'']',
                 'pattern_type', 'stix', 'valid_from', '2025-01-01T00:00:00Z', 'indicator_types', jsonb_build_array('malicious-activity'),
                 'object_marking_refs', jsonb_build_array('marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb')),
               'GREEN', 'c2 address ' || g
        from generate_series(${from}::int, ${to}::int) g`.execute(db.db);
      await sql`
        insert into taxii_collection_objects (collection_id, object_id, version, date_added)
        select ${COLLECTION}::uuid, 'indicator--' || lpad(to_hex(g), 8, '0') || '-0000-4000-8000-000000000000', '2025-01-01T00:00:00.000000000Z',
               ${new Date(START).toISOString()}::timestamptz + g * interval '1 millisecond'
        from generate_series(${from}::int, ${to}::int) g`.execute(db.db);
    }
    await sql`analyze stix_objects`.execute(db.db);
    await sql`analyze taxii_collection_objects`.execute(db.db);
    const admin = await sql<{ org_id: string }>`select org_id from users where email = 'admin@lachan.local'`.execute(db.db);
    return admin.rows[0]!.org_id;
  } finally {
    await db.close();
  }
}

/** Follow `next` for `pages` pages from `query`; returns each request's milliseconds. */
async function walk(url: string, key: string, query: string, pages: number): Promise<number[]> {
  const times: number[] = [];
  let next: string | undefined;
  for (let i = 0; i < pages; i++) {
    const t = performance.now();
    const res = await fetch(`${url}/taxii2/lachan/collections/${COLLECTION}/objects/?limit=1000${query}${next ? `&next=${next}` : ''}`, { headers: { accept: TAXII, authorization: `Bearer ${key}` } });
    const body = (await res.json()) as { objects?: unknown[]; next?: string; more?: boolean };
    times.push(performance.now() - t);
    if (res.status !== 200 || body.objects?.length !== 1000) throw new Error(`page ${i} answered ${res.status} with ${body.objects?.length ?? 0} objects`);
    next = body.next;
    if (!next) break;
  }
  return times;
}

async function runEngine(engine: 'pglite' | 'postgres'): Promise<number> {
  if (engine === 'postgres') process.env.TEST_DATABASE_URL ??= PG_URL;
  else delete process.env.TEST_DATABASE_URL;
  const first = await startServer(engine === 'postgres' ? {} : { DATABASE_URL: '' });
  first.process.kill('SIGTERM');
  await new Promise((r) => first.process.once('exit', r));
  const t0 = performance.now();
  const adminOrg = await seed(first);
  console.log(`${engine}: seeded ${OBJECTS.toLocaleString('en')} objects in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const server = await startServer({ LACHAN_DATA_DIR: first.dataDir, DATABASE_URL: first.databaseUrl ?? '' });
  try {
    const admin = await apiSession(server.url, 'admin@lachan.local', ADMIN_PASSWORD);
    const created = await admin('POST', '/api/v1/api-keys', { name: 'bench taxii', orgId: adminOrg, role: 'national_coordinator' });
    if (created.status !== 201) throw new Error(`API key creation answered ${created.status}: ${JSON.stringify(created.json)}`);
    const key = created.json.key as string;
    const middle = new Date(START + Math.floor(OBJECTS / 2)).toISOString();
    const fromStart = await walk(server.url, key, '', PAGES);
    const fromMiddle = await walk(server.url, key, `&added_after=${middle}`, PAGES);
    const times = [...fromStart.slice(2), ...fromMiddle.slice(2)];
    const p95 = pct(times, 0.95);
    console.log(`${engine.padEnd(8)} GET objects limit=1000, ${times.length} pages (from the start and from the middle): p50 ${pct(times, 0.5).toFixed(1)} ms  p95 ${p95.toFixed(1)} ms  max ${Math.max(...times).toFixed(1)} ms`);
    return p95;
  } finally {
    await server.stop();
    await first.stop();
    rmSync(first.dataDir, { recursive: true, force: true });
  }
}

const engines = await enginesFor(opt.engine);
console.log(`bench:taxii ${OBJECTS.toLocaleString('en')} STIX objects in one collection; ${PAGES} pages of 1000 from the start and from the middle`);
let worst = 0;
for (const engine of engines) worst = Math.max(worst, await runEngine(engine));
console.log(`bench:taxii p95=${worst.toFixed(1)}ms target<${TARGET_MS}ms ${worst < TARGET_MS ? 'ok' : 'miss'}`);
