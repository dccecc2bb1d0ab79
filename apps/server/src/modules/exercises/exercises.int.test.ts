import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Exercise, InboxItem, Scenario, Scoreboard, TeamReport } from '@lachan/contracts';
import { createTestApp, type Caller, type TestApp } from '../../testing/harness.ts';
import { shortScenario } from './exercise-fixture.ts';

let t: TestApp;
let centre: Caller;
let teamA: Caller;
let teamB: Caller;
let outsider: Caller;
let orgA: string;
let orgB: string;

const json = <T>(res: { statusCode: number; body: string; json(): unknown }, status: number): T => {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
};
/** Waits (driving the runner) until `ok` holds. */
async function until<T>(what: () => Promise<T>, ok: (v: T) => boolean, label: string): Promise<T> {
  for (let i = 0; i < 200; i++) {
    await t.platform.relay.flush();
    const v = await what();
    if (ok(v)) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${label}`);
}

beforeAll(async () => {
  t = await createTestApp();
  centre = await t.userIn('ncc', 'national_coordinator');
  teamA = await t.userIn('health-taybac', 'analyst');
  teamB = await t.userIn('health-hoasua', 'analyst');
  outsider = await t.userIn('prov-79', 'org_admin');
  orgA = await t.org('health-taybac');
  orgB = await t.org('health-hoasua');
});
afterAll(async () => t?.close());

describe('scenarios as data', () => {
  it('lists the three templates, exports one as JSON and imports it back under a new key', async () => {
    const list = json<{ items: Scenario[] }>(await centre.get('/api/v1/exercises/scenarios'), 200).items;
    expect(list.filter((s) => s.template).map((s) => s.key)).toEqual(['ddos-banks', 'ransomware-hospital', 'soc-provider-intrusion']);
    const tpl = list.find((s) => s.key === 'ddos-banks')!;
    const res = await centre.get(`/api/v1/exercises/scenarios/${tpl.id}/export`);
    expect(res.headers['content-disposition']).toContain('lachan-scenario-ddos-banks.json');
    const doc = json<Scenario['document']>(res, 200);
    const copy = json<Scenario>(await centre.post('/api/v1/exercises/scenarios', { ...doc, key: 'ddos-banks-copy' }), 201);
    expect(copy.template).toBe(false);
    expect(copy.injects).toBe(doc.injects.length);
    expect(json<{ error: { code: string } }>(await centre.post('/api/v1/exercises/scenarios', { ...doc, key: 'ddos-banks-copy' }), 409).error.code).toBe('conflict');
    // Templates are not edited in place.
    expect((await centre.put(`/api/v1/exercises/scenarios/${tpl.id}`, doc)).statusCode).toBe(403);
    const edited = json<Scenario>(await centre.put(`/api/v1/exercises/scenarios/${copy.id}`, { ...doc, key: 'ddos-banks-copy', durationMinutes: 200 }), 200);
    expect(edited.durationMinutes).toBe(200);
  });

  it('refuses an unknown field (closed schema) and a document with problems, naming each', async () => {
    const doc = shortScenario('bad');
    expect(json<{ error: { code: string } }>(await centre.post('/api/v1/exercises/scenarios', { ...doc, colour: 'red' }), 400).error.code).toBe('validation_failed');
    const bad = { ...doc, injects: [{ ...doc.injects[0]!, alerts: { ...doc.injects[0]!.alerts!, records: ['not a wazuh alert'] } }, doc.injects[0]!] };
    const err = json<{ error: { details: { problems: { path: string }[] } } }>(await centre.post('/api/v1/exercises/scenarios', bad), 400);
    expect(err.error.details.problems.map((p) => p.path)).toEqual(['injects[0].alerts.records[0]', 'injects[1].key']);
  });

  it('is for the centre or a ministry: a province admin and an analyst are refused', async () => {
    expect((await outsider.get('/api/v1/exercises/scenarios')).statusCode).toBe(403);
    expect((await teamA.get('/api/v1/exercises/scenarios')).statusCode).toBe(403);
  });
});

describe('a run', () => {
  let ex: Exercise;
  const board = () => centre.get(`/api/v1/exercises/${ex.id}/scoreboard`).then((r) => json<Scoreboard>(r, 200));
  const inbox = (who: Caller, org: string) => who.get(`/api/v1/exercises/${ex.id}/teams/${org}/inbox`).then((r) => json<{ items: InboxItem[] }>(r, 200).items);

  it('is scheduled for two teams, starts, and delivers each inject to each team through the platform', async () => {
    const sc = json<Scenario>(await centre.post('/api/v1/exercises/scenarios', shortScenario()), 201);
    ex = json<Exercise>(await centre.post('/api/v1/exercises', { scenarioId: sc.id, teamOrgIds: [orgA, orgB], speed: 20 }), 201);
    expect(ex.status).toBe('scheduled');
    expect((await outsider.get(`/api/v1/exercises/${ex.id}`)).statusCode).toBe(404);
    expect((await teamA.post(`/api/v1/exercises/${ex.id}/start`)).statusCode).toBe(403);
    ex = json<Exercise>(await centre.post(`/api/v1/exercises/${ex.id}/start`), 200);
    expect(ex.status).toBe('running');
    const items = await until(() => inbox(teamA, orgA), (i) => i.length >= 4, 'first injects');
    expect(items[0]).toMatchObject({ injectKey: 'alerts', kind: 'alerts', alerts: 3 });
    // The alerts are the team's own, through its exercise connector, tagged with the exercise.
    const tagged = await sql<{ n: number }>`select count(*)::int as n from alerts a join alert_sources s on s.id = a.source_id where s.exercise_id = ${ex.id} and a.org_id = ${orgA}`.execute(t.platform.db);
    expect(tagged.rows[0]!.n).toBe(3);
    // The team sees the run as a team, never the scoreboard.
    expect(json<{ items: Exercise[] }>(await teamA.get('/api/v1/exercises'), 200).items.find((e) => e.id === ex.id)?.role).toBe('team');
    expect((await teamA.get(`/api/v1/exercises/${ex.id}/scoreboard`)).statusCode).toBe(403);
    expect((await teamA.get(`/api/v1/exercises/${ex.id}/teams/${orgB}/inbox`)).statusCode).toBe(404);
  });

  it('scores what a team does in the platform: incident, Circular 20 report, support request, task, warning acknowledged', async () => {
    const alerts = json<{ items: { id: string }[] }>(await teamA.get(`/api/v1/alerts?orgId=${orgA}&exercise=true&limit=10`), 200).items;
    const incident = json<{ id: string }>(await teamA.post('/api/v1/incidents', { title: 'Ransomware on HIS', severity: 3, alertIds: alerts.slice(0, 3).map((a) => a.id) }), 201);
    json(await teamA.post(`/api/v1/incidents/${incident.id}/reports`, { kind: 'initial', content: { description: 'HIS encrypted', category: 'malware' } }), 201);
    const centreOrg = await t.org('ncc');
    json(await teamA.post(`/api/v1/incidents/${incident.id}/support-requests`, { toOrgId: centreOrg, message: 'Need forensics' }), 201);
    const task = json<{ id: string }>(await teamA.post(`/api/v1/incidents/${incident.id}/tasks`, { title: 'Isolate HIS segment' }), 201);
    json(await teamA.patch(`/api/v1/incidents/${incident.id}/tasks/${task.id}`, { status: 'done' }), 200);
    const items = await until(() => inbox(teamA, orgA), (i) => i.some((x) => x.injectKey === 'warn'), 'the warning');
    const warningId = items.find((x) => x.injectKey === 'warn')!.warningId!;
    json(await teamA.post(`/api/v1/warnings/${warningId}/ack`, {}), 200);
    const s = await until(board, (b) => b.teams.find((x) => x.orgId === orgA)!.met >= 5, 'team A scored');
    const a = s.teams.find((x) => x.orgId === orgA)!;
    const b = s.teams.find((x) => x.orgId === orgB)!;
    expect(a.points).toBe(100 + 50 + 30 + 20 + 10);
    expect(b.points).toBe(0);
    expect(s.teams[0]!.orgId).toBe(orgA);
    // No warning of an exercise goes out by webhook or e-mail.
    const out = await sql<{ n: number }>`select count(*)::int as n from warning_deliveries where warning_id = ${warningId}`.execute(t.platform.db);
    expect(out.rows[0]!.n).toBe(0);
  });

  it('pauses (scenario time stands still), speeds up, takes a manual inject for one team, judges and ends', async () => {
    const paused = json<Exercise>(await centre.post(`/api/v1/exercises/${ex.id}/pause`), 200);
    await new Promise((r) => setTimeout(r, 300));
    expect(json<Exercise>(await centre.get(`/api/v1/exercises/${ex.id}`), 200).elapsedMinutes).toBe(paused.elapsedMinutes);
    expect((await centre.post(`/api/v1/exercises/${ex.id}/pause`)).statusCode).toBe(409);
    json(await centre.post(`/api/v1/exercises/${ex.id}/speed`, { speed: 120 }), 200);
    json(await centre.post(`/api/v1/exercises/${ex.id}/resume`), 200);
    const manual = { key: 'boss', offsetMinutes: 0, kind: 'pressure', title: { vi: 'Sếp gọi', en: 'The boss calls' },
      message: { from: 'Director', channel: 'management', subject: { vi: 'Khi nào?', en: 'When?' }, body: { vi: 'Báo cáo ngay.', en: 'Report now.' } }, expectations: [] };
    json(await centre.post(`/api/v1/exercises/${ex.id}/injects`, { inject: manual, teamOrgIds: [orgB] }), 200);
    await until(() => inbox(teamB, orgB), (i) => i.some((x) => x.injectKey === 'boss'), 'the manual inject');
    expect((await inbox(teamA, orgA)).some((x) => x.injectKey === 'boss')).toBe(false);
    const judged = json<Scoreboard>(await centre.post(`/api/v1/exercises/${ex.id}/judgements`, { teamOrgId: orgB, injectKey: 'call', expectationKey: 'statement', met: true, note: 'clear statement' }), 200);
    expect(judged.teams.find((x) => x.orgId === orgB)!.points).toBe(40);
    json(await centre.post(`/api/v1/exercises/${ex.id}/lessons`, { teamOrgId: orgA, body: 'Report came fast; statement to the press missing.' }), 201);
    expect((await teamA.get(`/api/v1/exercises/${ex.id}/teams/${orgA}/report`)).statusCode).toBe(403);
    const ended = json<Exercise>(await centre.post(`/api/v1/exercises/${ex.id}/end`), 200);
    expect(ended.status).toBe('ended');
    const final = await board();
    expect(final.teams.find((x) => x.orgId === orgB)!.missed).toBeGreaterThan(0);
  });

  it('gives each team its after-action report once ended, and replays the run', async () => {
    const report = json<TeamReport>(await teamA.get(`/api/v1/exercises/${ex.id}/teams/${orgA}/report`), 200);
    expect(report.team.points).toBe(210);
    expect(report.lessons.map((l) => l.body)).toEqual(['Report came fast; statement to the press missing.']);
    const alertsStep = report.timeline.find((s) => s.item.injectKey === 'alerts')!;
    expect(alertsStep.expectations.map((e) => e.status)).toEqual(['met', 'met', 'met', 'met']);
    expect(alertsStep.expectations.every((e) => e.tookMinutes !== null && e.tookMinutes <= e.withinMinutes)).toBe(true);
    expect(report.timeline.find((s) => s.item.injectKey === 'call')!.expectations[0]!.status).toBe('pending');
    expect((await teamB.get(`/api/v1/exercises/${ex.id}/teams/${orgA}/report`)).statusCode).toBe(404);
    const again = json<Exercise>(await centre.post(`/api/v1/exercises/${ex.id}/replay`), 201);
    expect(again.status).toBe('scheduled');
    expect(again.teams.map((x) => x.orgId).sort()).toEqual([orgA, orgB].sort());
    // The replay runs for training; its report compares the team with the run it replays.
    json(await centre.post(`/api/v1/exercises/${again.id}/start`), 200);
    json(await centre.post(`/api/v1/exercises/${again.id}/end`), 200);
    const replayed = json<TeamReport>(await teamA.get(`/api/v1/exercises/${again.id}/teams/${orgA}/report`), 200);
    expect(replayed.previous.map((p) => [p.exerciseId, p.points])).toEqual([[ex.id, 210]]);
    expect(replayed.team.points).toBe(0);
  });
});

describe('ending a run never loses an inject', () => {
  const label = (en: string) => ({ vi: `${en} (vi)`, en });
  const message = (key: string, offsetMinutes: number) => ({ key, offsetMinutes, kind: 'message', title: label(`Message ${key}`),
    message: { from: 'White team', subject: label(key), body: label('Update.') }, expectations: [] });
  const run = async (key: string, durationMinutes: number, speed: number, injects: unknown[]) => {
    const sc = json<Scenario>(await centre.post('/api/v1/exercises/scenarios', {
      schema: 'lachan-exercise/1', key, title: label(key), summary: label('Ending.'), durationMinutes, injects,
    }), 201);
    return json<Exercise>(await centre.post('/api/v1/exercises', { scenarioId: sc.id, teamOrgIds: [orgA, orgB], speed }), 201);
  };

  it('ended by the white team: what is due is delivered, what is not yet due is reported as not delivered', async () => {
    const ex = await run('end-by-white', 60, 1, [message('first', 0), message('later', 30), message('last', 59)]);
    json(await centre.post(`/api/v1/exercises/${ex.id}/start`), 200);
    json(await centre.post(`/api/v1/exercises/${ex.id}/end`), 200);
    const r = json<TeamReport>(await centre.get(`/api/v1/exercises/${ex.id}/teams/${orgA}/report`), 200);
    expect(r.timeline.map((s) => s.item.injectKey)).toEqual(['first']);
    expect(r.notDelivered.map((n) => [n.injectKey, n.reason])).toEqual([['later', 'ended_by_white_team'], ['last', 'ended_by_white_team']]);
    expect(r.notDelivered[0]!.offsetMinutes).toBe(30);
  });

  it('ended by the clock: every inject due by the end reaches every team, one added past the end is reported', async () => {
    // One scenario minute in three seconds (time to add the late inject while it runs, even on a busy
    // machine): the last injects fall due just before the end.
    const ex = await run('end-by-clock', 1, 20, Array.from({ length: 20 }, (_, i) => message(`m${i}`, Math.round(i * 0.05 * 1000) / 1000)));
    json(await centre.post(`/api/v1/exercises/${ex.id}/start`), 200);
    json(await centre.post(`/api/v1/exercises/${ex.id}/injects`, { inject: message('too-late', 5) }), 200);
    await until(() => centre.get(`/api/v1/exercises/${ex.id}`).then((res) => res.json() as Exercise), (e) => e.status === 'ended', 'the end by the clock');
    for (const org of [orgA, orgB]) {
      const r = json<TeamReport>(await centre.get(`/api/v1/exercises/${ex.id}/teams/${org}/report`), 200);
      expect(r.timeline.length).toBe(20);
      expect(r.notDelivered.map((n) => [n.injectKey, n.reason])).toEqual([['too-late', 'ended_before_due']]);
    }
  });
});
