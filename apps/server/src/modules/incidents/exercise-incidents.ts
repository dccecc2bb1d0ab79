import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/index.ts';

/** Tags an incident as belonging to an exercise (an inject opened it). */
export async function tagExerciseIncident(tx: Kysely<DB>, incidentId: string, exerciseId: string): Promise<void> {
  await sql`update incidents set exercise_id = ${exerciseId} where id = ${incidentId}`.execute(tx);
}

/** Tags the incidents promotion opened from an exercise's alerts (grouped apart under `exercise:<id>:`). */
export async function tagPromotedExerciseIncidents(tx: Kysely<DB>, exerciseId: string): Promise<void> {
  await sql`update incidents set exercise_id = ${exerciseId} where exercise_id is null and group_key like ${`exercise:${exerciseId}:%`}`.execute(tx);
}
