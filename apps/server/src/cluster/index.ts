export { AdvisoryLeadership, SoleLeadership, dedicatedConnection, LEADS_SQL, type Leadership, type LeaderJob } from './leadership.ts';
export { LocalCluster, type LocalNode, type LocalClusterOptions } from './local-cluster.ts';
export { duringStartup } from './startup-lock.ts';
export { connectEvents, EventsPublisher, NatsConsoleEvents, type EventsChannel } from './nats-events.ts';
