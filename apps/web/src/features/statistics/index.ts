/** Front door of the statistics module. */
export { StatisticsPage } from './StatisticsPage.tsx';
