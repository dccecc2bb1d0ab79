import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Exercise, Scenario, ScenarioDocument, SystemActivity } from '@lachan/contracts';
import { createTestApp, type Caller, type TestApp } from '../../testing/harness.ts';
import { IngestService } from '../alerts/index.ts';

// A system's page shows what really happens on it: an exercise's alerts (sent through its connectors),
// its incidents and the indicators a team adds while playing never appear there (issue 16 with issue 17).

let t: TestApp;
let tax: string;
let owner: Caller;
let analyst: Caller;
let outsider: Caller;
let sys: string;
let ex: Exercise;
const DRILL_IP = '100.201.9.77';
const REAL_IP = '100.201.9.41';
const label = (en: string) => ({ vi: `${en} (vi)`, en });
const indicator = (n: number, ip: string) => ({
  type: 'indicator', spec_version: '2.1', id: `indicator--d1d1d1d1-0000-4000-8000-00000000000${n}`, created: '2026-12-01T00:00:00.000Z', modified: '2026-12-01T00:00:00.000Z',
  name: `C2 ${ip}`, pattern: `[ipv4-addr:value = '${ip}']`, pattern_type: 'stix', valid_from: '2026-12-01T00:00:00Z', indicator_types: ['malicious-activity'], confidence: 80,
  object_marking_refs: ['marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da'],
});
const scenario = (): ScenarioDocument => ({
  schema: 'lachan-exercise/1', key: 'system-drill', title: label('System drill'), summary: label('Alerts on the tax portal.'), durationMinutes: 60,
  injects: [{ key: 'tip', offsetMinutes: 0, kind: 'message', title: label('A tip'), message: { from: 'CERT', subject: label('C2'), body: label(`The C2 is ${DRILL_IP}.`) }, expectations: [] }],
});
/** An alert about the system's address, carrying one attacker address as an observable. */
const alertOn = (title: string, severity: string, attacker: string) => JSON.stringify({
  title, severity, rule: { id: title }, src: { ip: attacker }, dst: { ip: '198.18.9.5', port: 443 }, observables: [{ type: 'ipv4', value: attacker, role: 'src' }],
});
async function upload(c: Caller, objects: unknown[], exerciseId?: string): Promise<void> {
  const res = await c.post(`/api/v1/intel/bundles${exerciseId ? `?exerciseId=${exerciseId}` : ''}`, { type: 'bundle', id: 'bundle--5d0092c5-5f74-4287-9642-33f4c354e56f', objects });
  expect(res.statusCode, res.body).toBe(202);
  for (let i = 0; i < 100; i++) {
    if ((await c.get(`/api/v1/intel/intake-runs/${res.json().runId}`)).json().status !== 'running') return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('intake run did not finish');
}
const settle = async () => {
  await t.platform.relay.flush();
  await t.platform.workers.promotion.idle();
};
const activity = async (who: Caller = analyst): Promise<SystemActivity> => {
  const res = await who.get(`/api/v1/systems/${sys}/activity`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

beforeAll(async () => {
  t = await createTestApp();
  tax = await t.org('ag-tax');
  owner = await t.userIn('ag-tax', 'org_admin');
  analyst = await t.userIn('ag-tax', 'analyst');
  outsider = await t.userIn('prov-79', 'analyst');
  const centre = await t.userIn('ncc', 'national_coordinator');
  const asset = (await owner.post(`/api/v1/orgs/${tax}/assets`, { kind: 'cidr', value: '198.18.9.0/28' })).json().id;
  const created = await owner.post('/api/v1/systems', { orgId: tax, name: 'Cổng thuế điện tử', functionType: 'public_services', dataClasses: ['personal'], securityLevel: 4, assetIds: [asset] });
  expect(created.statusCode, created.body).toBe(201);
  sys = created.json().id;
  const sc = (await centre.post('/api/v1/exercises/scenarios', scenario())).json() as Scenario;
  ex = (await centre.post('/api/v1/exercises', { scenarioId: sc.id, teamOrgIds: [tax], speed: 1 })).json() as Exercise;
  expect((await centre.post(`/api/v1/exercises/${ex.id}/start`)).statusCode).toBe(200);
  // The team adds the drill's C2 in the exercise; the knowledge base knows a real C2.
  await upload(analyst, [indicator(1, DRILL_IP)], ex.id);
  await upload(t.admin, [indicator(2, REAL_IP)]);
  await t.platform.workers.indicators.refresh();

  // A real alert carries the drill's address; the exercise's connector sends the real C2 and a critical alert.
  const key = await t.keyFor('ag-tax', 'connector');
  const real = await key.request('POST', '/api/v1/ingest/lachan', Buffer.from(alertOn('real-probe', 'low', DRILL_IP)), { 'content-type': 'application/x-ndjson' });
  expect(real.statusCode, real.body).toBe(202);
  const drill = await new IngestService(t.platform).ingestExercise({
    exerciseId: ex.id, orgId: tax, connector: 'drill-sensor', format: 'lachan', records: [alertOn('drill-beacon', 'low', REAL_IP), alertOn('drill-exploit', 'critical', '203.0.113.66')],
  });
  expect(drill.accepted).toBe(2);
  await settle();
});
afterAll(() => t?.close());

describe('a system page leaves exercises out', () => {
  it('counts and lists only real open alerts, and only real connectors as its connection', async () => {
    const a = await activity();
    expect(a.openAlerts.count).toBe(1);
    expect(a.openAlerts.latest.map((x) => x.title)).toEqual(['real-probe']);
    expect(a.layers.connection.connectors.map((c) => c.name)).not.toContain('drill-sensor');
    expect(a.layers.connection.connectors).toHaveLength(1);
  });

  it('shows no indicator matched by an exercise alert, nor an indicator a team added in the exercise', async () => {
    const stored = (await sql<{ exercise_id: string | null }>`select exercise_id from stix_objects where id = ${indicator(1, '').id}`.execute(t.platform.db)).rows;
    expect(stored.map((r) => r.exercise_id)).toEqual([ex.id]);
    expect((await activity()).indicatorsMatched).toEqual([]);
  });

  it('does not list the exercise\'s incidents, even one a team named the system on', async () => {
    const drill = (await sql<{ id: string }>`select id from incidents where group_key like ${`exercise:${ex.id}:%`}`.execute(t.platform.db)).rows;
    expect(drill).toHaveLength(1);
    const put = await analyst.put(`/api/v1/incidents/${drill[0]!.id}/systems`, { systemIds: [sys] });
    expect(put.statusCode, put.body).toBe(200);
    const real = await analyst.post('/api/v1/incidents', { orgId: tax, title: 'Sự cố thật trên cổng thuế', severity: 2 });
    expect((await analyst.put(`/api/v1/incidents/${real.json().id}/systems`, { systemIds: [sys] })).statusCode).toBe(200);
    expect((await activity()).incidents.map((i) => i.id)).toEqual([real.json().id]);
    // Another organisation reads none of it.
    expect((await outsider.get(`/api/v1/systems/${sys}/activity`)).statusCode).toBe(404);
  });

  it('tags the exercise\'s incidents from the start, and a team\'s own incident from its inject\'s alerts brings no real system nor its legal clocks', async () => {
    const promoted = (await sql<{ exercise_id: string | null }>`select exercise_id from incidents where group_key like ${`exercise:${ex.id}:%`}`.execute(t.platform.db)).rows;
    expect(promoted.map((r) => r.exercise_id)).toEqual([ex.id]);
    // The drill's critical alert is on the system's address (198.18.9.5).
    const drillAlerts = (await analyst.get(`/api/v1/alerts?exerciseId=${ex.id}&limit=10`)).json().items as { id: string; title: string }[];
    const exploit = drillAlerts.find((a) => a.title === 'drill-exploit')!;
    const made = await analyst.post('/api/v1/incidents', { orgId: tax, title: 'Khai thác trên cổng thuế (diễn tập)', severity: 2, alertIds: [exploit.id] });
    expect(made.statusCode, made.body).toBe(201);
    const incident = (await analyst.get(`/api/v1/incidents/${made.json().id}`)).json();
    expect(incident.exerciseId).toBe(ex.id);
    expect(incident.severity).toBe(2);
    expect(incident.systems).toEqual([]);
  });
});
