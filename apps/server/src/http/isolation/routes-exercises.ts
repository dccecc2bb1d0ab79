import type { ScenarioDocument } from '@lachan/contracts';
import { del, get, post, put, row, type RouteSpec } from './spec.ts';
import { must, type World } from './world.ts';

/** The centre's exercise for the own organisation as the one team: a scenario of messages only. */
interface ExercisesPart {
  scenarioId: string;
  exerciseId: string;
  endedId: string;
  freshScenario(): Promise<string>;
  freshExercise(state?: 'scheduled' | 'running' | 'paused' | 'ended'): Promise<string>;
}

const label = (en: string) => ({ vi: `${en} (vi)`, en });
const scenario = (key: string, marker: string): ScenarioDocument => ({
  schema: 'lachan-exercise/1', key, title: label(`Matrix drill ${marker}`), summary: label('Messages only.'), durationMinutes: 600,
  injects: [{ key: 'call', offsetMinutes: 0, kind: 'pressure', title: label('A call'), message: { from: 'Press', channel: 'media', subject: label('Confirm?'), body: label(marker) },
    expectations: [{ key: 'statement', kind: 'evaluator', label: label('Statement'), points: 10, withinMinutes: 30 }] }],
});

const parts = new WeakMap<World, Promise<ExercisesPart>>();
/** Built on first use, once per world. */
const part = (w: World): Promise<ExercisesPart> => {
  let p = parts.get(w);
  if (!p) parts.set(w, (p = build(w)));
  return p;
};

async function build(w: World): Promise<ExercisesPart> {
  const centre = w.callers.centre;
  const freshScenario = async () => must(await centre.post('/api/v1/exercises/scenarios', scenario(`matrix-${w.unique()}`, w.marker)), 201).id!;
  const scenarioId = await freshScenario();
  const freshExercise = async (state: 'scheduled' | 'running' | 'paused' | 'ended' = 'scheduled') => {
    const id = must(await centre.post('/api/v1/exercises', { scenarioId, teamOrgIds: [w.org.own], speed: 1 }), 201).id!;
    if (state !== 'scheduled') must(await centre.post(`/api/v1/exercises/${id}/start`), 200);
    if (state === 'paused') must(await centre.post(`/api/v1/exercises/${id}/pause`), 200);
    if (state === 'ended') must(await centre.post(`/api/v1/exercises/${id}/end`), 200);
    return id;
  };
  const exerciseId = await freshExercise('running');
  for (let i = 0; i < 100; i++) {
    const inbox = must<{ items: unknown[] }>(await centre.get(`/api/v1/exercises/${exerciseId}/teams/${w.org.own}/inbox`), 200);
    if (inbox.items.length) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const endedId = await freshExercise('ended');
  w.secrets.push(exerciseId, endedId);
  return { scenarioId, exerciseId, endedId, freshScenario, freshExercise };
}

const ex = (path = '') => async (w: World) => `/api/v1/exercises/${(await part(w)).exerciseId}${path}`;
/** Organising is for the centre (or a ministry): a province's admin, analysts and keys are refused. */
const organiser = (status: number) => row(401, 403, 403, 403, 403, { ownAdmin: 403, centre: status });
/** Controls of a run: others do not learn it exists; its team plays but does not drive it. */
const white = (status: number) => row(401, 404, 404, 403, 403, { ownAdmin: 403, centre: status });
/** A team's part: its members and the white team read it. */
const team = (status: number) => row(401, 404, 404, 403, status, { ownAdmin: status, centre: status });
const fresh = (state: 'scheduled' | 'running' | 'paused' | 'ended', action: string, body: unknown = {}) => async (w: World) =>
  post(`/api/v1/exercises/${await (await part(w)).freshExercise(state)}/${action}`, body);

/** Exercises: scenarios, runs and their controls, scoreboards, inboxes and reports. */
export const EXERCISE_ROUTES: RouteSpec[] = [
  { route: 'GET /api/v1/exercises/scenarios', request: async (w) => (await part(w), get('/api/v1/exercises/scenarios')), expect: organiser(200) },
  { route: 'POST /api/v1/exercises/scenarios', request: (w) => post('/api/v1/exercises/scenarios', scenario(`matrix-${w.unique()}`, w.marker)), expect: organiser(201) },
  { route: 'GET /api/v1/exercises/scenarios/:id', request: async (w) => get(`/api/v1/exercises/scenarios/${(await part(w)).scenarioId}`), expect: organiser(200) },
  { route: 'GET /api/v1/exercises/scenarios/:id/export', request: async (w) => get(`/api/v1/exercises/scenarios/${(await part(w)).scenarioId}/export`), expect: organiser(200) },
  {
    route: 'PUT /api/v1/exercises/scenarios/:id',
    request: async (w) => put(`/api/v1/exercises/scenarios/${await (await part(w)).freshScenario()}`, scenario(`matrix-${w.unique()}`, w.marker)),
    expect: organiser(200),
  },
  { route: 'DELETE /api/v1/exercises/scenarios/:id', request: async (w) => del(`/api/v1/exercises/scenarios/${await (await part(w)).freshScenario()}`), expect: organiser(204) },
  {
    route: 'GET /api/v1/exercises', request: async (w) => (await part(w), get('/api/v1/exercises')), expect: row(401, 200, 200, 403, 200, { ownAdmin: 200, centre: 200 }),
  },
  {
    route: 'POST /api/v1/exercises', request: async (w) => post('/api/v1/exercises', { scenarioId: (await part(w)).scenarioId, teamOrgIds: [w.org.own] }),
    expect: organiser(201),
  },
  { route: 'GET /api/v1/exercises/:id', request: async (w) => get(await ex()(w)), expect: team(200) },
  { route: 'POST /api/v1/exercises/:id/start', request: fresh('scheduled', 'start'), expect: white(200) },
  { route: 'POST /api/v1/exercises/:id/pause', request: fresh('running', 'pause'), expect: white(200) },
  { route: 'POST /api/v1/exercises/:id/resume', request: fresh('paused', 'resume'), expect: white(200) },
  { route: 'POST /api/v1/exercises/:id/end', request: fresh('running', 'end'), expect: white(200) },
  { route: 'POST /api/v1/exercises/:id/speed', request: fresh('running', 'speed', { speed: 30 }), expect: white(200) },
  {
    route: 'POST /api/v1/exercises/:id/injects',
    request: fresh('scheduled', 'injects', { inject: { ...scenario('x', 'manual').injects[0]!, key: 'manual' } }),
    expect: white(200),
  },
  {
    route: 'POST /api/v1/exercises/:id/judgements',
    request: async (w) => post(await ex('/judgements')(w), { teamOrgId: w.org.own, injectKey: 'call', expectationKey: 'statement', met: true }),
    expect: white(200),
  },
  { route: 'POST /api/v1/exercises/:id/lessons', request: async (w) => post(await ex('/lessons')(w), { teamOrgId: w.org.own, body: 'A lesson.' }), expect: white(201) },
  { route: 'POST /api/v1/exercises/:id/replay', request: async (w) => post(`/api/v1/exercises/${(await part(w)).endedId}/replay`), expect: white(201) },
  { route: 'GET /api/v1/exercises/:id/scoreboard', request: async (w) => get(await ex('/scoreboard')(w)), expect: white(200) },
  { route: 'GET /api/v1/exercises/:id/teams/:orgId/inbox', request: async (w) => get(await ex(`/teams/${w.org.own}/inbox`)(w)), expect: team(200) },
  {
    route: 'GET /api/v1/exercises/:id/teams/:orgId/report',
    request: async (w) => get(`/api/v1/exercises/${(await part(w)).endedId}/teams/${w.org.own}/report`),
    expect: team(200),
  },
];
