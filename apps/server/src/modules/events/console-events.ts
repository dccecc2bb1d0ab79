import type { OutboxEvent } from './outbox-event.ts';
import type { Subscriber } from './relay.ts';

/** What a console's event stream needs: live events, the position reached, and what a reconnecting console missed. */
export interface ConsoleEvents {
  subscribe(fn: Subscriber): () => void;
  readonly cursor: string;
  readAfter(afterId: string, limit?: number): Promise<OutboxEvent[]>;
}
