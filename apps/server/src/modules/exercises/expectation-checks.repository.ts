import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/index.ts';

/** An open expectation found done in the platform, with the instant the team did it. */
export interface Found {
  exercise_id: string;
  team_org_id: string;
  inject_key: string;
  expectation_key: string;
  met_at: Date;
  offset_ms: number;
  within_ms: number;
  points: number;
}

/**
 * Finds what teams did, from the platform's own records, for the open (pending or missed) expectations
 * of the given runs. The incident of an inject is the one it opened, or any incident holding the
 * alerts it sent through the team's connector; only actions of the team's own organisation count.
 */
export async function findMet(db: Kysely<DB>, exerciseIds: readonly string[], teamOrgIds: readonly string[] | null = null): Promise<Found[]> {
  if (!exerciseIds.length) return [];
  const ids = [...exerciseIds];
  const teams = teamOrgIds ? [...teamOrgIds] : null;
  const r = await sql<Found>`with open as (
      select x.exercise_id, x.team_org_id, x.inject_key, x.expectation_key, x.kind, x.value, x.offset_ms, x.within_ms, x.points, d.delivered_at, d.source_id, d.incident_id, d.warning_id
      from exercise_expectations x join exercise_deliveries d on d.exercise_id = x.exercise_id and d.inject_key = x.inject_key and d.team_org_id = x.team_org_id
      where x.exercise_id = any(${ids}::uuid[]) and (${teams}::uuid[] is null or x.team_org_id = any(${teams}::uuid[])) and x.status in ('pending', 'missed') and x.kind <> 'evaluator' and d.delivered_at is not null),
    subject as (
      select o.exercise_id, o.team_org_id, o.inject_key, o.incident_id from open o where o.incident_id is not null
      union
      select o.exercise_id, o.team_org_id, o.inject_key, ia.incident_id from (select distinct exercise_id, team_org_id, inject_key, source_id, delivered_at from open where source_id is not null) o
        join alerts a on a.org_id = o.team_org_id and a.day >= (o.delivered_at at time zone 'UTC')::date - 1 and a.source_id = o.source_id
        join incident_alerts ia on ia.alert_day = a.day and ia.alert_id = a.id),
    done as (
      select o.exercise_id, o.team_org_id, o.inject_key, o.expectation_key, o.offset_ms, o.within_ms, o.points, (
        case o.kind
          when 'incident_opened' then (select min(ev.at) from subject s join incident_events ev on ev.incident_id = s.incident_id
            where s.exercise_id = o.exercise_id and s.team_org_id = o.team_org_id and s.inject_key = o.inject_key and ev.actor_org_id = o.team_org_id and ev.at >= o.delivered_at)
          when 'initial_report_filed' then (select min(r.submitted_at) from subject s join incident_reports r on r.incident_id = s.incident_id
            where s.exercise_id = o.exercise_id and s.team_org_id = o.team_org_id and s.inject_key = o.inject_key and r.kind = 'initial' and r.submitted_by_org_id = o.team_org_id)
          when 'task_completed' then (select min(t.completed_at) from subject s join incident_tasks t on t.incident_id = s.incident_id
            where s.exercise_id = o.exercise_id and s.team_org_id = o.team_org_id and s.inject_key = o.inject_key and t.status = 'done' and t.completed_at >= o.delivered_at)
          when 'support_requested' then (select min(q.created_at) from subject s join support_requests q on q.incident_id = s.incident_id
            where s.exercise_id = o.exercise_id and s.team_org_id = o.team_org_id and s.inject_key = o.inject_key and q.from_org_id = o.team_org_id)
          when 'warning_acknowledged' then (select wr.acked_at from warning_recipients wr where wr.warning_id = o.warning_id and wr.org_id = o.team_org_id)
          when 'indicator_added' then (select min(so.date_added) from stix_objects so where so.type = 'indicator' and so.added_by_org_id = o.team_org_id and (so.exercise_id = o.exercise_id or so.exercise_id is null)
            and so.date_added >= o.delivered_at and (o.value is null or strpos(so.object->>'pattern', o.value) > 0))
        end) as met_at
      from open o)
    select exercise_id, team_org_id, inject_key, expectation_key, met_at, offset_ms::float8 as offset_ms, within_ms::float8 as within_ms, points from done where met_at is not null`.execute(db);
  return r.rows;
}
