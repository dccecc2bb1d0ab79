import { sql, type Kysely } from 'kysely';
import type { DB, RawStep, RawTx } from '../../db/index.ts';
import type { Audience } from './audience.ts';
import { noteOutboxWrites } from './outbox-capture.ts';
import type { NewEvent, OutboxEvent } from './outbox-event.ts';

export type { NewEvent, OutboxEvent } from './outbox-event.ts';

type Row = { id: string; type: string; audience: Audience; payload: unknown; created_at: Date };
const toEvent = (r: Row): OutboxEvent => ({ id: r.id, type: r.type, audience: r.audience, payload: r.payload, createdAt: r.created_at });

const INSERT_EVENTS = `insert into outbox (type, audience, payload) select t, a::jsonb, p::jsonb from unnest($1::text[], $2::text[], $3::text[]) with ordinality as x(t, a, p, n) order by n
  returning id::text as id, created_at`;

/** The events' statement (ids follow the order given) and what notes them for the relay once it has run. */
function eventsInsert(events: readonly NewEvent[]): { params: string[][]; written(rows: readonly { id: string; created_at: Date }[]): void } {
  const json = events.map((e) => JSON.stringify(e.payload ?? null));
  return {
    params: [events.map((e) => e.type), events.map((e) => JSON.stringify(e.audience)), json],
    // As a reader of the outbox would get them: plain JSON, dates as strings.
    written: (rows) => noteOutboxWrites(rows.map((x, i) => ({ id: x.id, type: events[i]!.type, audience: events[i]!.audience, payload: JSON.parse(json[i]!) as unknown, createdAt: x.created_at }))),
  };
}

/**
 * The one writer of events: every transaction that must be heard of writes its events here, in the
 * transaction (a query-builder one or a raw one, as on the ingest path), in one statement. Ids follow
 * the order given; the events are noted for the relay, which hands them on once committed.
 */
export async function writeEvents(tx: Kysely<DB> | RawTx, events: readonly NewEvent[]): Promise<void> {
  if (!events.length) return;
  const { params, written } = eventsInsert(events);
  written('copyIn' in tx
    ? (await tx.query<{ id: string; created_at: Date }>(INSERT_EVENTS, params)).rows
    : (await sql<{ id: string; created_at: Date }>`insert into outbox (type, audience, payload) select t, a::jsonb, p::jsonb
        from unnest(${params[0]}::text[], ${params[1]}::text[], ${params[2]}::text[]) with ordinality as x(t, a, p, n) order by n returning id::text as id, created_at`.execute(tx)).rows);
}

/**
 * The same write as a step of a raw transaction's script (`RawTx.script`): call `written` with the step's
 * rows once the script has run. Null when there is nothing to write.
 */
export function eventsStep(events: readonly NewEvent[]): { step: RawStep; written(rows: readonly Record<string, unknown>[]): void } | null {
  if (!events.length) return null;
  const { params, written } = eventsInsert(events);
  return { step: { sql: INSERT_EVENTS, params }, written: (rows) => written(rows as { id: string; created_at: Date }[]) };
}

/** SQL for the transactional outbox. */
export const outboxRepository = {
  insert(tx: Kysely<DB>, type: string, audience: Audience, payload: unknown): Promise<void> {
    return writeEvents(tx, [{ type, audience, payload }]);
  },

  async readAfter(db: Kysely<DB>, afterId: string, limit: number): Promise<OutboxEvent[]> {
    const r = await sql<Row>`select id::text as id, type, audience, payload, created_at from outbox where outbox.id > ${afterId}::bigint order by outbox.id limit ${limit}`.execute(db);
    return r.rows.map(toEvent);
  },

  async readIds(db: Kysely<DB>, ids: string[]): Promise<OutboxEvent[]> {
    if (ids.length === 0) return [];
    const r = await sql<Row>`select id::text as id, type, audience, payload, created_at from outbox where outbox.id = any(${ids}::bigint[]) order by outbox.id`.execute(db);
    return r.rows.map(toEvent);
  },

  async headId(db: Kysely<DB>): Promise<string> {
    const r = await sql<{ id: string | null }>`select max(id)::text as id from outbox`.execute(db);
    return r.rows[0]?.id ?? '0';
  },
};
