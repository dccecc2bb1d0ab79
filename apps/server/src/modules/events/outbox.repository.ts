import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/index.ts';
import type { Audience } from './audience.ts';
import { noteOutboxWrites } from './outbox-capture.ts';

/** An event as stored in the outbox. */
export interface OutboxEvent {
  id: string;
  type: string;
  audience: Audience;
  payload: unknown;
  createdAt: Date;
}

type Row = { id: string; type: string; audience: Audience; payload: unknown; created_at: Date };
const toEvent = (r: Row): OutboxEvent => ({ id: r.id, type: r.type, audience: r.audience, payload: r.payload, createdAt: r.created_at });

/** SQL for the transactional outbox. */
export const outboxRepository = {
  async insert(tx: Kysely<DB>, type: string, audience: Audience, payload: unknown): Promise<void> {
    const json = JSON.stringify(payload);
    const r = await sql<{ id: string; created_at: Date }>`insert into outbox (type, audience, payload) values (${type}, ${JSON.stringify(audience)}::jsonb, ${json}::jsonb)
      returning id::text as id, created_at`.execute(tx);
    // As a reader of the outbox would get it: plain JSON, dates as strings.
    noteOutboxWrites(r.rows.map((x) => ({ id: x.id, type, audience, payload: JSON.parse(json) as unknown, createdAt: x.created_at })));
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
