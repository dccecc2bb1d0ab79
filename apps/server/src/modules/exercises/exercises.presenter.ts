import type { Exercise, ExpectationResult, InboxItem, Inject, Scenario, ScenarioSummary, ScoreboardRow } from '@lachan/contracts';
import { exerciseClock } from './exercise-clock.ts';
import type { ExerciseRow, InjectRow } from './exercises.repository.ts';
import type { DeliveryRow, ExpectationRow } from './deliveries.repository.ts';
import type { ScenarioRow } from './scenarios.repository.ts';

const iso = (d: Date | null): string | null => (d ? new Date(d).toISOString() : null);
const minutes = (ms: number): number => Math.round((ms / 60_000) * 100) / 100;

export function presentScenarioSummary(r: ScenarioRow): ScenarioSummary {
  const d = r.document;
  return {
    id: r.id, key: r.key, title: d.title, summary: d.summary, template: r.owner_org_id === null, ownerOrgId: r.owner_org_id,
    injects: d.injects.length, points: d.injects.reduce((n, i) => n + i.expectations.reduce((m, e) => m + e.points, 0), 0),
    durationMinutes: d.durationMinutes, updatedAt: new Date(r.updated_at).toISOString(),
  };
}

export const presentScenario = (r: ScenarioRow): Scenario => ({ ...presentScenarioSummary(r), document: r.document });

export function presentExercise(e: ExerciseRow, role: Exercise['role'], now: Date): Exercise {
  return {
    id: e.id, scenarioId: e.scenario_id ?? e.id, title: e.title, scenarioTitle: e.document.title, organiserOrgId: e.organiser_org_id, status: e.status, speed: Number(e.speed),
    scheduledAt: iso(e.scheduled_at), startedAt: iso(e.started_at), endedAt: iso(e.ended_at),
    elapsedMinutes: minutes(exerciseClock.elapsedAt(e.clock, e.ended_at ? new Date(e.ended_at) : now)), durationMinutes: e.document.durationMinutes,
    teams: e.teams, role,
  };
}

export function presentExpectation(x: ExpectationRow, inject: Inject | undefined): ExpectationResult {
  const spec = inject?.expectations.find((e) => e.key === x.expectation_key);
  return {
    injectKey: x.inject_key, expectationKey: x.expectation_key, kind: x.kind, label: spec?.label ?? { vi: x.expectation_key, en: x.expectation_key },
    points: x.points, status: x.status, awarded: x.awarded, withinMinutes: minutes(Number(x.within_ms)), tookMinutes: x.took_ms === null ? null : minutes(Number(x.took_ms)),
    metAt: iso(x.met_at), judgedBy: x.judged_by, note: x.note,
  };
}

export function presentInboxItem(d: DeliveryRow): InboxItem {
  return {
    injectKey: d.inject_key, kind: d.inject.kind, title: d.inject.title, dueAt: new Date(d.due_at).toISOString(), deliveredAt: new Date(d.delivered_at).toISOString(), offsetMinutes: minutes(Number(d.offset_ms)),
    message: d.inject.message ?? null, alerts: d.alerts, incidentId: d.incident_id, warningId: d.warning_id,
  };
}

/**
 * Each team's standing: points won, points possible over the whole run (every inject meant for it,
 * delivered or not), expectations met, late, missed and pending, and the mean time to those met.
 */
export function scoreboardRows(teams: ExerciseRow['teams'], injects: readonly InjectRow[], expectations: readonly ExpectationRow[]): ScoreboardRow[] {
  return teams.map((t) => {
    const mine = expectations.filter((x) => x.team_org_id === t.orgId);
    const possible = injects.filter((i) => !i.team_org_ids || i.team_org_ids.includes(t.orgId))
      .reduce((n, i) => n + i.inject.expectations.reduce((m, e) => m + e.points, 0), 0);
    const met = mine.filter((x) => x.status === 'met');
    const timed = met.filter((x) => x.took_ms !== null);
    return {
      orgId: t.orgId, name: t.name, points: mine.reduce((n, x) => n + x.awarded, 0), possible,
      met: met.length, late: mine.filter((x) => x.status === 'late').length, missed: mine.filter((x) => x.status === 'missed').length,
      pending: mine.filter((x) => x.status === 'pending').length,
      meanMinutes: timed.length ? minutes(timed.reduce((n, x) => n + Number(x.took_ms), 0) / timed.length) : null,
    };
  }).sort((a, b) => b.points - a.points || a.name.localeCompare(b.name));
}
