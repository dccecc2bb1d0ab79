import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssessmentOverview } from '@lachan/contracts';
import { createTestApp, type Caller, type TestApp } from '../../testing/harness.ts';

let t: TestApp;
let catalogueId: string;
const ORGS = ['ag-tax', 'ag-treasury-38', 'ag-vehicle', 'health-taybac', 'bank-sgb', 'prov-79'];
const ANSWERS = ['met', 'partly', 'not_met', 'not_applicable'];

/** A seeded pseudo-random sequence, so that a failure replays. */
function random(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
}

beforeAll(async () => {
  t = await createTestApp();
  const res = await t.admin.post('/api/v1/catalogues', {
    format: 'lachan-catalogue/1', code: 'ROLLUP', version: '1', name: { vi: 'Bộ thử', en: 'Test set' }, source: 'made for the test suite', licence: 'CC0',
    requirements: [
      { id: 'G', parent: null, text: { vi: 'Nhóm', en: 'Group' }, levels: [] },
      ...['G.1', 'G.2', 'G.3', 'G.4', 'G.5'].map((id, i) => ({ id, parent: 'G', text: { vi: `Yêu cầu ${i + 1}`, en: `Requirement ${i + 1}` }, levels: i < 3 ? [1, 2, 3, 4, 5] : [3, 4, 5] })),
    ],
  });
  expect(res.statusCode, res.body).toBe(201);
  catalogueId = res.json().id;
});
afterAll(() => t?.close());

let seq = 0;
async function launch(title: string, dueDate: string): Promise<string> {
  const res = await t.admin.post('/api/v1/assessment-campaigns', { title, catalogueId, dueDate, targeting: { sectors: [], provinces: [], orgKinds: [], levels: [] } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}
/** Answers a random share of each task's requirements with random answers, through the API, and signs a few. */
async function answerRandomly(campaignId: string, next: () => number): Promise<void> {
  for (const key of ORGS) {
    const owner: Caller = await t.userIn(key, 'org_admin');
    const tasks = (await owner.get(`/api/v1/assessment-tasks?campaignId=${campaignId}`)).json().items as { id: string; securityLevel: number | null }[];
    for (const task of tasks) {
      const reqs = task.securityLevel !== null && task.securityLevel < 3 ? ['G.1', 'G.2', 'G.3'] : ['G.1', 'G.2', 'G.3', 'G.4', 'G.5'];
      for (const req of reqs) {
        if (next() < 0.3) continue;
        const res = await owner.put(`/api/v1/assessment-tasks/${task.id}/answers/${req}`, { answer: ANSWERS[Math.floor(next() * ANSWERS.length)], comment: null });
        expect(res.statusCode, res.body).toBe(200);
        // Some answers change their mind: the roll-up must move with them.
        if (next() < 0.2) await owner.put(`/api/v1/assessment-tasks/${task.id}/answers/${req}`, { answer: ANSWERS[Math.floor(next() * ANSWERS.length)], comment: 'sửa' });
      }
    }
  }
  // A few tasks are signed (submitted counts) by marking them as the service does.
  await sql`update assessment_tasks set status = 'submitted', version = 1 where campaign_id = ${campaignId} and abs(hashtext(id::text)) % 3 = 0`.execute(t.platform.db);
}

type Direct = { key: string; tasks: number; submitted: number; applicable: number; answered: number; met: number; partly: number; not_met: number; not_applicable: number };
const SUMS = sql`count(*)::int as tasks, count(*) filter (where version > 0)::int as submitted, sum(applicable)::int as applicable, sum(answered)::int as answered,
  sum(met)::int as met, sum(partly)::int as partly, sum(not_met)::int as not_met, sum(not_applicable)::int as not_applicable`;
/** The direct aggregate of the tasks (what the views computed before the roll-up). */
async function direct(campaignId: string, by: 'org' | 'level'): Promise<Direct[]> {
  const key = by === 'org' ? sql`org_id::text` : sql`coalesce(security_level, 0)::text`;
  return (await sql<Direct>`select ${key} as key, ${SUMS} from assessment_tasks where campaign_id = ${campaignId} group by 1 order by 1`.execute(t.platform.db)).rows;
}
async function rolled(campaignId: string, by: 'org' | 'level'): Promise<Direct[]> {
  const [table, key] = by === 'org' ? [sql`assessment_org_tallies`, sql`org_id::text`] : [sql`assessment_level_tallies`, sql`security_level::text`];
  return (await sql<Direct>`select ${key} as key, tasks, submitted, applicable, answered, met, partly, not_met, not_applicable from ${table}
    where campaign_id = ${campaignId} and tasks > 0 order by 1`.execute(t.platform.db)).rows;
}

describe('the roll-up behind the national view', () => {
  let first: string;
  let second: string;
  beforeAll(async () => {
    for (const key of ORGS) {
      const orgId = await t.org(key);
      for (const level of [null, 1, 2, 3, 4, 5]) {
        const res = await t.admin.post('/api/v1/systems', { orgId, name: `Hệ thống ${++seq}`, functionType: 'other', dataClasses: [], ...(level ? { securityLevel: level } : {}) });
        expect(res.statusCode, res.body).toBe(201);
      }
    }
    first = await launch('Đánh giá năm 2025', '2098-11-30');
    await answerRandomly(first, random(7));
    second = await launch('Đánh giá năm 2026', '2099-11-30');
    await answerRandomly(second, random(2026));
  });

  it('equals the direct aggregate of the tasks, by organisation and by level, after random answers and changes', async () => {
    for (const c of [first, second]) {
      expect(await rolled(c, 'org')).toEqual(await direct(c, 'org'));
      expect(await rolled(c, 'level')).toEqual(await direct(c, 'level'));
    }
    const total = (await direct(second, 'level')).reduce((n, r) => n + r.answered, 0);
    expect(total).toBeGreaterThan(20);
  });

  it('gives the national and a ministry view the same figures as the direct aggregate', async () => {
    const o: AssessmentOverview = (await t.admin.get(`/api/v1/assessment-campaigns/${second}/overview`)).json();
    const levels = await direct(second, 'level');
    const sum = (k: keyof Direct) => levels.reduce((n, r) => n + (r[k] as number), 0);
    expect(o.total).toMatchObject({ tasks: sum('tasks'), submitted: sum('submitted'), applicable: sum('applicable'), answered: sum('answered'), met: sum('met'), notMet: sum('not_met') });
    expect(o.byLevel.map((l) => [l.level ?? 0, l.tasks, l.met, l.partly]).sort()).toEqual(levels.map((l) => [Number(l.key), l.tasks, l.met, l.partly]).sort());
    expect(o.campaign).toMatchObject({ tasks: sum('tasks'), submitted: sum('submitted') });
    const fin = await t.org('min-fin');
    const ministry: AssessmentOverview = (await (await t.userIn('min-fin', 'org_admin')).get(`/api/v1/assessment-campaigns/${second}/overview`)).json();
    const subtree = [...t.platform.orgTree.subtree(fin)];
    const mine = (await direct(second, 'org')).filter((r) => subtree.includes(r.key));
    expect(ministry.total.tasks).toBe(mine.reduce((n, r) => n + r.tasks, 0));
    expect(ministry.total.met).toBe(mine.reduce((n, r) => n + r.met, 0));
    expect(ministry.byLevel.reduce((n, l) => n + l.tasks, 0)).toBe(ministry.total.tasks);
  });

  it('compares with the previous campaign on the same catalogue', async () => {
    const o: AssessmentOverview = (await t.admin.get(`/api/v1/assessment-campaigns/${second}/overview`)).json();
    expect(o.trends.map((x) => x.campaignId)).toEqual([first, second]);
    const before = await direct(first, 'level');
    const now = await direct(second, 'level');
    const pct = (rows: Direct[], n: (r: Direct) => number, d: (r: Direct) => number) =>
      Math.round((1000 * rows.reduce((s, r) => s + n(r), 0)) / rows.reduce((s, r) => s + d(r), 0)) / 10;
    const compliance = (rows: Direct[]) => pct(rows, (r) => r.met, (r) => r.answered - r.not_applicable);
    const completion = (rows: Direct[]) => pct(rows, (r) => r.submitted, (r) => r.tasks);
    expect(o.comparison).toMatchObject({
      previous: { campaignId: first, title: 'Đánh giá năm 2025', dueDate: '2098-11-30' },
      completion: { current: completion(now), previous: completion(before) },
      compliance: { current: compliance(now), previous: compliance(before) },
    });
    expect(o.comparison!.compliance.delta).toBeCloseTo(compliance(now) - compliance(before), 1);
    const deltas = o.comparison!.requirements.map((r) => r.delta!);
    expect(deltas).toEqual([...deltas].sort((a, b) => a - b));
    const firstView: AssessmentOverview = (await t.admin.get(`/api/v1/assessment-campaigns/${first}/overview`)).json();
    expect(firstView.comparison).toBeNull();
  });
});
