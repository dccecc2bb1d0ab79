export { WarningsService } from './warnings.service.ts';
export { WarningWebhooksService } from './webhooks.service.ts';
export { WarningWorkers } from './warning.workers.ts';
export type { SurgeProposal } from './proposals.ts';
export { signWebhook } from './webhook-sender.ts';
export { warningRoutes } from './warnings.routes.ts';
export { toCsaf, toStixBundle } from './warning-exports.ts';
export { WarningPoliciesService } from './policies.service.ts';
export { issueExerciseWarning, type ExerciseWarning } from './exercise-warnings.ts';
