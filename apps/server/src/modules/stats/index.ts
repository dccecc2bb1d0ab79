export { StatsService } from './stats.service.ts';
export { StatsRollup } from './stats-rollup.worker.ts';
export { statsRoutes } from './stats.routes.ts';
export { ForecastService } from './forecast.service.ts';
export { SurgeWatcher, type SurgeListener, type SurgeNews } from './surge-watcher.worker.ts';
export { StatsHistoryService } from './history.service.ts';
