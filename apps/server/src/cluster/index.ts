export { AdvisoryLeadership, SoleLeadership, dedicatedConnection, type Leadership, type LeaderJob } from './leadership.ts';
export { duringStartup } from './startup-lock.ts';
