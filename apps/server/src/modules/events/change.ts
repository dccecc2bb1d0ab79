import type { Kysely } from 'kysely';
import type { DB } from '../../db/index.ts';
import type { RequestContext } from '../../core/context.ts';
import { appendAudit, type AuditChange } from '../audit/index.ts';
import { capturingOutbox } from './outbox-capture.ts';
import { outboxRepository } from './outbox.repository.ts';
import type { Audience } from './audience.ts';
import type { EventRelay } from './relay.ts';

/** A change to record: its audit link and, when others must hear of it, its event. */
export interface Change extends AuditChange {
  event?: { type: string; audience: Audience; data: unknown };
}

/** Writes the audit link and the outbox event of a change inside the caller's transaction. */
export async function recordChange(tx: Kysely<DB>, ctx: RequestContext, change: Change): Promise<void> {
  await appendAudit(tx, ctx, change);
  if (change.event) await outboxRepository.insert(tx, change.event.type, change.event.audience, change.event.data);
}

/** What a mutation runs on: the database, and the relay its committed events are handed to. */
export interface TransactionParts {
  db: Kysely<DB>;
  relay: Pick<EventRelay, 'publishCommitted'>;
}

/** Runs one mutation as one transaction, then hands its events to the relay so they go out at once. */
export async function transact<T>(parts: TransactionParts, fn: (tx: Kysely<DB>) => Promise<T>): Promise<T> {
  const { result, events } = await capturingOutbox(() => parts.db.transaction().execute(fn));
  parts.relay.publishCommitted(events);
  return result;
}
