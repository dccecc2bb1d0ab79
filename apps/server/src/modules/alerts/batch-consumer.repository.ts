import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/index.ts';
import { partKey, type BatchPart, type CommittedAlert } from '../../common/alert-feed.ts';
import { INDEX_PROBES_UNTIL_COMMIT } from './batch.repository.ts';

const COLUMNS = sql`a.id::text as id, a.day::text as day, a.org_id as "orgId", a.reporter_org_id as "reporterOrgId", a.severity, a.rsit_class as "rsitClass", a.format, a.rule_id as "ruleId", a.title, a.attack,
  a.asset_hostname as "assetHostname", host(a.src_ip) as "srcIp", host(a.dst_ip) as "dstIp", a.observables, a.tags, a.sectors, a.province_code as "provinceCode", a.last_seen as "lastSeen", a.event_time as "eventTime",
  a.received_at as "receivedAt", a.indicator_matches as "indicatorMatches"`;

type StoredRow = CommittedAlert & { lastSeen: Date; eventTime: Date; receivedAt: Date };
/** A row read back as the feed carries it: times as ISO text. */
const asCommitted = (a: StoredRow): CommittedAlert => ({ ...a, lastSeen: a.lastSeen.toISOString(), eventTime: a.eventTime.toISOString(), receivedAt: a.receivedAt.toISOString() });

/**
 * Reads in a transaction with the planner held to index lookups and JIT off. A batch's items are a few
 * hundred rows of tables of millions, and the planner's estimate for them (an array of batch ids against
 * stale statistics) was millions: it scanned and sorted the whole day's alerts, 6 s a read with 0.5 s of
 * JIT (PostgreSQL, 1,000,000 alerts that day, measured). Batches are read back when a consumer is far
 * behind, so a slow read-back kept it behind.
 */
function probing<T>(db: Kysely<DB>, fn: (tx: Kysely<DB>) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (tx) => {
    await sql.raw(INDEX_PROBES_UNTIL_COMMIT).execute(tx);
    return fn(tx);
  });
}

/** Several organisations' parts of batches at once (see readBatch), by `partKey`. */
function readBatches(db: Kysely<DB>, parts: readonly BatchPart[]): Promise<Map<string, CommittedAlert[]>> {
  return probing(db, (tx) => readBatchesIn(tx, parts));
}

async function readBatchesIn(db: Kysely<DB>, parts: readonly BatchPart[]): Promise<Map<string, CommittedAlert[]>> {
  const r = await sql<StoredRow & { batchId: string }>`select ${COLUMNS}, i.inserted, i.occurrences, i.batch_id::text as "batchId" from alert_batch_items i join alerts a on a.id = i.alert_id and a.day = i.day
    where i.batch_id = any(${parts.map((p) => p.batchId)}::bigint[])
      and (i.batch_id, i.org_id) in (select * from unnest(${parts.map((p) => p.batchId)}::bigint[], ${parts.map((p) => p.orgId)}::uuid[]))
    order by a.id`.execute(db);
  const out = new Map<string, CommittedAlert[]>();
  for (const { batchId, ...a } of r.rows) {
    const key = partKey({ batchId, orgId: a.orgId });
    (out.get(key) ?? out.set(key, []).get(key)!).push(asCommitted(a));
  }
  // Parts whose items are no longer kept: read from the alerts they stored, one by one (rare: an old backlog).
  for (const p of parts) if (!out.has(partKey(p))) out.set(partKey(p), await readBatchIn(db, p.batchId, p.orgId));
  return out;
}

/**
 * One organisation's alerts of a batch, read back as the feed would have carried them: which alerts and
 * what the batch added to each come from the batch's items (later batches repeating an alert move its
 * row on, not them). Batches older than the items kept (a consumer more than a day behind) are read from
 * the alerts they stored, by `batch_id`: what each added is exact while no later batch repeated it, and
 * one occurrence after; the repeats such a batch folded into earlier rows are not found.
 */
function readBatch(db: Kysely<DB>, batchId: string, orgId: string): Promise<CommittedAlert[]> {
  return probing(db, (tx) => readBatchIn(tx, batchId, orgId));
}

async function readBatchIn(db: Kysely<DB>, batchId: string, orgId: string): Promise<CommittedAlert[]> {
  let r = await sql<StoredRow>`select ${COLUMNS}, i.inserted, i.occurrences from alert_batch_items i join alerts a on a.id = i.alert_id and a.day = i.day
    where i.batch_id = ${batchId}::bigint and i.org_id = ${orgId} order by a.id`.execute(db);
  if (r.rows.length === 0) {
    r = await sql<StoredRow>`select ${COLUMNS}, true as inserted, case when a.last_batch = a.batch_id then a.batch_occurrences else 1 end as occurrences
      from alerts a where a.batch_id = ${batchId}::bigint and a.org_id = ${orgId} order by a.id`.execute(db);
  }
  return r.rows.map(asCommitted);
}

/** The alert-batch consumers' storage: their cursors, the events after one, and batches read back. */
export const consumerRepository = {
  /** Batch events after `cursor`, without their alert summaries: a backlog of hours is read in as what a queue keeps of each batch. */
  async eventsAfter(db: Kysely<DB>, cursor: string, types: readonly string[]): Promise<{ id: string; type: string; payload: unknown }[]> {
    return (await sql<{ id: string; type: string; payload: unknown }>`select id::text as id, type, payload - 'alerts' as payload
      from outbox where outbox.id > ${cursor}::bigint and type = any(${types}::text[]) order by outbox.id`.execute(db)).rows;
  },

  /** Several processes share PostgreSQL: one consumer of a name at a time, until the transaction ends. */
  async lock(tx: Kysely<DB>, key: number): Promise<void> {
    await sql`select pg_advisory_xact_lock(${key})`.execute(tx);
  },

  async cursor(db: Kysely<DB>, name: string): Promise<string> {
    const r = await db.selectFrom('consumer_offsets').select('last_id').where('name', '=', name).executeTakeFirst();
    return r?.last_id ?? '0';
  },

  /** Never backwards: a late save of an idle cursor must not undo a newer transaction's. */
  async setCursor(db: Kysely<DB>, name: string, id: string): Promise<void> {
    await sql`insert into consumer_offsets (name, last_id) values (${name}, ${id}::bigint)
      on conflict (name) do update set last_id = greatest(consumer_offsets.last_id, excluded.last_id), updated_at = now()`.execute(db);
  },

  readBatch,
  readBatches,
};
