/**
 * bench:assessments — a national assessment campaign at full size: 10,000 organisations, 50,000
 * information systems, one campaign over NIST CSF 2.0 with 5,000,000 answers. Measures, through the
 * real HTTP routes (in-process), the national view and a ministry's view (p95 < 150 ms) and answering
 * and reviewing (p95 < 50 ms), on the embedded engine (temporary data directory) and, when PostgreSQL
 * answers on 127.0.0.1:5432, on a temporary database dropped afterwards. Rows are made inside the
 * database (`insert … select generate_series`), in chunks, and the time each step took is printed.
 * Options: --orgs N --systems-per-org N --answers-per-system N --runs N --engine pglite|postgres|both
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

const { values: opt } = parseArgs({
  options: {
    orgs: { type: 'string', default: '10000' }, 'systems-per-org': { type: 'string', default: '5' }, 'answers-per-system': { type: 'string', default: '100' },
    runs: { type: 'string', default: '30' }, engine: { type: 'string', default: 'both' },
  },
});
const ORGS = Number(opt.orgs);
const PER_ORG = Number(opt['systems-per-org']);
const ANSWERS = Number(opt['answers-per-system']);
const RUNS = Number(opt.runs);
const VIEW_MS = 150;
const WRITE_MS = 50;
const PASSWORD = 'bench-centre-password-1';
const ANSWER_VALUES = ['met', 'met', 'met', 'partly', 'not_met', 'not_applicable'];

type Platform = Awaited<ReturnType<typeof startPlatform>>;

async function step(name: string, fn: () => Promise<unknown>): Promise<void> {
  const t0 = Date.now();
  await fn();
  console.log(`  ${name}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

/** Organisations under the demo ministries and provinces, five systems each, one campaign, its answers. */
async function seed(platform: Platform, catalogueId: string, campaignId: string): Promise<void> {
  const db = platform.db;
  const parents = (await sql<{ id: string }>`select id from organizations where kind in ('ministry', 'province') order by name`.execute(db)).rows.map((r) => r.id);
  const provinces = (await sql<{ code: string }>`select code from provinces order by code`.execute(db)).rows.map((r) => r.code);
  const sectors = (await sql<{ code: string }>`select code from sectors order by code`.execute(db)).rows.map((r) => r.code);
  await step(`${ORGS.toLocaleString('en')} organisations`, async () => {
    await sql`insert into organizations (name, name_folded, kind, parent_id, province_code)
      select 'Đơn vị đánh giá ' || g, 'don vi danh gia ' || g, 'agency', (${parents}::uuid[])[1 + g % ${parents.length}], (${provinces}::text[])[1 + g % ${provinces.length}]
      from generate_series(1, ${ORGS}::int) g`.execute(db);
    await sql`insert into org_sectors (org_id, sector_code) select id, (${sectors}::text[])[1 + abs(hashtext(id::text)) % ${sectors.length}]
      from organizations where name like 'Đơn vị đánh giá %'`.execute(db);
    platform.orgTree.invalidate();
  });
  await step(`${(ORGS * PER_ORG).toLocaleString('en')} systems`, () => sql`insert into information_systems (org_id, name, function_type, data_classes, security_level)
      select o.id, 'Hệ thống ' || s || ' của ' || o.name, 'public_services', '{personal}', 1 + (abs(hashtext(o.id::text)) + s) % 5
      from organizations o cross join generate_series(1, ${PER_ORG}::int) s where o.name like 'Đơn vị đánh giá %'`.execute(db));
  await step('tasks of the campaign', () => sql`insert into assessment_tasks (campaign_id, system_id, org_id, security_level, applicable)
      select ${campaignId}::uuid, s.id, s.org_id, s.security_level, ${ANSWERS}::int from information_systems s join organizations o on o.id = s.org_id
      where o.name like 'Đơn vị đánh giá %'`.execute(db));
  const reqs = (await sql<{ req_id: string }>`select req_id from catalogue_requirements where catalogue_id = ${catalogueId} and cardinality(levels) > 0 order by position limit ${ANSWERS}`.execute(db)).rows.map((r) => r.req_id);
  const tasks = (await sql<{ n: number }>`select count(*)::int as n from assessment_tasks where campaign_id = ${campaignId}`.execute(db)).rows[0]!.n;
  await step(`${(tasks * reqs.length).toLocaleString('en')} answers`, async () => {
    const chunk = 2000;
    const ids = (await sql<{ id: string }>`select id from assessment_tasks where campaign_id = ${campaignId} order by id`.execute(db)).rows.map((r) => r.id);
    for (let i = 0; i < ids.length; i += chunk) {
      await sql`insert into assessment_answers (task_id, req_id, answer, answered_by)
        select t, r, (${ANSWER_VALUES}::text[])[1 + (abs(hashtext(t::text || r)) % ${ANSWER_VALUES.length})], 'bench'
        from unnest(${ids.slice(i, i + chunk)}::uuid[]) t cross join unnest(${reqs}::text[]) r`.execute(db);
    }
  });
  await step('task counters and requirement counts', async () => {
    await sql`update assessment_tasks t set answered = a.answered, met = a.met, partly = a.partly, not_met = a.not_met, not_applicable = a.na
      from (select task_id, count(*)::int as answered, count(*) filter (where answer = 'met')::int as met, count(*) filter (where answer = 'partly')::int as partly,
        count(*) filter (where answer = 'not_met')::int as not_met, count(*) filter (where answer = 'not_applicable')::int as na
        from assessment_answers group by task_id) a where a.task_id = t.id`.execute(db);
    await sql`insert into assessment_org_requirement_counts (campaign_id, org_id, req_id, met, partly, not_met, not_applicable)
      select t.campaign_id, t.org_id, a.req_id, count(*) filter (where a.answer = 'met'), count(*) filter (where a.answer = 'partly'),
        count(*) filter (where a.answer = 'not_met'), count(*) filter (where a.answer = 'not_applicable')
      from assessment_answers a join assessment_tasks t on t.id = a.task_id group by t.campaign_id, t.org_id, a.req_id`.execute(db);
    await sql`insert into assessment_requirement_counts (campaign_id, req_id, security_level, met, partly, not_met, not_applicable)
      select t.campaign_id, a.req_id, coalesce(t.security_level, 0), count(*) filter (where a.answer = 'met'), count(*) filter (where a.answer = 'partly'),
        count(*) filter (where a.answer = 'not_met'), count(*) filter (where a.answer = 'not_applicable')
      from assessment_answers a join assessment_tasks t on t.id = a.task_id group by t.campaign_id, a.req_id, coalesce(t.security_level, 0)`.execute(db);
  });
  await step('analyze', () => sql`analyze`.execute(db));
}

async function runEngine(engine: 'pglite' | 'postgres'): Promise<{ view: number; write: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'lachan-bench-assessments-'));
  const dbName = `lachan_bench_assessments_${process.pid}`;
  const admin = engine === 'postgres' ? new pg.Client({ connectionString: PG_URL }) : null;
  if (admin) {
    await admin.connect();
    await admin.query(`drop database if exists ${dbName}`);
    await admin.query(`create database ${dbName}`);
  }
  const config = { ...loadConfig({}), logLevel: 'silent', dataDir: dir, databaseUrl: admin ? PG_URL.replace(/\/postgres$/, `/${dbName}`) : undefined, adminPassword: PASSWORD, webDist: null, loginRateLimit: 10_000, secondFactorRoles: [] };
  const platform = await startPlatform(config);
  const result = { view: 0, write: 0 };
  try {
    const app = await buildApp(platform, { logger: false });
    await app.ready();
    const login = async (email: string, password: string) => {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
      const cookie = res.cookies.find((c) => c.name === 'lachan_session')!;
      return { cookie: `lachan_session=${cookie.value}`, csrf: res.json().csrfToken as string };
    };
    const call = async (who: { cookie: string; csrf: string }, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => {
      const res = await app.inject({ method, url, headers: { cookie: who.cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': who.csrf }) }, ...(payload ? { payload: payload as object } : {}) });
      if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
      return res;
    };
    const centre = await login(config.adminEmail, PASSWORD);
    const catalogueId = (await call(centre, 'GET', '/api/v1/catalogues')).json().find((c: { code: string }) => c.code === 'NIST-CSF-2.0').id as string;
    // An empty campaign first (no system yet), so that the seed fills exactly the generated organisations.
    const campaign = (await call(centre, 'POST', '/api/v1/assessment-campaigns', {
      title: 'Đánh giá tổng thể an ninh mạng các hệ thống thông tin', catalogueId, dueDate: '2099-11-30', targeting: { sectors: [], provinces: [], orgKinds: ['agency'], levels: [5] },
    })).json();
    const t0 = Date.now();
    console.log(`${engine}: seeding`);
    await seed(platform, catalogueId, campaign.id);
    console.log(`${engine}: seeded in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const newUser = async (orgId: string, role: string, email: string) => {
      await call(centre, 'POST', '/api/v1/users', { email, name: 'Bench', orgId, role, password: PASSWORD });
      return login(email, PASSWORD);
    };
    const ministry = (await sql<{ id: string }>`select o.id from organizations o where o.kind = 'ministry' order by (select count(*) from organizations c where c.parent_id = o.id) desc limit 1`.execute(platform.db)).rows[0]!.id;
    const owned = (await sql<{ org_id: string }>`select org_id from assessment_tasks where campaign_id = ${campaign.id} order by org_id limit 1`.execute(platform.db)).rows[0]!.org_id;
    const soc = (await sql<{ id: string }>`select id from organizations where kind = 'soc_provider' order by name limit 1`.execute(platform.db)).rows[0]!.id;
    const ministryAdmin = await newUser(ministry, 'org_admin', 'ministry@bench.example.vn');
    const owner = await newUser(owned, 'org_admin', 'owner@bench.example.vn');
    const assessor = await newUser(soc, 'analyst', 'assessor@bench.example.vn');
    const ownTasks = (await sql<{ id: string }>`select id from assessment_tasks where campaign_id = ${campaign.id} and org_id = ${owned}`.execute(platform.db)).rows.map((r) => r.id);
    for (const id of ownTasks) await call(owner, 'PUT', `/api/v1/assessment-tasks/${id}/assessor`, { assessorOrgId: soc });
    const reqs = (await sql<{ req_id: string }>`select req_id from assessment_answers where task_id = ${ownTasks[0]} order by req_id`.execute(platform.db)).rows.map((r) => r.req_id);

    const measure = async (name: string, kind: 'view' | 'write', fn: (i: number) => Promise<unknown>) => {
      const times: number[] = [];
      for (let i = 0; i < RUNS + 5; i++) {
        const s = performance.now();
        await fn(i);
        if (i >= 5) times.push(performance.now() - s);
      }
      const p95 = pct(times, 0.95);
      result[kind] = Math.max(result[kind], p95);
      console.log(`${engine.padEnd(8)} ${name.padEnd(36)} p50=${pct(times, 0.5).toFixed(1)}ms p95=${p95.toFixed(1)}ms`);
    };
    const overview = (await call(centre, 'GET', `/api/v1/assessment-campaigns/${campaign.id}/overview`)).json();
    console.log(`${engine}: national view over ${overview.total.tasks.toLocaleString('en')} tasks, ${(overview.total.answered).toLocaleString('en')} answers`);
    await measure('national view (centre)', 'view', () => call(centre, 'GET', `/api/v1/assessment-campaigns/${campaign.id}/overview`));
    await measure('ministry view (ministry admin)', 'view', () => call(ministryAdmin, 'GET', `/api/v1/assessment-campaigns/${campaign.id}/overview`));
    await measure('answer (owner)', 'write', (i) => call(owner, 'PUT', `/api/v1/assessment-tasks/${ownTasks[i % ownTasks.length]}/answers/${reqs[i % reqs.length]}`, { answer: ANSWER_VALUES[i % ANSWER_VALUES.length], comment: `lần ${i}` }));
    await measure('review (assessor)', 'write', (i) => call(assessor, 'PUT', `/api/v1/assessment-tasks/${ownTasks[i % ownTasks.length]}/reviews/${reqs[i % reqs.length]}`, { review: 'confirmed', comment: null }));
    await app.close();
  } finally {
    await stopPlatform(platform);
    rmSync(dir, { recursive: true, force: true });
    if (admin) {
      await admin.query(`drop database if exists ${dbName} with (force)`);
      await admin.end();
    }
  }
  return result;
}

const engines = await enginesFor(opt.engine);
let view = 0;
let write = 0;
for (const e of engines) {
  const r = await runEngine(e);
  view = Math.max(view, r.view);
  write = Math.max(write, r.write);
}
console.log(`views p95=${view.toFixed(1)}ms (target<${VIEW_MS}ms), answering and reviewing p95=${write.toFixed(1)}ms (target<${WRITE_MS}ms)`);
const ok = view < VIEW_MS && write < WRITE_MS;
console.log(`bench:assessments p95=${view.toFixed(1)}ms target<${VIEW_MS}ms ${ok ? 'ok' : 'miss'}`);
