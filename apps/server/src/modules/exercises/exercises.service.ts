import type { Exercise, ExerciseCreate, ExpectationJudgement, InboxItem, Lesson, LessonCreate, ManualInject, Scoreboard } from '@lachan/contracts';
import type { RequestContext } from '../../core/context.ts';
import { requirePermission } from '../../core/authorize.ts';
import { conflict, forbidden, invalid, notFound } from '../../core/errors.ts';
import { recordChange, transact } from '../events/index.ts';
import type { ExercisesParts } from './exercises-parts.ts';
import { exerciseClock } from './exercise-clock.ts';
import { exercisesPolicy as policy } from './exercises.policy.ts';
import { presentExercise, presentInboxItem, scoreboardRows } from './exercises.presenter.ts';
import { exercisesRepository as runs, type ExerciseRow } from './exercises.repository.ts';
import { deliveriesRepository as deliveries } from './deliveries.repository.ts';
import { lessonsRepository as lessons } from './lessons.repository.ts';
import { injectProblems } from './scenario-check.ts';
import type { ScenariosService } from './scenarios.service.ts';
import type { ExerciseRunner } from './exercise-runner.ts';

type Control = 'start' | 'pause' | 'resume' | 'end';
const NEXT: Record<Control, { from: Exercise['status'][]; to: Exercise['status']; running: boolean }> = {
  start: { from: ['scheduled'], to: 'running', running: true },
  pause: { from: ['running'], to: 'paused', running: false },
  resume: { from: ['paused'], to: 'running', running: true },
  end: { from: ['scheduled', 'running', 'paused'], to: 'ended', running: false },
};

/** Runs of scenarios: scheduling, the white team's controls, judgements and lessons, the teams' inboxes. */
export class ExercisesService {
  #p: ExercisesParts;
  #scenarios: ScenariosService;
  #runner: ExerciseRunner;
  constructor(parts: ExercisesParts, scenarios: ScenariosService, runner: ExerciseRunner) {
    this.#p = parts;
    this.#scenarios = scenarios;
    this.#runner = runner;
  }

  async list(ctx: RequestContext): Promise<Exercise[]> {
    requirePermission(ctx, 'exercises.read');
    const rows = await runs.list(this.#p.db, ctx.scope.all ? null : [...ctx.scope.read]);
    const now = this.#p.now();
    return rows.flatMap((r) => {
      if (policy.isWhite(ctx, r.organiser_org_id)) return [presentExercise(r, 'white', now)];
      return policy.plays(ctx, r.teams.map((t) => t.orgId)) ? [presentExercise(r, 'team', now)] : [];
    });
  }

  async get(ctx: RequestContext, id: string): Promise<Exercise> {
    const { row, white } = await this.#load(ctx, id);
    return presentExercise(row, white ? 'white' : 'team', this.#p.now());
  }

  /** Schedules a run of a scenario (its document copied) for teams the caller manages. */
  async create(ctx: RequestContext, b: ExerciseCreate): Promise<Exercise> {
    const scenario = await this.#scenarios.get(ctx, b.scenarioId);
    for (const t of b.teamOrgIds) if (!policy.mayEnrol(ctx, t)) throw forbidden('a team must be an organisation you manage');
    const id = await transact(this.#p, async (tx) => {
      const id = await runs.insert(tx, {
        scenarioId: scenario.id, organiserOrgId: ctx.actor.orgId, title: b.title ?? scenario.title.vi, document: scenario.document, speed: b.speed ?? 1,
        scheduledAt: b.scheduledAt ?? null, teamOrgIds: b.teamOrgIds, by: ctx.actor.name,
      });
      await recordChange(tx, ctx, {
        action: 'exercise.create', entityType: 'exercise', entityId: id, orgId: ctx.actor.orgId, after: { scenario: scenario.key, teams: b.teamOrgIds.length, speed: b.speed ?? 1 },
        event: { type: 'exercise.changed', audience: { orgIds: [ctx.actor.orgId] }, data: { id, status: 'scheduled' } },
      });
      return id;
    });
    return this.get(ctx, id);
  }

  /** A new run of a finished one, same scenario and teams, for training. */
  async replay(ctx: RequestContext, id: string): Promise<Exercise> {
    const { row } = await this.#white(ctx, id);
    if (row.status !== 'ended') throw conflict('only a finished exercise is replayed');
    const newId = await transact(this.#p, async (tx) => {
      const newId = await runs.insert(tx, {
        scenarioId: row.scenario_id, organiserOrgId: row.organiser_org_id, title: row.title, document: row.document, speed: Number(row.speed), scheduledAt: null,
        teamOrgIds: row.teams.map((t) => t.orgId), by: ctx.actor.name, replayOf: row.id,
      });
      await recordChange(tx, ctx, { action: 'exercise.replay', entityType: 'exercise', entityId: newId, orgId: row.organiser_org_id, after: { of: row.id } });
      return newId;
    });
    return this.get(ctx, newId);
  }

  /** Starts, pauses, resumes or ends a run (the white team). */
  async control(ctx: RequestContext, id: string, action: Control): Promise<Exercise> {
    const { row } = await this.#white(ctx, id);
    const step = NEXT[action];
    if (!step.from.includes(row.status)) throw conflict(`the exercise is ${row.status}; it cannot ${action}`);
    if (action === 'end' && row.status === 'running') {
      // What is due reaches the teams before the end; what is not yet due is recorded as not delivered.
      await this.#runner.deliverDue(row);
      await this.#runner.score([row]);
    }
    await this.#setClock(ctx, row, action, { running: step.running, speed: Number(row.speed) }, step.to);
    if (step.running) void this.#runner.tick();
    return this.get(ctx, id);
  }

  /** Changes how fast scenario time runs (from now on; what passed keeps its time). */
  async setSpeed(ctx: RequestContext, id: string, speed: number): Promise<Exercise> {
    const { row } = await this.#white(ctx, id);
    if (row.status === 'ended') throw conflict('the exercise has ended');
    await this.#setClock(ctx, row, 'speed', { running: row.status === 'running', speed }, row.status);
    return this.get(ctx, id);
  }

  /** Adds an inject during the run, for some teams or all; it comes at its offset, or at once when that has passed. */
  async addInject(ctx: RequestContext, id: string, b: ManualInject): Promise<Exercise> {
    const { row } = await this.#white(ctx, id);
    if (row.status === 'ended') throw conflict('the exercise has ended');
    const problems = injectProblems(b.inject);
    if (problems.length) throw invalid(`the inject has ${problems.length} problem(s): ${problems[0]!.path}: ${problems[0]!.message}`, { problems });
    const teams = new Set(row.teams.map((t) => t.orgId));
    if (b.teamOrgIds?.some((t) => !teams.has(t))) throw invalid('an inject goes to teams of the exercise only');
    const elapsed = exerciseClock.elapsedAt(row.clock, this.#p.now());
    const offsetMs = Math.max(Math.round(b.inject.offsetMinutes * 60_000), Math.round(elapsed));
    await transact(this.#p, async (tx) => {
      if (!(await runs.addInject(tx, id, b.inject, offsetMs, b.teamOrgIds ?? null))) throw conflict(`the exercise already has an inject ${b.inject.key}`);
      await recordChange(tx, ctx, { action: 'exercise.inject_add', entityType: 'exercise', entityId: id, orgId: row.organiser_org_id, after: { inject: b.inject.key, kind: b.inject.kind } });
    });
    if (row.status === 'running') void this.#runner.tick();
    return this.get(ctx, id);
  }

  /** The white team's judgement of an expectation (any kind: it overrides what the platform found). */
  async judge(ctx: RequestContext, id: string, b: ExpectationJudgement): Promise<Scoreboard> {
    const { row } = await this.#white(ctx, id);
    const x = (await deliveries.expectations(this.#p.db, id, b.teamOrgId)).find((e) => e.inject_key === b.injectKey && e.expectation_key === b.expectationKey);
    if (!x) throw notFound('expectation (its inject has not reached that team)');
    const now = this.#p.now();
    const took = Math.max(0, exerciseClock.elapsedAt(row.clock, now) - Number(x.offset_ms));
    await transact(this.#p, async (tx) => {
      await deliveries.settle(tx, id, {
        team: b.teamOrgId, inject: b.injectKey, expectation: b.expectationKey, status: b.met ? 'met' : 'missed', metAt: b.met ? now : null,
        tookMs: b.met ? Math.round(took) : null, awarded: b.met ? x.points : 0, judgedBy: ctx.actor.name, note: b.note ?? null,
      });
      await recordChange(tx, ctx, {
        action: 'exercise.judge', entityType: 'exercise', entityId: id, orgId: row.organiser_org_id, after: { team: b.teamOrgId, inject: b.injectKey, expectation: b.expectationKey, met: b.met },
        event: { type: 'exercise.scoreboard', audience: { orgIds: [row.organiser_org_id], manage: true }, data: { id } },
      });
    });
    return this.scoreboard(ctx, id);
  }

  async addLesson(ctx: RequestContext, id: string, b: LessonCreate): Promise<Lesson> {
    const { row } = await this.#white(ctx, id);
    if (!row.teams.some((t) => t.orgId === b.teamOrgId)) throw invalid('lessons are written for a team of the exercise');
    return transact(this.#p, async (tx) => {
      const lesson = await lessons.insert(tx, id, b.teamOrgId, ctx.actor.name, ctx.actor.orgId, b.body);
      await recordChange(tx, ctx, { action: 'exercise.lesson', entityType: 'exercise', entityId: id, orgId: row.organiser_org_id, after: { team: b.teamOrgId } });
      return lesson;
    });
  }

  /** Every team's standing (the white team). */
  async scoreboard(ctx: RequestContext, id: string): Promise<Scoreboard> {
    const { row } = await this.#white(ctx, id);
    const [injects, expectations, delivered] = await Promise.all([
      runs.injects(this.#p.db, id), deliveries.expectations(this.#p.db, id, null), deliveries.deliveredInjects(this.#p.db, id),
    ]);
    return {
      exerciseId: id, status: row.status, elapsedMinutes: presentExercise(row, 'white', this.#p.now()).elapsedMinutes,
      injectsDelivered: delivered, injectsTotal: injects.length,
      teams: scoreboardRows(row.teams, injects, expectations),
    };
  }

  /** What reached a team so far (its members, or the white team). */
  async inbox(ctx: RequestContext, id: string, teamOrgId: string): Promise<InboxItem[]> {
    const { row } = await this.#load(ctx, id);
    if (!row.teams.some((t) => t.orgId === teamOrgId) || !policy.mayReadTeam(ctx, row.organiser_org_id, teamOrgId)) throw notFound('team');
    return (await deliveries.delivered(this.#p.db, id, teamOrgId)).map(presentInboxItem);
  }

  /** A run the caller takes part in (white team or a team member); 404 to anyone else. */
  async load(ctx: RequestContext, id: string): Promise<{ row: ExerciseRow; white: boolean }> {
    return this.#load(ctx, id);
  }

  async #load(ctx: RequestContext, id: string): Promise<{ row: ExerciseRow; white: boolean }> {
    requirePermission(ctx, 'exercises.read');
    const row = await runs.byId(this.#p.db, id);
    if (!row) throw notFound('exercise');
    const white = policy.isWhite(ctx, row.organiser_org_id);
    if (!white && !policy.plays(ctx, row.teams.map((t) => t.orgId))) throw notFound('exercise');
    return { row, white };
  }

  async #white(ctx: RequestContext, id: string): Promise<{ row: ExerciseRow }> {
    const { row, white } = await this.#load(ctx, id);
    if (!white) throw forbidden('only the white team runs the exercise');
    return { row };
  }

  async #setClock(ctx: RequestContext, row: ExerciseRow, action: string, next: { running: boolean; speed: number }, status: Exercise['status']): Promise<void> {
    const now = this.#p.now();
    const clock = exerciseClock.change(row.clock, now, next);
    await transact(this.#p, async (tx) => {
      await runs.setClock(tx, row.id, { status, speed: next.speed, clock, ...(status === 'running' ? { startedAt: now } : {}), ...(status === 'ended' ? { endedAt: now } : {}) });
      if (status === 'ended') {
        await deliveries.recordUndelivered(tx, row.id, now, 'ended_by_white_team');
        await deliveries.missAll(tx, row.id);
      }
      await recordChange(tx, ctx, {
        action: `exercise.${action}`, entityType: 'exercise', entityId: row.id, orgId: row.organiser_org_id, after: { status, speed: next.speed },
        event: { type: 'exercise.changed', audience: { orgIds: [row.organiser_org_id, ...row.teams.map((t) => t.orgId)] }, data: { id: row.id, status } },
      });
    });
  }
}
