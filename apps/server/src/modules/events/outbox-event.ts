import type { Audience } from './audience.ts';

/** An event as stored in the outbox. */
export interface OutboxEvent {
  id: string;
  type: string;
  audience: Audience;
  payload: unknown;
  createdAt: Date;
}

/** An event to write: what happened, who may hear of it, and what it carries. */
export interface NewEvent {
  type: string;
  audience: Audience;
  payload: unknown;
}
