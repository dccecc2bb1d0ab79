import { sql, type Kysely } from 'kysely';
import type { Expectation, ExpectationKind, ExpectationStatus, Inject } from '@lachan/contracts';
import type { DB } from '../../db/index.ts';
import { owedTeamSql } from './exercises.repository.ts';

/** What an inject made for a team when it was delivered. */
export interface DeliveryOutcome {
  sourceId?: string | null;
  alerts?: number | null;
  incidentId?: string | null;
  warningId?: string | null;
  error?: string | null;
}

/** A delivered inject as a team's inbox lists it. */
export interface DeliveryRow {
  inject_key: string;
  team_org_id: string;
  inject: Inject;
  offset_ms: number;
  due_at: Date;
  delivered_at: Date;
  alerts: number | null;
  incident_id: string | null;
  warning_id: string | null;
}

/** One team's expectation as stored. */
export interface ExpectationRow {
  team_org_id: string;
  inject_key: string;
  expectation_key: string;
  kind: ExpectationKind;
  points: number;
  offset_ms: number;
  within_ms: number;
  status: ExpectationStatus;
  met_at: Date | null;
  took_ms: number | null;
  awarded: number;
  judged_by: string | null;
  note: string | null;
}

/** SQL of what reached each team and what each team was expected to do. */
export const deliveriesRepository = {
  /** Claims the delivery of an inject to teams; answers the teams claimed (not those another process or tick has). */
  async claim(tx: Kysely<DB>, exerciseId: string, injectKey: string, teamOrgIds: readonly string[], dueAt: Date): Promise<string[]> {
    const r = await sql<{ team_org_id: string }>`insert into exercise_deliveries (exercise_id, inject_key, team_org_id, due_at)
      select ${exerciseId}::uuid, ${injectKey}, unnest(${[...teamOrgIds]}::uuid[]), ${dueAt} on conflict do nothing returning team_org_id`.execute(tx);
    return r.rows.map((x) => x.team_org_id);
  },

  /** Claims the deliveries of several injects at once (one statement); answers the teams claimed per inject. */
  async claimMany(tx: Kysely<DB>, exerciseId: string, items: readonly { key: string; teams: readonly string[]; dueAt: Date }[]): Promise<Map<string, string[]>> {
    const keys = items.flatMap((i) => i.teams.map(() => i.key));
    const teams = items.flatMap((i) => [...i.teams]);
    const due = items.flatMap((i) => i.teams.map(() => i.dueAt.toISOString()));
    const r = await sql<{ inject_key: string; team_org_id: string }>`insert into exercise_deliveries (exercise_id, inject_key, team_org_id, due_at)
      select ${exerciseId}::uuid, k, t, d from unnest(${keys}::text[], ${teams}::uuid[], ${due}::timestamptz[]) as x(k, t, d)
      on conflict do nothing returning inject_key, team_org_id`.execute(tx);
    // Injects now claimed for every team drop out of the runner's rounds. Another process claiming the
    // rest at the same moment may leave the flag false: such an inject is still checked, never skipped.
    await sql`update exercise_injects i set claimed_all = true where i.exercise_id = ${exerciseId} and i.key = any(${[...new Set(keys)]}::text[]) and not i.claimed_all
      and not exists (select 1 from exercise_teams t where ${owedTeamSql})`.execute(tx);
    const out = new Map<string, string[]>();
    for (const row of r.rows) (out.get(row.inject_key) ?? out.set(row.inject_key, []).get(row.inject_key)!).push(row.team_org_id);
    return out;
  },

  /**
   * Records, when a run ends, every inject that had not reached a team as not delivered, with the
   * reason, so that the report says so; answers how many.
   */
  async recordUndelivered(tx: Kysely<DB>, exerciseId: string, endedAt: Date, reason: 'ended_before_due' | 'ended_by_white_team'): Promise<number> {
    const r = await sql`insert into exercise_deliveries (exercise_id, inject_key, team_org_id, due_at, undelivered)
      select i.exercise_id, i.key, t.org_id, ${endedAt}, ${reason}
      from exercise_injects i join exercise_teams t on t.exercise_id = i.exercise_id and (i.team_org_ids is null or t.org_id = any(i.team_org_ids))
      where i.exercise_id = ${exerciseId} on conflict do nothing`.execute(tx);
    // Claimed but never completed (a delivery cut short): not delivered either.
    await sql`update exercise_deliveries set undelivered = coalesce(undelivered, 'interrupted') where exercise_id = ${exerciseId} and delivered_at is null`.execute(tx);
    return Number(r.numAffectedRows ?? 0);
  },

  /** What never reached a team of a run (or one team), with the reason, in scenario order. */
  async undelivered(db: Kysely<DB>, exerciseId: string, teamOrgId: string | null): Promise<{ inject_key: string; team_org_id: string; inject: Inject; offset_ms: number; reason: string }[]> {
    return (await sql<{ inject_key: string; team_org_id: string; inject: Inject; offset_ms: number; reason: string }>`select d.inject_key, d.team_org_id, i.inject,
        i.offset_ms::float8 as offset_ms, d.undelivered as reason
      from exercise_deliveries d join exercise_injects i on i.exercise_id = d.exercise_id and i.key = d.inject_key
      where d.exercise_id = ${exerciseId} and d.delivered_at is null and d.undelivered is not null and (${teamOrgId}::uuid is null or d.team_org_id = ${teamOrgId}::uuid)
      order by i.offset_ms, i.key`.execute(db)).rows;
  },

  /** Records what the inject made for each team, delivered now. */
  async complete(tx: Kysely<DB>, exerciseId: string, injectKey: string, outcomes: ReadonlyMap<string, DeliveryOutcome>): Promise<void> {
    const teams = [...outcomes.keys()];
    const col = <T>(f: (o: DeliveryOutcome) => T) => teams.map((t) => f(outcomes.get(t)!));
    await sql`update exercise_deliveries d set delivered_at = clock_timestamp(), source_id = t.s, alerts = t.a, incident_id = t.i, warning_id = t.w, error = t.e
      from unnest(${teams}::uuid[], ${col((o) => o.sourceId ?? null)}::uuid[], ${col((o) => o.alerts ?? null)}::int[], ${col((o) => o.incidentId ?? null)}::uuid[],
        ${col((o) => o.warningId ?? null)}::uuid[], ${col((o) => o.error ?? null)}::text[]) as t(team, s, a, i, w, e)
      where d.exercise_id = ${exerciseId} and d.inject_key = ${injectKey} and d.team_org_id = t.team`.execute(tx);
  },

  /** The expectations of an inject for teams, pending from its delivery. */
  async expect(tx: Kysely<DB>, exerciseId: string, teamOrgIds: readonly string[], injectKey: string, offsetMs: number, list: readonly Expectation[]): Promise<void> {
    if (!list.length || !teamOrgIds.length) return;
    await sql`insert into exercise_expectations (exercise_id, team_org_id, inject_key, expectation_key, kind, points, offset_ms, within_ms, value)
      select ${exerciseId}::uuid, team, ${injectKey}, k, kind, p, ${offsetMs}::bigint, w, v
      from unnest(${[...teamOrgIds]}::uuid[]) as teams(team), unnest(${list.map((e) => e.key)}::text[], ${list.map((e) => e.kind)}::text[], ${list.map((e) => e.points)}::int[],
        ${list.map((e) => Math.round(e.withinMinutes * 60_000))}::bigint[], ${list.map((e) => e.value ?? null)}::text[]) as t(k, kind, p, w, v)
      on conflict do nothing`.execute(tx);
  },

  /** Delivered injects of a run (of one team, or all), in order. */
  async delivered(db: Kysely<DB>, exerciseId: string, teamOrgId: string | null): Promise<DeliveryRow[]> {
    return (await sql<DeliveryRow>`select d.inject_key, d.team_org_id, i.inject, i.offset_ms::float8 as offset_ms, d.due_at, d.delivered_at, d.alerts, d.incident_id, d.warning_id
      from exercise_deliveries d join exercise_injects i on i.exercise_id = d.exercise_id and i.key = d.inject_key
      where d.exercise_id = ${exerciseId} and d.delivered_at is not null and (${teamOrgId}::uuid is null or d.team_org_id = ${teamOrgId}::uuid)
      order by i.offset_ms, d.delivered_at, i.key`.execute(db)).rows;
  },

  /** How many injects of a run reached at least one team (the scoreboard's count). */
  async deliveredInjects(db: Kysely<DB>, exerciseId: string): Promise<number> {
    return Number((await sql<{ n: number }>`select count(distinct inject_key)::int as n from exercise_deliveries where exercise_id = ${exerciseId} and delivered_at is not null`.execute(db)).rows[0]!.n);
  },

  /** How late each delivery was against its due time, in milliseconds (the benchmark's figure). */
  async lateness(db: Kysely<DB>, exerciseId: string): Promise<number[]> {
    return (await sql<{ ms: number }>`select extract(epoch from (delivered_at - due_at)) * 1000 as ms from exercise_deliveries
      where exercise_id = ${exerciseId} and delivered_at is not null`.execute(db)).rows.map((r) => Number(r.ms));
  },

  async expectations(db: Kysely<DB>, exerciseId: string, teamOrgId: string | null): Promise<ExpectationRow[]> {
    return (await sql<ExpectationRow>`select team_org_id, inject_key, expectation_key, kind, points, offset_ms::float8 as offset_ms, within_ms::float8 as within_ms, status, met_at,
        took_ms::float8 as took_ms, awarded, judged_by, note
      from exercise_expectations where exercise_id = ${exerciseId} and (${teamOrgId}::uuid is null or team_org_id = ${teamOrgId}::uuid)
      order by offset_ms, inject_key, expectation_key`.execute(db)).rows;
  },

  /** Records an expectation's outcome. */
  async settle(tx: Kysely<DB>, exerciseId: string, r: { team: string; inject: string; expectation: string; status: ExpectationStatus; metAt: Date | null; tookMs: number | null;
    awarded: number; judgedBy?: string | null; note?: string | null }): Promise<void> {
    await sql`update exercise_expectations set status = ${r.status}, met_at = ${r.metAt}, took_ms = ${r.tookMs}, awarded = ${r.awarded},
      judged_by = coalesce(${r.judgedBy ?? null}, judged_by), note = coalesce(${r.note ?? null}, note)
      where exercise_id = ${exerciseId} and team_org_id = ${r.team} and inject_key = ${r.inject} and expectation_key = ${r.expectation}`.execute(tx);
  },

  /** Expectations checked from the platform whose time ran out (scenario time) become missed. */
  async missPast(tx: Kysely<DB>, exerciseId: string, elapsedMs: number): Promise<number> {
    const r = await sql`update exercise_expectations set status = 'missed' where exercise_id = ${exerciseId} and status = 'pending' and kind <> 'evaluator'
      and offset_ms + within_ms < ${Math.floor(elapsedMs)}`.execute(tx);
    return Number(r.numAffectedRows ?? 0);
  },

  /** At the end, every expectation not met (and not awaiting an evaluator) is missed. */
  async missAll(tx: Kysely<DB>, exerciseId: string): Promise<void> {
    await sql`update exercise_expectations set status = 'missed' where exercise_id = ${exerciseId} and status = 'pending' and kind <> 'evaluator'`.execute(tx);
  },
};
