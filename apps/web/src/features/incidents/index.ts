/** Front door of the incidents module: the queue, an incident, the Circular 20 report form, the deadlines. */
export { IncidentsPage } from './queue/IncidentsPage.tsx';
export { IncidentDetailPage } from './detail/IncidentDetailPage.tsx';
export { ReportFormPage } from './report/ReportFormPage.tsx';
export { DeadlinesPage } from './deadlines/DeadlinesPage.tsx';
