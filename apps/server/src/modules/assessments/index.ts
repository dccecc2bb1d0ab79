export { CataloguesService } from './catalogues.service.ts';
export { AssessmentsService } from './assessments.service.ts';
export { assessmentRoutes } from './assessments.routes.ts';
export { catalogueProblems } from './catalogue-format.ts';
export { AssessmentDeadlines } from './assessment-deadlines.worker.ts';
export { AssessmentOverviewService } from './overview.service.ts';
