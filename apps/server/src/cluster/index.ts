export { AdvisoryLeadership, SoleLeadership, dedicatedConnection, type Leadership, type LeaderJob } from './leadership.ts';
export { duringStartup } from './startup-lock.ts';
export { connectEvents, EventsPublisher, NatsConsoleEvents, type ConsoleEvents, type EventsChannel } from './nats-events.ts';
