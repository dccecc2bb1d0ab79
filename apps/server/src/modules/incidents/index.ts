export { IncidentsService } from './incidents.service.ts';
export { PromotionEngine } from './promotion.engine.ts';
export { incidentRoutes } from './incidents.routes.ts';
