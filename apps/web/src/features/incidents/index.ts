/** Front door of the incidents module (read-only for now: incidents are opened from alerts). */
export { IncidentsPage } from './IncidentsPage.tsx';
export { IncidentDetailPage } from './IncidentDetailPage.tsx';
