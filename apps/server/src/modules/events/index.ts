import type { ModuleRoutes } from '../../common/module-parts.ts';
import { streamRoutes, type StreamParts } from './stream.routes.ts';

export { EventRelay, type Subscriber } from './relay.ts';
export { mayHear, type Audience } from './audience.ts';
export { eventsStep, outboxRepository, writeEvents, type NewEvent, type OutboxEvent } from './outbox.repository.ts';
export { capturingOutbox, noteOutboxWrites } from './outbox-capture.ts';
export { streamRoutes, type CredentialFollower, type FollowedCredential, type StreamParts } from './stream.routes.ts';
export type { ConsoleEvents } from './console-events.ts';
export { recordChange, transact, type Change, type TransactionParts } from './change.ts';

/** The events module's routes: the consoles' event stream (the outbox and relay are built with the platform). */
export interface EventsModule {
  routes: ModuleRoutes;
}

/** Builds the events module from what consoles hear and the follower of each caller's credential (the auth module's). */
export function createEventsModule(parts: StreamParts): EventsModule {
  const routes: ModuleRoutes = async (app) => {
    streamRoutes(app, parts);
  };
  return { routes };
}
