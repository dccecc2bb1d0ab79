import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Exercise, Scenario, ScenarioDocument } from '@lachan/contracts';
import { createTestApp, type Caller, type TestApp } from '../../testing/harness.ts';
import { basicAuth, taxiiClient } from '../../testing/medallion.ts';

let t: TestApp;
let centre: Caller;
let analyst: Caller & { email: string; orgId: string };
let ex: Exercise;
let collectionId: string;
const DRILL_IP = '100.201.7.77';
const REAL_IP = '100.201.7.41';
const label = (en: string) => ({ vi: `${en} (vi)`, en });
const indicator = (n: number, ip: string) => ({
  type: 'indicator', spec_version: '2.1', id: `indicator--e0e0e0e0-0000-4000-8000-00000000000${n}`, created: '2026-12-01T00:00:00.000Z', modified: '2026-12-01T00:00:00.000Z',
  name: `C2 ${ip}`, pattern: `[ipv4-addr:value = '${ip}']`, pattern_type: 'stix', valid_from: '2026-12-01T00:00:00Z', indicator_types: ['malicious-activity'], confidence: 80,
  object_marking_refs: ['marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da'],
});

/** Uploads a bundle (in an exercise, or as real knowledge) and waits for its intake run to finish. */
async function upload(c: Caller, objects: unknown[], exerciseId?: string): Promise<number> {
  const res = await c.post(`/api/v1/intel/bundles${exerciseId ? `?exerciseId=${exerciseId}` : ''}`, { type: 'bundle', id: 'bundle--5d0092c5-5f74-4287-9642-33f4c354e56e', objects });
  if (res.statusCode !== 202) return res.statusCode;
  for (let i = 0; i < 100; i++) {
    if ((await c.get(`/api/v1/intel/intake-runs/${res.json().runId}`)).json().status !== 'running') return 202;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('intake run did not finish');
}

const scenario = (): ScenarioDocument => ({
  schema: 'lachan-exercise/1', key: 'ioc-drill', title: label('IOC drill'), summary: label('The team shares the C2.'), durationMinutes: 60,
  injects: [{ key: 'tip', offsetMinutes: 0, kind: 'message', title: label('A tip'), message: { from: 'CERT', subject: label('C2'), body: label(`The C2 is ${DRILL_IP}.`) },
    expectations: [{ key: 'ioc', kind: 'indicator_added', label: label('Share the C2'), points: 10, withinMinutes: 30, value: DRILL_IP }] }],
});

beforeAll(async () => {
  t = await createTestApp();
  centre = await t.userIn('ncc', 'national_coordinator');
  analyst = await t.userIn('bank-sgb', 'analyst');
  const sc = (await centre.post('/api/v1/exercises/scenarios', scenario())).json() as Scenario;
  ex = (await centre.post('/api/v1/exercises', { scenarioId: sc.id, teamOrgIds: [analyst.orgId], speed: 1 })).json() as Exercise;
  expect((await centre.post(`/api/v1/exercises/${ex.id}/start`)).statusCode).toBe(200);
  const res = await t.admin.post('/api/v1/intel/collections', { title: 'Shared', tlpCeiling: 'AMBER', grants: [{ orgId: analyst.orgId, canRead: true, canWrite: true }] });
  collectionId = res.json().id as string;
  // The team adds the drill's C2 in the exercise, and a real indicator outside it.
  expect(await upload(analyst, [indicator(1, DRILL_IP)], ex.id)).toBe(202);
  expect(await upload(analyst, [indicator(2, REAL_IP)])).toBe(202);
  // Even put into a TAXII collection by hand, the exercise's indicator is never served.
  for (const n of [1, 2]) {
    await sql`insert into taxii_collection_objects (collection_id, object_id, version, is_first, is_last)
      select ${collectionId}, id, version, true, true from stix_objects where id = ${indicator(n, '').id}`.execute(t.platform.db);
  }
  await t.platform.workers.indicators.refresh();
});
afterAll(() => t?.close());

describe('indicators a team adds in an exercise stay the exercise\'s', () => {
  it('are stored tagged with the exercise, and score the team\'s expectation', async () => {
    const rows = (await sql<{ id: string; exercise_id: string | null }>`select id, exercise_id from stix_objects where id like 'indicator--e0e0e0e0%' order by id`.execute(t.platform.db)).rows;
    expect(rows.map((r) => r.exercise_id)).toEqual([ex.id, null]);
    await t.platform.relay.flush();
    for (let i = 0; i < 60; i++) {
      const board = (await centre.get(`/api/v1/exercises/${ex.id}/scoreboard`)).json();
      if (board.teams[0].met === 1) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect((await centre.get(`/api/v1/exercises/${ex.id}/scoreboard`)).json().teams[0].met).toBe(1);
  });

  it('are only added by a team of a run under way', async () => {
    const other = await t.userIn('bank-svb', 'analyst');
    expect(await upload(other, [indicator(3, '100.201.7.78')], ex.id)).toBe(404);
  });

  it('are left out of every export (txt, suricata, rpz, csv, stix)', async () => {
    for (const format of ['txt', 'suricata', 'rpz', 'csv', 'stix']) {
      const body = (await t.admin.get(`/api/v1/intel/exports/${format}`)).body;
      // A DNS policy zone lists names, not addresses: there only the absence is checked.
      if (format !== 'rpz') expect(body, format).toContain(REAL_IP);
      expect(body, format).not.toContain(DRILL_IP);
    }
  });

  it('are not served by TAXII, though in a collection', async () => {
    const taxii = taxiiClient(t.app, () => basicAuth(analyst.email, 'a-long-test-password'));
    const res = await taxii.get(`/taxii2/lachan/collections/${collectionId}/objects/`);
    expect(res.statusCode).toBe(200);
    const ids = (res.json().objects as { id: string }[]).map((o) => o.id);
    expect(ids).toContain(indicator(2, '').id);
    expect(ids).not.toContain(indicator(1, '').id);
  });

  it('are not listed by TAXII\'s manifest, nor served as one object or its versions', async () => {
    const taxii = taxiiClient(t.app, () => basicAuth(analyst.email, 'a-long-test-password'));
    const base = `/taxii2/lachan/collections/${collectionId}`;
    const manifest = await taxii.get(`${base}/manifest/`);
    expect(manifest.statusCode).toBe(200);
    expect(manifest.body).toContain(indicator(2, '').id);
    expect(manifest.body).not.toContain(indicator(1, '').id);
    for (const n of [1, 2]) {
      const one = await taxii.get(`${base}/objects/${indicator(n, '').id}/`);
      const versions = await taxii.get(`${base}/objects/${indicator(n, '').id}/versions/`);
      if (n === 2) {
        expect(one.body).toContain(REAL_IP);
        expect(versions.json().versions).toEqual(['2026-12-01T00:00:00.000Z']);
      } else {
        expect(one.body).not.toContain(DRILL_IP);
        expect(versions.json().versions ?? []).toEqual([]);
      }
    }
  });

  it('are not in the knowledge base', async () => {
    const list = (await t.admin.get('/api/v1/intel/objects?type=indicator&limit=100')).json();
    const names = JSON.stringify(list);
    expect(names).toContain(REAL_IP);
    expect(names).not.toContain(DRILL_IP);
    expect((await t.admin.get(`/api/v1/intel/objects/${indicator(1, '').id}`)).statusCode).toBe(404);
  });

  it('are shown to the run\'s team and white team when they ask for the exercise, never to others nor in the real list', async () => {
    const drillId = indicator(1, '').id;
    const mine = (await analyst.get(`/api/v1/intel/objects?type=indicator&limit=100&exerciseId=${ex.id}`)).json() as { items: { id: string }[] };
    expect(mine.items.map((o) => o.id)).toEqual([drillId]);
    expect(JSON.stringify((await analyst.get('/api/v1/intel/objects?type=indicator&limit=100')).json())).not.toContain(DRILL_IP);
    const one = await analyst.get(`/api/v1/intel/objects/${drillId}?exerciseId=${ex.id}`);
    expect(one.statusCode).toBe(200);
    expect(JSON.stringify(one.json())).toContain(DRILL_IP);
    expect((await analyst.get(`/api/v1/intel/objects/${drillId}`)).statusCode).toBe(404);
    expect((await analyst.get(`/api/v1/intel/objects/${drillId}/versions?exerciseId=${ex.id}`)).statusCode).toBe(200);
    // Real knowledge is not read through the exercise.
    expect((await analyst.get(`/api/v1/intel/objects/${indicator(2, '').id}?exerciseId=${ex.id}`)).statusCode).toBe(404);
    // The white team (the centre) sees it; another organisation learns nothing.
    expect((await centre.get(`/api/v1/intel/objects?exerciseId=${ex.id}`)).json().items.map((o: { id: string }) => o.id)).toEqual([drillId]);
    const other = await t.userIn('bank-svb', 'analyst');
    expect((await other.get(`/api/v1/intel/objects?exerciseId=${ex.id}`)).statusCode).toBe(404);
    expect((await other.get(`/api/v1/intel/objects/${drillId}?exerciseId=${ex.id}`)).statusCode).toBe(404);
    expect((await analyst.get('/api/v1/intel/objects?exerciseId=not-a-uuid')).statusCode).toBe(400);
  });

  it('never match a real alert', async () => {
    const key = await t.keyFor('bank-svb', 'connector');
    const lines = [{ title: 'drill c2 seen for real', severity: 'high', src: { ip: DRILL_IP } }, { title: 'real c2 seen', severity: 'high', src: { ip: REAL_IP } }].map((x) => JSON.stringify(x)).join('\n');
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/ingest/lachan', headers: { authorization: `Bearer ${key.key}`, 'content-type': 'application/x-ndjson' }, payload: lines });
    expect(res.statusCode).toBe(202);
    const items = (await t.admin.get('/api/v1/alerts?limit=20')).json().items as { id: string; title: string }[];
    const matches = async (title: string) => (await t.admin.get(`/api/v1/alerts/${items.find((a) => a.title === title)!.id}`)).json().indicatorMatches as unknown[];
    expect(await matches('drill c2 seen for real')).toEqual([]);
    expect((await matches('real c2 seen')).length).toBe(1);
  });

  it('cannot change real knowledge from an exercise', async () => {
    const changed = { ...indicator(2, REAL_IP), modified: '2026-12-02T00:00:00.000Z', name: 'hijacked' };
    expect(await upload(analyst, [changed], ex.id)).toBe(202);
    const latest = (await sql<{ name: string }>`select object->>'name' as name from stix_objects where id = ${changed.id} order by version desc limit 1`.execute(t.platform.db)).rows[0]!;
    expect(latest.name).toBe(`C2 ${REAL_IP}`);
  });
});
