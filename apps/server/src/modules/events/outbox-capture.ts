import { AsyncLocalStorage } from 'node:async_hooks';
import type { OutboxEvent } from './outbox-event.ts';

const capture = new AsyncLocalStorage<OutboxEvent[]>();

/**
 * Runs `fn` (a transaction) noting the outbox events it writes, so that once it has committed they can
 * be handed to the relay directly instead of being read back (`EventRelay.publishCommitted`).
 */
export async function capturingOutbox<T>(fn: () => Promise<T>): Promise<{ result: T; events: OutboxEvent[] }> {
  const events: OutboxEvent[] = [];
  const result = await capture.run(events, fn);
  return { result, events };
}

/** Notes events just written to the outbox, when a `capturingOutbox` is around. */
export function noteOutboxWrites(events: OutboxEvent[]): void {
  capture.getStore()?.push(...events);
}
