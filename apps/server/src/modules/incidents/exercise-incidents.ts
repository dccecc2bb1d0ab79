import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../db/index.ts';

/** Whether incident row `alias` belongs to an exercise: tagged, or opened by promotion under an exercise's group. */
export const exerciseIncidentSql = (alias: string): RawBuilder<boolean> =>
  sql<boolean>`(${sql.ref(`${alias}.exercise_id`)} is not null or coalesce(${sql.ref(`${alias}.group_key`)}, '') like 'exercise:%')`;

/** Tags an incident as belonging to an exercise (an inject opened it). */
export async function tagExerciseIncident(tx: Kysely<DB>, incidentId: string, exerciseId: string): Promise<void> {
  await sql`update incidents set exercise_id = ${exerciseId} where id = ${incidentId}`.execute(tx);
}

/**
 * Tags an incident an analyst opened from (or fed with) alerts an exercise's inject sent: it belongs to
 * that exercise from then on, at once, not at the runner's next sweep (which stops when the run ends).
 */
export async function tagExerciseFromAlerts(tx: Kysely<DB>, incidentId: string): Promise<void> {
  await sql`update incidents i set exercise_id = x.exercise_id
    from (select s.exercise_id from incident_alerts ia join alerts a on a.day = ia.alert_day and a.id = ia.alert_id
      join alert_sources s on s.id = a.source_id where ia.incident_id = ${incidentId} and s.exercise_id is not null limit 1) x
    where i.id = ${incidentId} and i.exercise_id is null`.execute(tx);
}

/**
 * Tags the incidents of an exercise's alerts: those promotion opened (grouped apart under
 * `exercise:<id>:`) and those a team opened itself from the alerts its injects sent.
 */
export async function tagPromotedExerciseIncidents(tx: Kysely<DB>, exerciseId: string): Promise<void> {
  await sql`update incidents set exercise_id = ${exerciseId} where exercise_id is null and group_key like ${`exercise:${exerciseId}:%`}`.execute(tx);
  await sql`update incidents set exercise_id = ${exerciseId} where exercise_id is null and id in (
      select ia.incident_id from exercise_deliveries d join exercises e on e.id = d.exercise_id
        join alerts a on a.org_id = d.team_org_id and a.day >= (coalesce(e.started_at, e.created_at) at time zone 'UTC')::date - 1 and a.source_id = d.source_id
        join incident_alerts ia on ia.alert_day = a.day and ia.alert_id = a.id
      where d.exercise_id = ${exerciseId} and d.source_id is not null)`.execute(tx);
}
