import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  ErrorBody, Exercise, ExerciseCreate, ExerciseSpeed, ExpectationJudgement, IdParams, InboxItem, Lesson, LessonCreate, ManualInject, Scenario, ScenarioDocument,
  ScenarioSummary, Scoreboard, TeamParams, TeamReport,
} from '@lachan/contracts';
import { ctxOf } from '../../http/request-context.ts';
import type { ExercisesService } from './exercises.service.ts';
import type { ScenariosService } from './scenarios.service.ts';
import type { ExerciseReports } from './exercise-reports.service.ts';

const errors = { '4xx': ErrorBody };
const tags = ['exercises'];

/** The services behind /api/v1/exercises. */
export interface ExerciseServices {
  scenarios: ScenariosService;
  exercises: ExercisesService;
  reports: ExerciseReports;
}

/** /api/v1/exercises: scenarios (import, edit, export), runs and their controls, scoreboard, inboxes and reports. */
export function exerciseRoutes(app: FastifyInstance, s: ExerciseServices): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  r.get('/exercises/scenarios', { schema: { tags, response: { 200: Type.Object({ items: Type.Array(ScenarioSummary) }), ...errors } } },
    async (req) => ({ items: await s.scenarios.list(ctxOf(req)) }));
  r.post('/exercises/scenarios', { schema: { tags, summary: 'Import a scenario document', body: ScenarioDocument, response: { 201: Scenario, ...errors } } },
    async (req, reply) => reply.status(201).send(await s.scenarios.create(ctxOf(req), req.body)));
  r.get('/exercises/scenarios/:id', { schema: { tags, params: IdParams, response: { 200: Scenario, ...errors } } }, async (req) => s.scenarios.get(ctxOf(req), req.params.id));
  r.get('/exercises/scenarios/:id/export', { schema: { tags, summary: 'The scenario document as a JSON file', params: IdParams, response: { 200: ScenarioDocument, ...errors } } },
    async (req, reply) => {
      const sc = await s.scenarios.get(ctxOf(req), req.params.id);
      return reply.header('content-disposition', `attachment; filename="lachan-scenario-${sc.key}.json"`).send(sc.document);
    });
  r.put('/exercises/scenarios/:id', { schema: { tags, params: IdParams, body: ScenarioDocument, response: { 200: Scenario, ...errors } } },
    async (req) => s.scenarios.update(ctxOf(req), req.params.id, req.body));
  r.delete('/exercises/scenarios/:id', { schema: { tags, params: IdParams, response: { 204: Type.Null(), ...errors } } }, async (req, reply) => {
    await s.scenarios.remove(ctxOf(req), req.params.id);
    return reply.status(204).send(null);
  });

  r.get('/exercises', { schema: { tags, response: { 200: Type.Object({ items: Type.Array(Exercise) }), ...errors } } }, async (req) => ({ items: await s.exercises.list(ctxOf(req)) }));
  r.post('/exercises', { schema: { tags, summary: 'Schedule a run of a scenario for teams', body: ExerciseCreate, response: { 201: Exercise, ...errors } } },
    async (req, reply) => reply.status(201).send(await s.exercises.create(ctxOf(req), req.body)));
  r.get('/exercises/:id', { schema: { tags, params: IdParams, response: { 200: Exercise, ...errors } } }, async (req) => s.exercises.get(ctxOf(req), req.params.id));
  for (const action of ['start', 'pause', 'resume', 'end'] as const) {
    r.post(`/exercises/:id/${action}`, { schema: { tags, params: IdParams, response: { 200: Exercise, ...errors } } }, async (req) => s.exercises.control(ctxOf(req), req.params.id, action));
  }
  r.post('/exercises/:id/speed', { schema: { tags, params: IdParams, body: ExerciseSpeed, response: { 200: Exercise, ...errors } } },
    async (req) => s.exercises.setSpeed(ctxOf(req), req.params.id, req.body.speed));
  r.post('/exercises/:id/injects', { schema: { tags, summary: 'Add an inject during the run', params: IdParams, body: ManualInject, response: { 200: Exercise, ...errors } } },
    async (req) => s.exercises.addInject(ctxOf(req), req.params.id, req.body));
  r.post('/exercises/:id/judgements', { schema: { tags, params: IdParams, body: ExpectationJudgement, response: { 200: Scoreboard, ...errors } } },
    async (req) => s.exercises.judge(ctxOf(req), req.params.id, req.body));
  r.post('/exercises/:id/lessons', { schema: { tags, params: IdParams, body: LessonCreate, response: { 201: Lesson, ...errors } } },
    async (req, reply) => reply.status(201).send(await s.exercises.addLesson(ctxOf(req), req.params.id, req.body)));
  r.post('/exercises/:id/replay', { schema: { tags, summary: 'Run a finished exercise again', params: IdParams, response: { 201: Exercise, ...errors } } },
    async (req, reply) => reply.status(201).send(await s.exercises.replay(ctxOf(req), req.params.id)));
  r.get('/exercises/:id/scoreboard', { schema: { tags, params: IdParams, response: { 200: Scoreboard, ...errors } } }, async (req) => s.exercises.scoreboard(ctxOf(req), req.params.id));
  r.get('/exercises/:id/teams/:orgId/inbox', { schema: { tags, params: TeamParams, response: { 200: Type.Object({ items: Type.Array(InboxItem) }), ...errors } } },
    async (req) => ({ items: await s.exercises.inbox(ctxOf(req), req.params.id, req.params.orgId) }));
  r.get('/exercises/:id/teams/:orgId/report', { schema: { tags, summary: 'A team\'s after-action report', params: TeamParams, response: { 200: TeamReport, ...errors } } },
    async (req) => s.reports.report(ctxOf(req), req.params.id, req.params.orgId));
}
