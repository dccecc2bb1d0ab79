import { sql, type Kysely } from 'kysely';
import type { DB, RawStep, RawTx } from '../../db/index.ts';

type BatchCounts = { accepted: number; duplicates: number; rejected: number };

export type SourceRow = {
  id: string; org_id: string; org_name: string; name: string; format: string; api_key_id: string | null; syslog_address: string | null;
  created_at: Date; last_seen_at: Date | null; accepted: string; duplicates: string; rejected: string; last_5min: number; rejected_5min: number;
};

/** SQL for connectors and their counters. */
export const sourcesRepository = {
  /** The connector of an API key and format, created on first use. */
  async forApiKey(db: Kysely<DB>, key: { id: string; name: string; orgId: string }, format: string): Promise<string> {
    const found = await db.selectFrom('alert_sources').select('id').where('api_key_id', '=', key.id).where('format', '=', format).executeTakeFirst();
    if (found) return found.id;
    await sql`insert into alert_sources (org_id, name, format, api_key_id) values (${key.orgId}, ${`${key.name} (${format})`}, ${format}, ${key.id}) on conflict do nothing`.execute(db);
    return (await db.selectFrom('alert_sources').select('id').where('api_key_id', '=', key.id).where('format', '=', format).executeTakeFirstOrThrow()).id;
  },

  /** Connectors of an exercise inject for several teams, in one statement; ids in the teams' order. */
  async forExerciseTeams(db: Kysely<DB>, x: { exerciseId: string; orgIds: readonly string[]; name: string; format: string }): Promise<string[]> {
    const rows = (await sql<{ id: string; org_id: string }>`insert into alert_sources (org_id, name, format, exercise_id)
      select o, ${x.name}, ${x.format}, ${x.exerciseId}::uuid from unnest(${[...x.orgIds]}::uuid[]) as t(o) returning id, org_id`.execute(db)).rows;
    const byOrg = new Map(rows.map((r) => [r.org_id, r.id]));
    return x.orgIds.map((o) => byOrg.get(o)!);
  },

  /** A connector of an exercise: one per inject and team, so that its alerts are known as the inject's. */
  async forExercise(db: Kysely<DB>, x: { exerciseId: string; orgId: string; name: string; format: string }): Promise<string> {
    return (await sql<{ id: string }>`insert into alert_sources (org_id, name, format, exercise_id) values (${x.orgId}, ${x.name}, ${x.format}, ${x.exerciseId}) returning id`.execute(db)).rows[0]!.id;
  },

  async recordBatch(tx: RawTx, sourceId: string, counts: BatchCounts): Promise<void> {
    await tx.script(sourcesRepository.recordBatchSteps(sourceId, counts));
  },

  /** A batch's counts on its connector: the running totals and the minute's tally (steps of a raw transaction). */
  recordBatchSteps(sourceId: string, counts: BatchCounts): RawStep[] {
    const params = [sourceId, counts.accepted, counts.duplicates, counts.rejected];
    return [
      { sql: `update alert_sources set last_seen_at = now(), accepted = accepted + $2, duplicates = duplicates + $3, rejected = rejected + $4 where id = $1`, params },
      {
        sql: `insert into source_minutes (source_id, minute, accepted, duplicates, rejected) values ($1, date_trunc('minute', now()), $2, $3, $4)
       on conflict (source_id, minute) do update set accepted = source_minutes.accepted + excluded.accepted,
         duplicates = source_minutes.duplicates + excluded.duplicates, rejected = source_minutes.rejected + excluded.rejected`,
        params,
      },
    ];
  },

  async list(db: Kysely<DB>, orgIds: string[] | null): Promise<SourceRow[]> {
    const r = await sql<SourceRow>`select s.id, s.org_id, o.name as org_name, s.name, s.format, s.api_key_id, s.syslog_address, s.created_at, s.last_seen_at,
        s.accepted::text as accepted, s.duplicates::text as duplicates, s.rejected::text as rejected,
        coalesce((select sum(m.accepted + m.duplicates)::int from source_minutes m where m.source_id = s.id and m.minute > now() - interval '5 minutes'), 0) as last_5min,
        coalesce((select sum(m.rejected)::int from source_minutes m where m.source_id = s.id and m.minute > now() - interval '5 minutes'), 0) as rejected_5min
      from alert_sources s join organizations o on o.id = s.org_id
      where ${orgIds ? sql`s.org_id = any(${orgIds}::uuid[])` : sql`true`}
      order by s.last_seen_at desc nulls last, s.name`.execute(db);
    return r.rows;
  },
};
