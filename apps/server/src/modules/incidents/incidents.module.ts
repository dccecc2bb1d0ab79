import type { IncidentParts } from './incident-parts.ts';
import type { ModuleRoutes } from '../../common/module-parts.ts';
import { IncidentsService } from './incidents.service.ts';
import { createIncidentServices, type IncidentServices } from './incident-services.ts';
import { IncidentSystemsService } from './incident-systems.service.ts';
import { AlertTriageService } from './alert-triage.service.ts';
import { PromotionRulesService } from './promotion-rules.service.ts';
import { incidentRoutes } from './incidents.routes.ts';
import { alertTriageRoutes } from './alert-triage.routes.ts';
import { incidentCollabRoutes } from './incident-collab.routes.ts';
import { incidentSystemsRoutes } from './incident-systems.routes.ts';

/** The incidents module's services (incidents, their sub-resources, systems, alert triage, promotion rules) and routes. */
export interface IncidentsModule {
  incidents: IncidentsService;
  incidentParts: IncidentServices;
  incidentSystems: IncidentSystemsService;
  alertTriage: AlertTriageService;
  promotionRules: PromotionRulesService;
  routes: ModuleRoutes;
}

/** Builds the incidents module from its parts; the promotion engine and reminders are the platform's workers. */
export function createIncidentsModule(parts: IncidentParts): IncidentsModule {
  const incidents = new IncidentsService(parts);
  const incidentParts = createIncidentServices(parts, incidents);
  const incidentSystems = new IncidentSystemsService(parts, incidents);
  const alertTriage = new AlertTriageService(parts, incidents);
  const promotionRules = new PromotionRulesService(parts);
  const routes: ModuleRoutes = async (app) => {
    incidentRoutes(app, { incidents, incidentParts, promotionRules });
    alertTriageRoutes(app, { alertTriage, promotionRules });
    incidentCollabRoutes(app, incidentParts);
    incidentSystemsRoutes(app, incidentSystems);
  };
  return { incidents, incidentParts, incidentSystems, alertTriage, promotionRules, routes };
}
