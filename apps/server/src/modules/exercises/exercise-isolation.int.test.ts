import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Exercise, InboxItem, Scenario } from '@lachan/contracts';
import { createTestApp, type Caller, type TestApp } from '../../testing/harness.ts';
import { shortScenario } from './exercise-fixture.ts';
import { scenarioTemplates } from './templates.ts';

let t: TestApp;
let centre: Caller;
let receiver: Server;
const received: string[] = [];
const teams = ['bank-sgb', 'bank-svb', 'bank-phusa'];
const orgs: string[] = [];
let ex: Exercise;
let realIncident: string;

const q = async <T>(query: ReturnType<typeof sql<T>>) => (await query.execute(t.platform.db)).rows;
const settle = async () => {
  await t.platform.relay.flush();
  for (const w of [t.platform.workers.promotion, t.platform.workers.stats, t.platform.workers.campaigns]) await w.idle();
};

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push(`${req.url} ${body}`);
      res.end('ok');
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', () => r()));
  const port = (receiver.address() as { port: number }).port;
  t = await createTestApp({ webhookAllowedHosts: ['127.0.0.1'] });
  t.platform.workers.warnings.backoffMs = 20;
  centre = await t.userIn('ncc', 'national_coordinator');
  for (const k of teams) orgs.push(await t.org(k));
  // Each bank has an ordinary endpoint; the first also one marked for exercises.
  for (const [i, k] of teams.entries()) {
    const admin = await t.userIn(k, 'org_admin');
    expect((await admin.post(`/api/v1/orgs/${orgs[i]}/warning-webhooks`, { url: `http://127.0.0.1:${port}/real-${k}` })).statusCode).toBe(201);
    if (i === 0) expect((await admin.post(`/api/v1/orgs/${orgs[i]}/warning-webhooks`, { url: `http://127.0.0.1:${port}/drill-${k}`, exercises: true })).statusCode).toBe(201);
  }
  // A real critical alert opens a real incident for the first bank before the exercise.
  const key = await t.keyFor(teams[0]!, 'connector');
  const real = scenarioTemplates()[0]!.injects[0]!.alerts!.records[1]!.replaceAll('{{now}}', new Date().toISOString()).replaceAll('{{epoch}}', '1').replaceAll('{{run}}', 'real');
  expect((await key.post('/api/v1/ingest/wazuh', JSON.parse(real))).statusCode).toBe(202);
  await settle();
  realIncident = (await q(sql<{ id: string }>`select id from incidents where org_id = ${orgs[0]} and exercise_id is null`))[0]!.id;

  const sc = (await centre.post('/api/v1/exercises/scenarios', shortScenario('isolation'))).json() as Scenario;
  ex = (await centre.post('/api/v1/exercises', { scenarioId: sc.id, teamOrgIds: orgs, speed: 60 })).json() as Exercise;
  expect((await centre.post(`/api/v1/exercises/${ex.id}/start`)).statusCode).toBe(200);
  for (let i = 0; i < 200; i++) {
    const items = (await centre.get(`/api/v1/exercises/${ex.id}/teams/${orgs[2]}/inbox`)).json() as { items: InboxItem[] };
    if (items.items.some((x) => x.injectKey === 'case')) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  await settle();
  await t.platform.workers.warnings.wake();
  await new Promise((r) => setTimeout(r, 500));
  await settle();
  await t.platform.workers.promotion.idle();
  await t.platform.relay.flush();
  await new Promise((r) => setTimeout(r, 300));
});
afterAll(async () => {
  await t?.close();
  await new Promise<void>((r) => receiver.close(() => r()));
});

describe('exercise data stays apart from real data', () => {
  it('is tagged: every alert through the exercise connector, the incidents it leads to, the warnings', async () => {
    const alerts = await q(sql<{ n: number }>`select count(*)::int as n from alerts a join alert_sources s on s.id = a.source_id where s.exercise_id = ${ex.id}`);
    expect(alerts[0]!.n).toBe(9);
    const incidents = await q(sql<{ id: string; exercise_id: string | null }>`select distinct i.id, i.exercise_id from incidents i join incident_alerts ia on ia.incident_id = i.id
      join alerts a on a.day = ia.alert_day and a.id = ia.alert_id join alert_sources s on s.id = a.source_id where s.exercise_id = ${ex.id}`);
    expect(incidents.length).toBeGreaterThan(0);
    expect(incidents.every((i) => i.exercise_id === ex.id)).toBe(true);
    const opened = await q(sql<{ n: number }>`select count(*)::int as n from incidents where exercise_id = ${ex.id} and source = 'manual'`);
    expect(opened[0]!.n).toBe(3);
    const warnings = await q(sql<{ n: number }>`select count(*)::int as n from warning_recipients r join warnings w on w.id = r.warning_id where w.exercise_id = ${ex.id}`);
    expect(warnings[0]!.n).toBe(3);
  });

  it('never joins a real incident, so the real incident\'s alerts and reporting clock are untouched', async () => {
    const r = await q(sql<{ alert_count: number; exercise_id: string | null }>`select alert_count, exercise_id from incidents where id = ${realIncident}`);
    expect(r[0]).toEqual({ alert_count: 1, exercise_id: null });
  });

  it('is out of the team\'s incident list and counts, shown only with the exercise filter', async () => {
    const bank = await t.userIn(teams[0]!, 'analyst');
    // Promoted incidents are tagged by the runner's sweep (within a second of their opening).
    for (let i = 0; i < 60; i++) {
      const untagged = await q(sql<{ n: number }>`select count(*)::int as n from incidents where group_key like ${`exercise:${ex.id}:%`} and exercise_id is null`);
      if (untagged[0]!.n === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const real = (await bank.get('/api/v1/incidents?limit=200')).json().items as { id: string; exerciseId: string | null }[];
    expect(real.map((i) => i.id)).toEqual([realIncident]);
    expect(real[0]!.exerciseId).toBeNull();
    const drill = (await bank.get('/api/v1/incidents?exercise=true&limit=200')).json().items as { id: string; exerciseId: string | null }[];
    expect(drill.length).toBeGreaterThan(0);
    expect(drill.every((i) => i.exerciseId === ex.id)).toBe(true);
    const overview = (await bank.get('/api/v1/stats/overview')).json() as { incidents: { open: number; opened: number } };
    expect(overview.incidents.open).toBe(1);
    expect(overview.incidents.opened).toBe(1);
  });

  it('is out of the team\'s warnings list and inbox, shown only with the exercise filter, tagged with the exercise', async () => {
    const bank = await t.userIn(teams[0]!, 'org_admin');
    const ids = async (path: string) => ((await bank.get(path)).json().items as { id: string; exerciseId: string | null }[]);
    expect(await ids('/api/v1/warnings')).toEqual([]);
    expect(await ids('/api/v1/warnings/inbox')).toEqual([]);
    const drill = await ids('/api/v1/warnings?exercise=true');
    expect(drill.length).toBe(1);
    expect(drill[0]!.exerciseId).toBe(ex.id);
    const inbox = await ids('/api/v1/warnings/inbox?exercise=true');
    expect(inbox.map((w) => w.exerciseId)).toEqual([ex.id]);
    expect((await bank.get(`/api/v1/warnings/${drill[0]!.id}`)).json().exerciseId).toBe(ex.id);
    // The centre's own list of warnings it issued: the same rule.
    expect((await ids('/api/v1/warnings')).length).toBe(0);
    expect((await centre.get('/api/v1/warnings')).json().items.every((w: { exerciseId: string | null }) => w.exerciseId === null)).toBe(true);
    expect((await centre.get('/api/v1/warnings?exercise=true')).json().items.length).toBe(1);
    expect((await bank.get('/api/v1/warnings?exercise=maybe')).statusCode).toBe(400);
  });

  it('is out of the team\'s alert stream, shown only with the exercise filter, tagged with the exercise', async () => {
    const bank = await t.userIn(teams[0]!, 'analyst');
    const real = (await bank.get('/api/v1/alerts?limit=500')).json().items as { id: string; exerciseId: string | null }[];
    expect(real.length).toBe(1);
    expect(real[0]!.exerciseId).toBeNull();
    const drill = (await bank.get('/api/v1/alerts?exercise=true&limit=500')).json().items as { id: string; exerciseId: string | null }[];
    expect(drill.length).toBe(3);
    expect(drill.every((a) => a.exerciseId === ex.id)).toBe(true);
    const everyTeam = (await centre.get('/api/v1/alerts?exercise=true&limit=500')).json().items as unknown[];
    expect(everyTeam.length).toBe(9);
  });

  it('is never like a real incident: similar incidents and organisations sharing indicators stay on their side', async () => {
    type Similar = { incident: { id: string; exerciseId: string | null } };
    const drill = (await centre.get('/api/v1/incidents?exercise=true&limit=200')).json().items as { id: string; orgId: string }[];
    // Without the rule the exercise's incidents (same rule, same C2 address) are the real incident's nearest neighbours.
    const asked = await q(sql<{ n: number }>`select count(*)::int as n from incident_observables o join incident_observables m on m.value = o.value
      where m.incident_id = ${realIncident} and o.incident_id = any(${drill.map((d) => d.id)}::uuid[])`);
    expect(asked[0]!.n).toBeGreaterThan(0);
    const real = (await centre.get(`/api/v1/incidents/${realIncident}/similar`)).json() as Similar[];
    expect(real.filter((s) => s.incident.exerciseId !== null)).toEqual([]);
    const support = (await centre.get(`/api/v1/incidents/${realIncident}/decision-support`)).json() as { similar: Similar[]; likelyNext: { organisations: unknown[]; sharedIndicators: string[] } };
    expect(support.similar.filter((s) => s.incident.exerciseId !== null)).toEqual([]);
    expect(support.likelyNext.sharedIndicators).toEqual([]);
    const inDrill = (await centre.get(`/api/v1/incidents/${drill[0]!.id}/similar`)).json() as Similar[];
    expect(inDrill.length).toBeGreaterThan(0);
    expect(inDrill.every((s) => s.incident.exerciseId === ex.id)).toBe(true);
  });

  it('is left out of real statistics', async () => {
    const daily = await q(sql<{ n: number }>`select coalesce(sum(alerts), 0)::int as n from stats_alerts_daily where org_id = any(${orgs}::uuid[])`);
    expect(daily[0]!.n).toBe(1);
  });

  it('makes no real campaign, although the same C2 address reached three banks', async () => {
    const linked = await q(sql<{ n: number }>`select count(*)::int as n from campaign_alerts c join alerts a on a.day = c.alert_day and a.id = c.alert_id
      join alert_sources s on s.id = a.source_id where s.exercise_id = ${ex.id}`);
    expect(linked[0]!.n).toBe(0);
    expect((await q(sql<{ n: number }>`select count(*)::int as n from campaign_orgs where org_id = any(${orgs}::uuid[])`))[0]!.n).toBe(0);
  });

  it('sends a warning to no real recipient: only the endpoint marked for exercises, never e-mail, no reminder', async () => {
    const deliveries = await q(sql<{ channel: string; target: string }>`select d.channel, d.target from warning_deliveries d join warnings w on w.id = d.warning_id where w.exercise_id = ${ex.id}`);
    expect(deliveries.map((d) => d.channel)).toEqual(['webhook']);
    expect(received.filter((r) => r.includes('/real-'))).toEqual([]);
    expect(received.filter((r) => r.includes('/drill-bank-sgb')).length).toBe(1);
  });
});

describe('one exercise\'s records (exerciseId), within the caller\'s scope', () => {
  let other: Exercise;
  type Tagged = { id: string; exerciseId: string | null };
  const items = async (who: Caller, path: string) => {
    const res = await who.get(path);
    expect(res.statusCode).toBe(200);
    return res.json().items as Tagged[];
  };
  const exerciseIds = (list: Tagged[]) => [...new Set(list.map((x) => x.exerciseId))];

  beforeAll(async () => {
    // A second run for two of the three banks, so that "the exercises' records" and "this exercise's" differ.
    const sc = (await centre.post('/api/v1/exercises/scenarios', shortScenario('isolation-second'))).json() as Scenario;
    other = (await centre.post('/api/v1/exercises', { scenarioId: sc.id, teamOrgIds: orgs.slice(0, 2), speed: 60 })).json() as Exercise;
    expect((await centre.post(`/api/v1/exercises/${other.id}/start`)).statusCode).toBe(200);
    for (let i = 0; i < 200; i++) {
      const inbox = (await centre.get(`/api/v1/exercises/${other.id}/teams/${orgs[1]}/inbox`)).json() as { items: InboxItem[] };
      if (inbox.items.some((x) => x.injectKey === 'case')) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    await settle();
    for (let i = 0; i < 60; i++) {
      const untagged = await q(sql<{ n: number }>`select count(*)::int as n from incidents where group_key like ${`exercise:${other.id}:%`} and exercise_id is null`);
      if (untagged[0]!.n === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
  });

  it('gives a team of both runs the alerts, incidents and warnings of the one it names, its own only', async () => {
    const bank = await t.userIn(teams[0]!, 'org_admin');
    expect(exerciseIds(await items(bank, '/api/v1/alerts?exercise=true&limit=500')).sort()).toEqual([ex.id, other.id].sort());
    const alerts = await items(bank, `/api/v1/alerts?exerciseId=${ex.id}&limit=500`);
    expect(alerts.length).toBe(3);
    expect(exerciseIds(alerts)).toEqual([ex.id]);
    expect(exerciseIds(await items(bank, `/api/v1/alerts?exerciseId=${other.id}&limit=500`))).toEqual([other.id]);
    const incidents = await items(bank, `/api/v1/incidents?exerciseId=${ex.id}&limit=200`);
    expect(incidents.length).toBeGreaterThan(0);
    expect(exerciseIds(incidents)).toEqual([ex.id]);
    expect(exerciseIds(await items(bank, `/api/v1/incidents?exerciseId=${other.id}&limit=200`))).toEqual([other.id]);
    expect(exerciseIds(await items(bank, `/api/v1/warnings/inbox?exerciseId=${ex.id}`))).toEqual([ex.id]);
    expect((await items(bank, `/api/v1/warnings/inbox?exerciseId=${other.id}`)).map((w) => w.exerciseId)).toEqual([other.id]);
    // `exerciseId` implies the exercise side even if the caller asks for real records.
    expect(exerciseIds(await items(bank, `/api/v1/alerts?exercise=false&exerciseId=${ex.id}&limit=500`))).toEqual([ex.id]);
    // Without either parameter: real records only, as before.
    expect(exerciseIds(await items(bank, '/api/v1/alerts?limit=500'))).toEqual([null]);
  });

  it('keeps the normal scope: a team sees its own records of the run, the white team every team\'s', async () => {
    const second = await t.userIn(teams[1]!, 'analyst');
    const mine = await items(second, `/api/v1/alerts?exerciseId=${ex.id}&limit=500`);
    expect(mine.length).toBe(3);
    const orgIdsOf = async (path: string) => [...new Set(((await second.get(path)).json().items as { orgId: string }[]).map((x) => x.orgId))];
    expect(await orgIdsOf(`/api/v1/alerts?exerciseId=${ex.id}&limit=500`)).toEqual([orgs[1]]);
    expect(await orgIdsOf(`/api/v1/incidents?exerciseId=${ex.id}&limit=200`)).toEqual([orgs[1]]);
    expect((await items(centre, `/api/v1/alerts?exerciseId=${ex.id}&limit=500`)).length).toBe(9);
    expect((await items(centre, `/api/v1/alerts?exerciseId=${other.id}&limit=500`)).length).toBe(6);
    const warnings = await items(centre, `/api/v1/warnings?exerciseId=${other.id}`);
    expect(warnings.length).toBe(1);
    expect(warnings[0]!.exerciseId).toBe(other.id);
  });

  it('gives nothing of a run to an organisation outside it, nor to a team of another run', async () => {
    const outsider = await t.userIn('prov-48', 'org_admin');
    const third = await t.userIn(teams[2]!, 'org_admin');
    for (const path of ['/api/v1/alerts', '/api/v1/incidents', '/api/v1/warnings', '/api/v1/warnings/inbox']) {
      expect(await items(outsider, `${path}?exerciseId=${ex.id}`)).toEqual([]);
      expect(await items(third, `${path}?exerciseId=${other.id}`)).toEqual([]);
    }
    // The same team does see its records of the run it plays in.
    expect(exerciseIds(await items(third, `/api/v1/alerts?exerciseId=${ex.id}&limit=500`))).toEqual([ex.id]);
    expect(exerciseIds(await items(third, `/api/v1/warnings/inbox?exerciseId=${ex.id}`))).toEqual([ex.id]);
    expect((await outsider.get('/api/v1/alerts?exerciseId=not-a-uuid')).statusCode).toBe(400);
  });
});
