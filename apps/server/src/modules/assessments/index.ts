import type { BackgroundJob, ModuleRoutes } from '../../common/module-parts.ts';
import type { AssessmentsParts } from './assessments-parts.ts';
import { CataloguesService } from './catalogues.service.ts';
import { AssessmentsService } from './assessments.service.ts';
import { AssessmentDeadlines } from './assessment-deadlines.worker.ts';
import { AssessmentOverviewService } from './overview.service.ts';
import { assessmentRoutes, type AssessmentRouteServices } from './assessments.routes.ts';

export { CataloguesService } from './catalogues.service.ts';
export { AssessmentsService } from './assessments.service.ts';
export { catalogueProblems } from './catalogue-format.ts';
export { AssessmentDeadlines } from './assessment-deadlines.worker.ts';
export { AssessmentOverviewService } from './overview.service.ts';
export type { AssessmentsParts } from './assessments-parts.ts';

/** The assessments module: catalogues, campaigns and tasks, the overview, their routes and the deadline worker. */
export interface AssessmentsModule extends AssessmentRouteServices {
  deadlines: AssessmentDeadlines;
  routes: ModuleRoutes;
  /** Led by one node of the cluster, started by the composition root: reminders, overdue notices and escalation, once a minute. */
  workers: Record<'assessment-deadlines', BackgroundJob>;
}

/** Builds the assessments module from its database, relay, organisation tree and clock; its worker is returned unstarted. */
export function createAssessmentsModule(parts: AssessmentsParts): AssessmentsModule {
  const catalogues = new CataloguesService(parts);
  const services: AssessmentRouteServices = {
    catalogues,
    assessments: new AssessmentsService(parts, catalogues),
    assessmentOverview: new AssessmentOverviewService(parts),
  };
  const deadlines = new AssessmentDeadlines(parts);
  return {
    ...services,
    deadlines,
    routes: async (app) => assessmentRoutes(app, services),
    workers: { 'assessment-deadlines': deadlines.task },
  };
}
