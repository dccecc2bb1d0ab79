/** Front door of the dashboard module. */
export { DashboardPage, ScopeDashboardPage } from './DashboardPage.tsx';
