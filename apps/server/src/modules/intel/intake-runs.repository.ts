import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../db/index.ts';

/** Kinds of intake a run records. */
export type IntakeKind = 'bundle' | 'misp' | 'csv' | 'attack' | 'taxii_pull';

/** One intake run as the API shows it. */
export interface IntakeRunRow {
  id: string;
  kind: IntakeKind;
  source: string;
  org_id: string;
  started_at: string;
  finished_at: string | null;
  status: 'running' | 'done' | 'failed' | 'interrupted';
  received: number;
  stored: number;
  duplicates: number;
  invalid: number;
  errors: Array<{ index: number; message: string }>;
  bytes_read: number;
  bytes_total: number | null;
  notes: Array<{ index: number; message: string }>;
}

/** Counts added to a run after a chunk. */
export interface RunDelta { received: number; stored: number; duplicates: number; invalid: number; errors: Array<{ index: number; message: string }>; notes?: Array<{ index: number; message: string }>; bytesRead?: number }

/** Append to a jsonb list column, keeping its first 100 entries. */
const capped = (column: string, add: unknown[]) => sql`case when jsonb_array_length(${sql.ref(column)}) >= 100 then ${sql.ref(column)}
  else (select coalesce(jsonb_agg(e), '[]'::jsonb) from (select e from jsonb_array_elements(${sql.ref(column)} || ${JSON.stringify(add)}::jsonb) e limit 100) x) end`;

const COLUMNS = sql`id, kind, source, org_id, started_at::text as started_at, finished_at::text as finished_at, status, received, stored, duplicates, invalid, errors,
  bytes_read::float8 as bytes_read, bytes_total::float8 as bytes_total, notes`;

/** SQL for intake runs. */
export const intakeRunsRepository = {
  /** Whether the organisation is a team of the exercise, and the exercise is under way (running or paused). */
  async playsExercise(db: Kysely<DB>, exerciseId: string, orgId: string): Promise<boolean> {
    const r = await sql`select 1 from exercises e join exercise_teams t on t.exercise_id = e.id
      where e.id = ${exerciseId} and t.org_id = ${orgId} and e.status in ('running', 'paused')`.execute(db);
    return r.rows.length > 0;
  },

  /** Open a run carried by the process whose presence mark is `runner`. */
  async start(db: Kysely<DB>, run: { kind: IntakeKind; source: string; orgId: string; bytesTotal: number | null; runner: string }): Promise<string> {
    const r = await sql<{ id: string }>`
      insert into intel_intake_runs (kind, source, org_id, bytes_total, runner)
      values (${run.kind}, ${run.source}, ${run.orgId}, ${run.bytesTotal}, ${run.runner}) returning id`.execute(db);
    return r.rows[0]!.id;
  },

  /**
   * End as `interrupted`, with `note`, every running run whose process is no longer alive (its mark is
   * not among `liveMarks`, or it has none); returns the ids, so each can be audited.
   */
  async interruptOrphans(db: Kysely<DB>, liveMarks: RawBuilder<string>, note: string): Promise<Array<{ id: string; org_id: string }>> {
    const r = await sql<{ id: string; org_id: string }>`
      update intel_intake_runs set status = 'interrupted', finished_at = now(),
        notes = ${capped('notes', [{ index: -1, message: note }])}
      where status = 'running' and (runner is null or runner not in (${liveMarks}))
      returning id, org_id`.execute(db);
    return r.rows;
  },

  /** Add a chunk's counts; errors are kept up to the first 100. */
  async progress(db: Kysely<DB>, id: string, d: RunDelta): Promise<void> {
    await sql`
      update intel_intake_runs set received = received + ${d.received}, stored = stored + ${d.stored},
        duplicates = duplicates + ${d.duplicates}, invalid = invalid + ${d.invalid},
        errors = ${capped('errors', d.errors)}, notes = ${capped('notes', d.notes ?? [])},
        bytes_read = coalesce(${d.bytesRead ?? null}::bigint, bytes_read)
      where id = ${id}`.execute(db);
  },

  /** End a run; `source` names it better once known (a streamed bundle's id). */
  async finish(db: Kysely<DB>, id: string, status: 'done' | 'failed', source?: string): Promise<void> {
    await sql`update intel_intake_runs set status = ${status}, finished_at = now(), source = coalesce(${source ?? null}, source) where id = ${id}`.execute(db);
  },

  async get(db: Kysely<DB>, id: string): Promise<IntakeRunRow | undefined> {
    const r = await sql<IntakeRunRow>`select ${COLUMNS} from intel_intake_runs where id = ${id}`.execute(db);
    return r.rows[0];
  },

  /** When an organisation last started a run of `kind` other than from a file shipped with Lachan (`shipped:`); null: never. */
  async lastPulledAt(db: Kysely<DB>, orgId: string, kind: IntakeKind): Promise<Date | null> {
    const r = await sql<{ at: Date | null }>`select max(started_at) as at from intel_intake_runs
      where org_id = ${orgId} and kind = ${kind} and source not like 'shipped:%'`.execute(db);
    return r.rows[0]?.at ? new Date(r.rows[0].at) : null;
  },

  /** Newest runs first; `orgIds` null for every organisation. */
  async list(db: Kysely<DB>, orgIds: string[] | null, limit: number): Promise<IntakeRunRow[]> {
    const r = await sql<IntakeRunRow>`
      select ${COLUMNS} from intel_intake_runs
      where ${orgIds === null ? sql`true` : sql`org_id = any(${orgIds}::uuid[])`}
      order by started_at desc limit ${limit}`.execute(db);
    return r.rows;
  },
};
