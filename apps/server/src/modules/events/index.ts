export { EventRelay, type Subscriber } from './relay.ts';
export { mayHear, type Audience } from './audience.ts';
export { outboxRepository, writeEvents, type NewEvent, type OutboxEvent } from './outbox.repository.ts';
export { capturingOutbox, noteOutboxWrites } from './outbox-capture.ts';
export { streamRoutes } from './stream.routes.ts';
export { recordChange, transact, type Change } from './change.ts';
