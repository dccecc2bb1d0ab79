import type { ModuleRoutes } from '../../common/module-parts.ts';
import { WarningsService } from './warnings.service.ts';
import type { WarningWorkers } from './warning.workers.ts';
import { WarningWebhooksService } from './webhooks.service.ts';
import { WarningPoliciesService } from './policies.service.ts';
import { warningRoutes, type WarningRouteServices } from './warnings.routes.ts';
import type { WarningsParts } from './warnings-parts.ts';

export { WarningsService } from './warnings.service.ts';
export { WarningWebhooksService } from './webhooks.service.ts';
export { WarningWorkers } from './warning.workers.ts';
export type { SurgeProposal } from './proposals.ts';
export { signWebhook } from './webhook-sender.ts';
export { toCsaf, toStixBundle } from './warning-exports.ts';
export { WarningPoliciesService } from './policies.service.ts';
export { issueExerciseWarning, type ExerciseWarning } from './exercise-warnings.ts';
export type { WarningsParts } from './warnings-parts.ts';

/** The warnings module's services (drafting and issuing, webhook endpoints, issuing policies) and their routes. */
export interface WarningsModule extends WarningRouteServices {
  routes: ModuleRoutes;
}

/**
 * Builds the warnings module from its parts (which the campaigns service it reads is built from too) and
 * its delivery workers (started with the platform), woken at each issue.
 */
export function createWarningsModule(parts: WarningsParts, deliveries: Pick<WarningWorkers, 'wake'>): WarningsModule {
  const services: WarningRouteServices = {
    warnings: new WarningsService(parts, deliveries),
    warningWebhooks: new WarningWebhooksService(parts),
    warningPolicies: new WarningPoliciesService(parts),
  };
  return { ...services, routes: async (app) => warningRoutes(app, services) };
}
