import { sql, type Kysely } from 'kysely';
import type { ExerciseStatus, Inject, ScenarioDocument } from '@lachan/contracts';
import type { DB } from '../../db/index.ts';
import type { ClockSegment } from './exercise-clock.ts';

/** Team row `t` still owed inject row `i`: a team the inject is for, not yet claimed for it. */
export const owedTeamSql = sql`t.exercise_id = i.exercise_id and (i.team_org_ids is null or t.org_id = any(i.team_org_ids))
  and not exists (select 1 from exercise_deliveries d where d.exercise_id = i.exercise_id and d.inject_key = i.key and d.team_org_id = t.org_id)`;

/** A stored run with its teams. */
export interface ExerciseRow {
  id: string;
  scenario_id: string | null;
  organiser_org_id: string;
  title: string;
  document: ScenarioDocument;
  status: ExerciseStatus;
  speed: number;
  scheduled_at: Date | null;
  started_at: Date | null;
  ended_at: Date | null;
  clock: ClockSegment[];
  replay_of: string | null;
  teams: { orgId: string; name: string }[];
}

/** An inject of a run as stored (with its offset in scenario milliseconds). */
export interface InjectRow {
  key: string;
  offset_ms: number;
  inject: Inject;
  team_org_ids: string[] | null;
  manual: boolean;
}

const SELECT = sql`select e.id, e.scenario_id, e.organiser_org_id, e.title, e.document, e.status, e.speed, e.scheduled_at, e.started_at, e.ended_at, e.clock, e.replay_of,
  coalesce((select json_agg(json_build_object('orgId', t.org_id, 'name', o.name) order by o.name) from exercise_teams t join organizations o on o.id = t.org_id
    where t.exercise_id = e.id), '[]') as teams
  from exercises e`;

/** SQL of runs: schedule, clock, injects and the teams taking part. */
export const exercisesRepository = {
  async insert(tx: Kysely<DB>, e: { scenarioId: string | null; organiserOrgId: string; title: string; document: ScenarioDocument; speed: number; scheduledAt: string | null;
    teamOrgIds: string[]; by: string; replayOf?: string }): Promise<string> {
    const id = (await sql<{ id: string }>`insert into exercises (scenario_id, organiser_org_id, title, document, speed, scheduled_at, created_by, replay_of)
      values (${e.scenarioId}, ${e.organiserOrgId}, ${e.title}, ${JSON.stringify(e.document)}::jsonb, ${e.speed}, ${e.scheduledAt}, ${e.by}, ${e.replayOf ?? null})
      returning id`.execute(tx)).rows[0]!.id;
    await sql`insert into exercise_teams (exercise_id, org_id) select ${id}::uuid, unnest(${e.teamOrgIds}::uuid[])`.execute(tx);
    const injects = e.document.injects;
    if (injects.length) {
      await sql`insert into exercise_injects (exercise_id, key, offset_ms, inject)
        select ${id}::uuid, k, o, i from unnest(${injects.map((i) => i.key)}::text[], ${injects.map((i) => Math.round(i.offsetMinutes * 60_000))}::bigint[],
          ${injects.map((i) => JSON.stringify(i))}::jsonb[]) as t(k, o, i)`.execute(tx);
    }
    return id;
  },

  async byId(db: Kysely<DB>, id: string): Promise<ExerciseRow | undefined> {
    return (await sql<ExerciseRow>`${SELECT} where e.id = ${id}`.execute(db)).rows[0];
  },

  /** Runs organised by, or played by, the given organisations (null: all). */
  async list(db: Kysely<DB>, orgIds: string[] | null): Promise<ExerciseRow[]> {
    return (await sql<ExerciseRow>`${SELECT} where ${orgIds}::uuid[] is null or e.organiser_org_id = any(${orgIds}::uuid[])
      or exists (select 1 from exercise_teams t where t.exercise_id = e.id and t.org_id = any(${orgIds}::uuid[]))
      order by e.created_at desc limit 200`.execute(db)).rows;
  },

  /** Runs whose clock the runner drives now (running), or that are due to start (scheduled, time come). */
  async live(db: Kysely<DB>, now: Date): Promise<ExerciseRow[]> {
    return (await sql<ExerciseRow>`${SELECT} where e.status = 'running' or (e.status = 'scheduled' and e.scheduled_at <= ${now})`.execute(db)).rows;
  },

  async setClock(tx: Kysely<DB>, id: string, c: { status: ExerciseStatus; speed: number; clock: ClockSegment[]; startedAt?: Date; endedAt?: Date }): Promise<void> {
    await sql`update exercises set status = ${c.status}, speed = ${c.speed}, clock = ${JSON.stringify(c.clock)}::jsonb, updated_at = now(),
      started_at = coalesce(started_at, ${c.startedAt ?? null}), ended_at = coalesce(ended_at, ${c.endedAt ?? null}) where id = ${id}`.execute(tx);
  },

  async injects(db: Kysely<DB>, id: string): Promise<InjectRow[]> {
    return (await sql<InjectRow>`select key, offset_ms::float8 as offset_ms, inject, team_org_ids, manual from exercise_injects where exercise_id = ${id} order by offset_ms, key`.execute(db)).rows;
  },

  /** Adds an inject of the white team; false when the run already has one with that key. */
  async addInject(tx: Kysely<DB>, id: string, inject: Inject, offsetMs: number, teamOrgIds: string[] | null): Promise<boolean> {
    const r = await sql`insert into exercise_injects (exercise_id, key, offset_ms, inject, team_org_ids, manual)
      values (${id}, ${inject.key}, ${offsetMs}, ${JSON.stringify(inject)}::jsonb, ${teamOrgIds}::uuid[], true) on conflict do nothing`.execute(tx);
    return Number(r.numAffectedRows ?? 0) > 0;
  },

  /** The scenario offset of the run's next inject that has not reached every team (null: none left). */
  async nextDue(db: Kysely<DB>, id: string): Promise<number | null> {
    // In offset order, the first inject still owed to a team: usually the first one looked at.
    const r = await sql<{ offset_ms: number }>`select i.offset_ms::float8 as offset_ms from exercise_injects i
      where i.exercise_id = ${id} and not i.claimed_all and exists (select 1 from exercise_teams t where ${owedTeamSql})
      order by i.offset_ms limit 1`.execute(db);
    return r.rows[0]?.offset_ms ?? null;
  },

  /**
   * Injects due by `elapsedMs` that have not reached every team yet, each once with the teams it has
   * still to reach, in order (the inject document once per inject, not once per team).
   */
  async due(db: Kysely<DB>, id: string, elapsedMs: number): Promise<(InjectRow & { teams: string[] })[]> {
    return (await sql<InjectRow & { teams: string[] }>`select i.key, i.offset_ms::float8 as offset_ms, i.inject, i.team_org_ids, i.manual, x.teams
      from exercise_injects i cross join lateral (
        select array_agg(t.org_id order by t.org_id) as teams from exercise_teams t where ${owedTeamSql}) x
      where i.exercise_id = ${id} and not i.claimed_all and i.offset_ms <= ${elapsedMs} and x.teams is not null
      order by i.offset_ms, i.key`.execute(db)).rows;
  },
};
