import type { TeamReport } from '@lachan/contracts';
import type { RequestContext } from '../../core/context.ts';
import { forbidden, notFound } from '../../core/errors.ts';
import type { ExercisesParts } from './exercises-parts.ts';
import { exercisesPolicy as policy } from './exercises.policy.ts';
import { presentExercise, presentExpectation, presentInboxItem, scoreboardRows } from './exercises.presenter.ts';
import { exercisesRepository as runs } from './exercises.repository.ts';
import { deliveriesRepository as deliveries } from './deliveries.repository.ts';
import { lessonsRepository as lessons } from './lessons.repository.ts';
import type { ExercisesService } from './exercises.service.ts';

/**
 * After-action reports: per team, the timeline of injects with the team's response to each (times
 * against targets, points, what was missed), the evaluators' lessons, and the team's earlier runs.
 * The white team reads them at any time; the team itself once the exercise has ended.
 */
export class ExerciseReports {
  #p: ExercisesParts;
  #exercises: ExercisesService;
  constructor(parts: ExercisesParts, exercises: ExercisesService) {
    this.#p = parts;
    this.#exercises = exercises;
  }

  async report(ctx: RequestContext, id: string, teamOrgId: string): Promise<TeamReport> {
    const { row, white } = await this.#exercises.load(ctx, id);
    const team = row.teams.find((t) => t.orgId === teamOrgId);
    if (!team || !policy.mayReadTeam(ctx, row.organiser_org_id, teamOrgId)) throw notFound('team');
    if (!white && row.status !== 'ended') throw forbidden('the team\'s report opens when the exercise ends');
    const db = this.#p.db;
    const [injects, expectations, delivered, notes, history, undelivered] = await Promise.all([
      runs.injects(db, id), deliveries.expectations(db, id, teamOrgId), deliveries.delivered(db, id, teamOrgId), lessons.ofTeam(db, id, teamOrgId),
      runs.list(db, [teamOrgId]), deliveries.undelivered(db, id, teamOrgId),
    ]);
    const injectOf = new Map(injects.map((i) => [i.key, i.inject]));
    const previous = [];
    for (const e of history) {
      if (e.id === id || e.status !== 'ended' || !e.teams.some((t) => t.orgId === teamOrgId)) continue;
      if (e.started_at && row.started_at && new Date(e.started_at) > new Date(row.started_at)) continue;
      const [ei, ex] = await Promise.all([runs.injects(db, e.id), deliveries.expectations(db, e.id, teamOrgId)]);
      const s = scoreboardRows([{ orgId: teamOrgId, name: team.name }], ei, ex)[0]!;
      previous.push({ exerciseId: e.id, title: e.title, endedAt: e.ended_at ? new Date(e.ended_at).toISOString() : null, points: s.points, possible: s.possible });
    }
    return {
      exercise: presentExercise(row, white ? 'white' : 'team', this.#p.now()),
      team: scoreboardRows([team], injects, expectations)[0]!,
      timeline: delivered.map((d) => ({
        item: presentInboxItem(d),
        expectations: expectations.filter((x) => x.inject_key === d.inject_key).map((x) => presentExpectation(x, injectOf.get(x.inject_key))),
      })),
      lessons: notes,
      notDelivered: undelivered.map((u) => ({
        injectKey: u.inject_key, kind: u.inject.kind, title: u.inject.title, offsetMinutes: Math.round(Number(u.offset_ms) / 600) / 100,
        reason: u.reason as TeamReport['notDelivered'][number]['reason'],
      })),
      previous: previous.slice(0, 10),
    };
  }
}
