import { sql, type Kysely } from 'kysely';
import type { QuarantineReason } from '@lachan/contracts';
import { storableText } from '@lachan/parsers';
import type { DB, RawStep, RawTx } from '../../db/index.ts';
import { writeEvents, type NewEvent } from '../events/index.ts';
import { encodeCopyRows } from './copy-text.ts';
import { ALERT_COLUMNS, alertCopyRow, type PreparedAlert } from './alert-row.ts';
import type { IdReserve } from './id-reserve.ts';

export interface StoredAlert {
  id: string;
  day: string;
  inserted: boolean;
}

export interface QuarantineEntry {
  code: QuarantineReason;
  message: string;
  raw: string;
}

const STAGE_DDL = `create temp table if not exists alerts_stage (
  day date, fingerprint text, org_id uuid, reporter_org_id uuid, source_id uuid, attributed boolean, format text, source_ref text,
  event_time timestamptz, received_at timestamptz, first_seen timestamptz, last_seen timestamptz, occurrences integer, title text,
  description text, vendor text, product text, rule_id text, rule_name text, severity smallint, source_severity text, rsit_class text,
  rsit_type text, attack text[], src_ip inet, src_port integer, dst_ip inet, dst_port integer, protocol text, asset_hostname text,
  asset_ip inet, observables jsonb, tags text[], sectors text[], province_code text, raw text, batch_id bigint, last_batch bigint, batch_occurrences integer, indicator_matches jsonb,
  raw_last text
) on commit delete rows`;

const cols = ALERT_COLUMNS.join(', ');

/**
 * The stored row's indicator matches joined with a repeat's (`matches` index the repeat's `observables`):
 * each new match is moved to the index of the same observable (type and value) in the stored row, so
 * an indicator added since the first occurrence is kept, and none is lost or duplicated.
 */
function mergedMatches(matches: string, observables: string): string {
  return `case when jsonb_array_length(${matches}) = 0 then alerts.indicator_matches else (
    select coalesce(jsonb_agg(distinct u.x), '[]'::jsonb) from (
      select e as x from jsonb_array_elements(alerts.indicator_matches) e
      union all
      select jsonb_build_object('observableIndex', o.i - 1, 'indicatorId', (m->>'indicatorId')::bigint)
      from jsonb_array_elements(${matches}) m
      join jsonb_array_elements(${observables}) with ordinality as n(v, i) on n.i - 1 = (m->>'observableIndex')::int
      join jsonb_array_elements(alerts.observables) with ordinality as o(v, i) on o.v->>'type' = n.v->>'type' and o.v->>'value' = n.v->>'value'
    ) u) end`;
}

/** The latest repeat's record as stored beside the row's first: '' when it is that record over again. */
const latestRaw = (latest: string) => `case when ${latest} = alerts.raw then '' else ${latest} end`;

// Repeats fold into the stored row: more occurrences, a wider seen-window, the first raw record kept and
// the latest repeat's beside it ('' when it is the first one over again: a connector re-sending what it sent
// is common, and a second copy of the record in every folded row made each fold write a row too long to keep
// uncompressed; null stays "no repeat", or none recorded, as for rows folded before 0027), the indicator
// matches of both.
const UPSERT = `insert into alerts (${cols}) select ${cols} from alerts_stage
  on conflict (day, fingerprint) do update set
    occurrences = alerts.occurrences + excluded.occurrences,
    first_seen = least(alerts.first_seen, excluded.first_seen),
    last_seen = greatest(alerts.last_seen, excluded.last_seen),
    received_at = excluded.received_at,
    last_batch = excluded.last_batch,
    batch_occurrences = excluded.batch_occurrences,
    raw_last = ${latestRaw(`coalesce(nullif(excluded.raw_last, ''), excluded.raw)`)},
    indicator_matches = ${mergedMatches('excluded.indicator_matches', 'excluded.observables')}
  returning id::text as id, day::text as day, (batch_id = last_batch) as inserted`;

/**
 * Folds repeats into their stored rows. `table` is the day's partition when the batch has one (every alert
 * of a batch is of the day it was received): on the parent the statement is planned and started over every
 * partition, a cost that grows with the days kept (measured 1.4 ms with 6 partitions, 7.9 ms with 91, against
 * 1.2 and 1.7 ms on the partition itself, for 43 repeats).
 */
export const foldRepeats = (table: string) => `update ${table} as alerts set occurrences = alerts.occurrences + t.n, first_seen = least(alerts.first_seen, t.first_seen),
    last_seen = greatest(alerts.last_seen, t.last_seen), received_at = $6::timestamptz, last_batch = $7::bigint, batch_occurrences = t.n,
    raw_last = ${latestRaw('t.raw_last')}, indicator_matches = ${mergedMatches('t.matches', 't.observables')}
  from unnest($1::date[], $2::text[], $3::int[], $4::timestamptz[], $5::timestamptz[], $8::text[], $9::jsonb[], $10::jsonb[])
    as t(day, fp, n, first_seen, last_seen, raw_last, matches, observables)
  where alerts.day = t.day and alerts.fingerprint = t.fp returning alerts.id::text as id, alerts.day::text as day, alerts.fingerprint`;

const SETTINGS = ['enable_seqscan', 'enable_bitmapscan', 'enable_hashjoin', 'enable_mergejoin', 'jit'] as const;
type Settings = Record<(typeof SETTINGS)[number], string>;
// JIT off too: the forced plan's estimate grows with the day's rows past PostgreSQL's JIT thresholds, and
// compiling it (LLVM inlining and optimisation, 0.5-0.8 s a statement at 60k rows) cost 10-20 times
// the fold itself. The settings as they were are read first (materialised, so before they change) and
// put back afterwards: reading them from pg_settings cost more than the fold it served.
const PROBE_BY_INDEX = `with was as materialized (select ${SETTINGS.map((c) => `current_setting('${c}') as ${c}`).join(', ')})
  select was.*, ${SETTINGS.map((c) => `set_config('${c}', 'off', true)`).join(', ')} from was`;
const PUT_BACK = `select ${SETTINGS.map((c, i) => `set_config('${c}', $${i + 1}, true)`).join(', ')}`;

/** The planner held to index lookups and JIT off until the transaction ends (a statement). */
export const INDEX_PROBES_UNTIL_COMMIT = `select ${SETTINGS.map((c) => `set_config('${c}', 'off', true)`).join(', ')}`;
/** The same as the first step of a script that folds. */
const PROBE_UNTIL_COMMIT: RawStep = { sql: INDEX_PROBES_UNTIL_COMMIT };

/**
 * Runs `fn` in the caller's transaction with the planner held to index lookups and JIT off, then puts
 * the planner's settings back as they were: for statements that probe a few rows of a large table by key.
 */
export async function probingByIndex<T>(tx: RawTx, fn: () => Promise<T>): Promise<T> {
  const was = (await tx.query<Settings>(PROBE_BY_INDEX)).rows[0]!;
  const result = await fn();
  await tx.query(PUT_BACK, SETTINGS.map((c) => was[c]));
  return result;
}

/** The fold's parameters for these repeats (`foldRepeats`). */
function foldParams(rep: PreparedAlert[], receivedAt: string, batchId: string): unknown[] {
  // Observables travel only with matches to move (a repeat has the row's observables: they are in the fingerprint).
  return [
    rep.map((a) => a.day), rep.map((a) => a.fingerprint), rep.map((a) => a.occurrences), rep.map((a) => a.firstSeen), rep.map((a) => a.lastSeen),
    receivedAt, batchId, rep.map((a) => a.rawLast || a.raw), rep.map((a) => JSON.stringify(a.indicatorMatches)),
    rep.map((a) => (a.indicatorMatches.length ? JSON.stringify(a.alert.observables) : '[]')),
  ];
}

type FoldedRow = { id: string; day: string; fingerprint: string };

/** Each repeat's stored row, from the fold's rows; repeats it did not find go to `leftover`. */
function foldedInto(alerts: PreparedAlert[], repeats: number[], rows: readonly FoldedRow[], result: (StoredAlert | undefined)[], leftover: number[]): void {
  const found = new Map(rows.map((x) => [`${x.day}|${x.fingerprint}`, x]));
  for (const i of repeats) {
    const hit = found.get(`${alerts[i]!.day}|${alerts[i]!.fingerprint}`);
    if (hit) result[i] = { id: hit.id, day: hit.day, inserted: false };
    else leftover.push(i);
  }
}

/** What the fold and the COPY missed (another process stored or removed it meanwhile): through the staging upsert. */
async function upsertLeftover(tx: RawTx, alerts: PreparedAlert[], leftover: number[], row: RowContext & { batchId: string }, result: (StoredAlert | undefined)[]): Promise<void> {
  if (!leftover.length) return;
  // The staging table empties only at commit: emptied first, so that an earlier batch of the same transaction is not upserted again.
  const results = await tx.script([
    { sql: STAGE_DDL }, { sql: 'truncate alerts_stage' },
    { copy: { table: 'alerts_stage', columns: ALERT_COLUMNS, data: encodeCopyRows(leftover.map((i) => alertCopyRow(alerts[i]!, row))) } },
    { sql: UPSERT },
  ]);
  const upserted = results.at(-1)!.rows as unknown as StoredAlert[];
  leftover.forEach((i, k) => (result[i] = upserted[k]));
}

/** A batch made ready before its transaction: its id, its new alerts' ids and their COPY rows. */
export interface BatchPlan {
  batchId: string;
  /** Indexes of alerts not seen before (copied) and of repeats of stored ones (folded in). */
  fresh: number[];
  repeats: number[];
  freshIds: string[];
  /** The fresh alerts' COPY rows; null when there are none, or when they are looked up first (encoded then). */
  copy: Uint8Array | null;
  /** Look the fresh alerts up before copying them: other processes stored some of this kind lately. */
  lookFirst: boolean;
  /** Set while storing: how many alerts taken for new had been stored by another process. */
  storedElsewhere: number;
}

type RowContext = { reporterOrgId: string; sourceId: string | null; receivedAt: string };
type QuarantineOf = { orgId: string; sourceId: string | null; format: string };

function encodeFresh(alerts: PreparedAlert[], fresh: number[], ids: string[], row: RowContext & { batchId: string }): Uint8Array {
  return encodeCopyRows(fresh.map((i, k) => [ids[k]!, ...alertCopyRow(alerts[i]!, row)] as const));
}

/** Of the alerts looked up, those stored already; `table` as for `foldRepeats`. */
const storedOfSql = (table: string) => `select t.day::text || '|' || t.fp as k from unnest($1::date[], $2::text[]) as t(day, fp)
  where exists (select 1 from ${table} a where a.day = t.day and a.fingerprint = t.fp)`;

/** Which of these alerts are stored already (`day|fingerprint`): one index probe each. */
async function storedOf(tx: RawTx, alerts: PreparedAlert[], table: string): Promise<Set<string>> {
  const r = await probingByIndex(tx, () => tx.query<{ k: string }>(storedOfSql(table), [alerts.map((a) => a.day), alerts.map((a) => a.fingerprint)]));
  return new Set(r.rows.map((x) => x.k));
}

/** SQL of one ingest batch: its plan before the transaction, the rest inside the caller's raw transaction. */
export const batchRepository = {
  /**
   * Takes the batch's id and its new alerts' ids (from the process's reserve) and encodes their COPY
   * rows, so that this CPU work never holds the connection the transaction needs.
   */
  async plan(ids: IdReserve, alerts: PreparedAlert[], ctx: RowContext, known: (day: string, fingerprint: string) => boolean = () => true,
    lookFirst = false): Promise<BatchPlan> {
    const fresh: number[] = [];
    const repeats: number[] = [];
    alerts.forEach((a, i) => (known(a.day, a.fingerprint) ? repeats : fresh).push(i));
    const { batchId, alertIds: freshIds } = await ids.take(fresh.length);
    const copy = fresh.length && !lookFirst ? encodeFresh(alerts, fresh, freshIds, { ...ctx, batchId }) : null;
    return { batchId, fresh, repeats, freshIds, copy, lookFirst, storedElsewhere: 0 };
  },

  /**
   * Stores a planned batch: alerts not seen before go straight in by COPY, repeats of known ones are one
   * batched UPDATE (both on `ctx.copyInto`, the day's partition, when every alert is of that day), and
   * whatever that misses (another process stored it meanwhile) goes through the staging upsert. Results
   * come back in input order.
   */
  async storeAlerts(tx: RawTx, alerts: PreparedAlert[], plan: BatchPlan, ctx: RowContext & { copyInto?: string }): Promise<StoredAlert[]> {
    if (alerts.length === 0) return [];
    const result: (StoredAlert | undefined)[] = new Array(alerts.length);
    const { batchId } = plan;
    const table = ctx.copyInto ?? 'alerts';
    let { fresh, freshIds, repeats, copy } = plan;
    let leftover: number[] = [];
    /** Fresh-looking alerts already stored (by another process) join the repeats; the rest are encoded anew. */
    const setAsideStored = async (): Promise<number> => {
      const stored = await storedOf(tx, fresh.map((i) => alerts[i]!), table);
      const isStored = fresh.map((i) => stored.has(`${alerts[i]!.day}|${alerts[i]!.fingerprint}`));
      const moved = fresh.filter((_, k) => isStored[k]);
      if (moved.length) {
        repeats = [...repeats, ...moved];
        freshIds = freshIds.filter((_, k) => !isStored[k]);
        fresh = fresh.filter((_, k) => !isStored[k]);
      }
      // Encoded here when looked up first (the plan left it), or again when some left the fresh ones.
      if (moved.length || !copy) copy = fresh.length ? encodeFresh(alerts, fresh, freshIds, { ...ctx, batchId }) : null;
      plan.storedElsewhere += moved.length;
      return moved.length;
    };
    const copied = async (data: Uint8Array): Promise<boolean> => {
      await tx.query('savepoint fresh_alerts');
      try {
        await tx.copyIn(table, ['id', ...ALERT_COLUMNS], data);
      } catch (err) {
        if ((err as { code?: string }).code !== '23505') throw err;
        await tx.query('rollback to savepoint fresh_alerts');
        return false;
      }
      await tx.query('release savepoint fresh_alerts');
      fresh.forEach((i, k) => (result[i] = { id: freshIds[k]!, day: alerts[i]!.day, inserted: true }));
      return true;
    };
    if (plan.lookFirst && fresh.length) await setAsideStored();
    if (copy && !(await copied(copy))) {
      // Some were stored meanwhile, most likely by another process: copy the others once more, then the slow path.
      const moved = plan.lookFirst ? 0 : await setAsideStored();
      if (!moved || (copy && !(await copied(copy)))) leftover = [...fresh];
    }
    if (repeats.length) {
      // Index lookups, one per repeat, whatever the planner's statistics say: it otherwise chose to scan
      // and sort the whole day (its estimates are stale after bulk loads, and the embedded engine has no
      // autovacuum to refresh them), a cost that grows with every alert of the day.
      const r = await probingByIndex(tx, () => tx.query<FoldedRow>(foldRepeats(table), foldParams(repeats.map((i) => alerts[i]!), ctx.receivedAt, batchId)));
      foldedInto(alerts, repeats, r.rows, result, leftover);
    }
    await upsertLeftover(tx, alerts, leftover, { ...ctx, batchId }, result);
    return result as StoredAlert[];
  },

  /**
   * The same store as steps of one script, for a batch planned without looking its alerts up first
   * (`plan.copy` is ready): the planner setting, the COPY of the fresh alerts and the fold of the repeats.
   * The planner stays held to index lookups until the transaction ends, so the script needs no reply
   * between its statements. No savepoint: should the COPY meet a stored alert, the whole transaction is
   * to be rolled back and the batch stored again with `storeAlerts`. `finish` takes the steps' results,
   * upserts what the fold did not find (`upsertLeftover`) and returns the stored alerts in input order.
   */
  storeSteps(alerts: PreparedAlert[], plan: BatchPlan, ctx: RowContext & { copyInto?: string }): {
    steps: RawStep[];
    finish(tx: RawTx, results: readonly { rows: Record<string, unknown>[] }[]): Promise<StoredAlert[]>;
  } {
    const table = ctx.copyInto ?? 'alerts';
    const { batchId, fresh, freshIds, repeats, copy } = plan;
    const steps: RawStep[] = [];
    if (copy) steps.push({ copy: { table, columns: ['id', ...ALERT_COLUMNS], data: copy } });
    if (repeats.length) steps.push(PROBE_UNTIL_COMMIT, { sql: foldRepeats(table), params: foldParams(repeats.map((i) => alerts[i]!), ctx.receivedAt, batchId) });
    return {
      steps,
      async finish(tx, results) {
        const result: (StoredAlert | undefined)[] = new Array(alerts.length);
        fresh.forEach((i, k) => (result[i] = { id: freshIds[k]!, day: alerts[i]!.day, inserted: true }));
        const leftover: number[] = [];
        if (repeats.length) foldedInto(alerts, repeats, results.at(-1)!.rows as FoldedRow[], result, leftover);
        await upsertLeftover(tx, alerts, leftover, { ...ctx, batchId }, result);
        return result as StoredAlert[];
      },
    };
  },

  async quarantine(tx: RawTx, entries: QuarantineEntry[], ctx: QuarantineOf): Promise<void> {
    const step = batchRepository.quarantineStep(entries, ctx);
    if (step) await tx.script([step]);
  },

  /** The COPY of a batch's quarantined records; null when there are none. */
  quarantineStep(entries: QuarantineEntry[], ctx: QuarantineOf): RawStep | null {
    if (entries.length === 0) return null;
    // Whatever a record holds, its quarantine row can be written (NUL and lone surrogates become U+FFFD).
    const rows = entries.map((e) => [ctx.orgId, ctx.sourceId, ctx.format, storableText(e.code), storableText(e.message.slice(0, 1000)), storableText(e.raw)] as const);
    return { copy: { table: 'quarantine', columns: ['org_id', 'source_id', 'format', 'code', 'message', 'raw'], data: encodeCopyRows(rows) } };
  },

  /**
   * What the batch held, per alert (new or a repeat, occurrences added), by COPY in its transaction:
   * a consumer elsewhere reads the batch back as it was, whatever later batches did to the rows.
   */
  async items(tx: RawTx, batchId: string, prepared: PreparedAlert[], stored: StoredAlert[]): Promise<void> {
    const step = batchRepository.itemsStep(batchId, prepared, stored);
    if (step) await tx.script([step]);
  },

  /** The COPY of `items`; null when the batch stored nothing. */
  itemsStep(batchId: string, prepared: PreparedAlert[], stored: StoredAlert[]): RawStep | null {
    if (!stored.length) return null;
    const rows = new Map<string, readonly [string, string, string, string, boolean, number]>();
    stored.forEach((s, i) => {
      const p = prepared[i]!;
      const seen = rows.get(s.id);
      // Two inputs folding into one row (the staging path keeps input order): one item, occurrences summed.
      rows.set(s.id, seen ? [batchId, s.id, p.orgId, s.day, seen[4] || s.inserted, seen[5] + p.occurrences] : [batchId, s.id, p.orgId, s.day, s.inserted, p.occurrences]);
    });
    return { copy: { table: 'alert_batch_items', columns: ['batch_id', 'alert_id', 'org_id', 'day', 'inserted', 'occurrences'], data: encodeCopyRows([...rows.values()]) } };
  },

  /** Drops batch items older than a day (their batches were handled long since); how many. */
  async pruneItems(db: Kysely<DB>): Promise<number> {
    const r = await sql`delete from alert_batch_items where created_at < now() - interval '1 day'`.execute(db);
    return Number(r.numAffectedRows ?? 0);
  },

  /** Writes a batch's events in one statement (a SOC provider's batch may concern many organisations). */
  outbox(tx: RawTx, events: NewEvent[]): Promise<void> {
    return writeEvents(tx, events);
  },
};

/** Hourly upkeep on the node leading it: batch items no consumer needs any more. */
export const pruneBatchItems = (db: Kysely<DB>): Promise<number> => batchRepository.pruneItems(db);
