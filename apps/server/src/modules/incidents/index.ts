export { IncidentsService } from './incidents.service.ts';
export { PromotionEngine } from './promotion.engine.ts';
export { ReportingReminders } from './reminders.worker.ts';
export { incidentRoutes } from './incidents.routes.ts';
export { incidentCollabRoutes } from './incident-collab.routes.ts';
export { createIncidentServices, type IncidentServices } from './incident-services.ts';
export { PromotionRulesService } from './promotion-rules.service.ts';
export { deadlinesOf, type ClockInputs, type RegimeClock, type FiledReport, type ComputedDeadline } from './reporting-clock.ts';
