/**
 * bench:incidents — list and search p95 over 1,000,000 incidents, through the real HTTP routes
 * (in-process), on the embedded engine (temporary data directory) and, when PostgreSQL answers on
 * 127.0.0.1:5432, on a temporary PostgreSQL database dropped afterwards. Rows are made by
 * `insert … select generate_series` inside the database. Options: --rows N --runs N --engine pglite|postgres|both
 */
import { parseArgs } from 'node:util';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { sql } from 'kysely';
import { loadConfig } from '../apps/server/src/config.ts';
import { startPlatform, stopPlatform } from '../apps/server/src/platform.ts';
import { buildApp } from '../apps/server/src/http/app.ts';
import { enginesFor, pct, PG_URL } from './support.ts';

const { values: opt } = parseArgs({ options: { rows: { type: 'string', default: '1000000' }, runs: { type: 'string', default: '40' }, engine: { type: 'string', default: 'both' } } });
const ROWS = Number(opt.rows);
const RUNS = Number(opt.runs);
const TARGET_MS = 100;
const PASSWORD = 'bench-centre-password-1';


/** Words of incident titles, Vietnamese with diacritics, so that folded search has work to do. */
const WORDS = ['Mã độc tống tiền', 'Tấn công từ chối dịch vụ', 'Lừa đảo trực tuyến', 'Dò quét cổng', 'Rò rỉ dữ liệu', 'Thay đổi giao diện', 'Đăng nhập bất thường', 'Kết nối C2', 'Khai thác lỗ hổng', 'Thư điện tử giả mạo'];

async function seed(platform: Awaited<ReturnType<typeof startPlatform>>): Promise<void> {
  const db = platform.db;
  const orgs = (await sql<{ id: string }>`select id from organizations order by name`.execute(db)).rows.map((r) => r.id);
  // Trigram index built after the load (stack-facts: GIN maintenance during a bulk load is slow on PGlite).
  await sql`drop index incidents_search_idx`.execute(db);
  const step = 100_000;
  for (let from = 1; from <= ROWS; from += step) {
    const to = Math.min(ROWS, from + step - 1);
    await sql`insert into incidents (org_id, title, description, severity, status, tlp, source, rsit_class, created_at, updated_at, discovered_at)
      select (${orgs}::uuid[])[1 + ((g::bigint * 7919) % ${orgs.length})::int], (${WORDS}::text[])[1 + g % ${WORDS.length}] || ' tại hệ thống ' || (g % 9973) || ' số ' || g,
        'Phát hiện hoạt động đáng ngờ trên máy chủ ' || (g % 5000), 1 + g % 4,
        (array['new','triage','containment','eradication','recovery','closed','rejected'])[1 + g % 7],
        (array['AMBER','AMBER','GREEN','AMBER','RED','CLEAR','AMBER+STRICT'])[1 + g % 7], 'manual',
        (array['malicious-code','availability','fraud','intrusions'])[1 + g % 4],
        now() - make_interval(secs => g * 30), now() - make_interval(secs => g * 30), now() - make_interval(secs => g * 30 + 600)
      from generate_series(${from}::int, ${to}::int) g`.execute(db);
  }
  await sql`create index incidents_search_idx on incidents using gin (search_text gin_trgm_ops)`.execute(db);
  await sql`analyze incidents`.execute(db);
}

async function runEngine(engine: 'pglite' | 'postgres'): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'lachan-bench-incidents-'));
  const dbName = `lachan_bench_incidents_${process.pid}`;
  const admin = engine === 'postgres' ? new pg.Client({ connectionString: PG_URL }) : null;
  if (admin) {
    await admin.connect();
    await admin.query(`drop database if exists ${dbName}`);
    await admin.query(`create database ${dbName}`);
  }
  const config = { ...loadConfig({}), logLevel: 'silent', dataDir: dir, databaseUrl: admin ? PG_URL.replace(/\/postgres$/, `/${dbName}`) : undefined, adminPassword: PASSWORD, webDist: null, loginRateLimit: 10_000, secondFactorRoles: [] };
  const platform = await startPlatform(config);
  let worst = 0;
  try {
    const t0 = Date.now();
    await seed(platform);
    console.log(`${engine}: ${ROWS.toLocaleString('en')} incidents seeded and indexed in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const app = await buildApp(platform, { logger: false });
    await app.ready();
    const login = async (email: string, password: string) => {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
      const cookie = res.cookies.find((c) => c.name === 'lachan_session')!;
      return { cookie: `lachan_session=${cookie.value}`, csrf: res.json().csrfToken as string };
    };
    const centre = await login(config.adminEmail, PASSWORD);
    const prov = (await sql<{ id: string }>`select id from organizations where demo_key = 'prov-48'`.execute(platform.db)).rows[0]!.id;
    const created = await app.inject({ method: 'POST', url: '/api/v1/users', headers: { cookie: centre.cookie, 'x-csrf-token': centre.csrf }, payload: { email: 'bench@prov48.example.vn', name: 'Bench', orgId: prov, role: 'analyst', password: PASSWORD } });
    if (created.statusCode !== 201) throw new Error(created.body);
    const analyst = await login('bench@prov48.example.vn', PASSWORD);
    const queries: [string, { cookie: string }, string][] = [
      ['list (centre)', centre, '/api/v1/incidents?limit=50'],
      ['list page 2 (centre)', centre, ''],
      ['list open, severity>=3 (centre)', centre, '/api/v1/incidents?status=open&severity=3&limit=50'],
      ['list (province analyst)', analyst, '/api/v1/incidents?limit=50'],
      ['search common "ma doc" (centre)', centre, '/api/v1/incidents?q=ma%20doc&limit=50'],
      ['search rare "hệ thống 4242 " (centre)', centre, `/api/v1/incidents?q=${encodeURIComponent('hệ thống 4242 ')}&limit=50`],
      ['search "lừa đảo" (province analyst)', analyst, `/api/v1/incidents?q=${encodeURIComponent('lừa đảo')}&limit=50`],
    ];
    const first = await app.inject({ method: 'GET', url: '/api/v1/incidents?limit=50', headers: { cookie: centre.cookie } });
    queries[1]![2] = `/api/v1/incidents?limit=50&cursor=${first.json().nextCursor}`;
    for (const [name, who, url] of queries) {
      const times: number[] = [];
      for (let i = 0; i < RUNS + 5; i++) {
        const s = performance.now();
        const res = await app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });
        if (res.statusCode !== 200) throw new Error(`${name}: ${res.statusCode} ${res.body}`);
        if (i >= 5) times.push(performance.now() - s);
      }
      const p95 = pct(times, 0.95);
      worst = Math.max(worst, p95);
      console.log(`${engine.padEnd(8)} ${name.padEnd(40)} p50=${pct(times, 0.5).toFixed(1)}ms p95=${p95.toFixed(1)}ms`);
    }
    await app.close();
  } finally {
    await stopPlatform(platform);
    rmSync(dir, { recursive: true, force: true });
    if (admin) {
      await admin.query(`drop database if exists ${dbName} with (force)`);
      await admin.end();
    }
  }
  return worst;
}

const engines = await enginesFor(opt.engine);
let worst = 0;
for (const e of engines) worst = Math.max(worst, await runEngine(e));
console.log(`bench:incidents p95=${worst.toFixed(1)}ms target<${TARGET_MS}ms ${worst < TARGET_MS ? 'ok' : 'miss'}`);
