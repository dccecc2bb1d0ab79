import type { Platform } from '../../platform.types.ts';
import type { BackgroundJob, ModuleRoutes } from '../../common/module-parts.ts';
import { StatsService } from './stats.service.ts';
import { ForecastService } from './forecast.service.ts';
import { SurgeWatcher } from './surge-watcher.worker.ts';
import { StatsHistoryService } from './history.service.ts';
import { statsRoutes, type StatsRouteServices } from './stats.routes.ts';

export { StatsService } from './stats.service.ts';
export { StatsRollup } from './stats-rollup.worker.ts';
export { ForecastService } from './forecast.service.ts';
export { SurgeWatcher, type SurgeListener, type SurgeNews } from './surge-watcher.worker.ts';
export { StatsHistoryService } from './history.service.ts';

/** The statistics module's reading side (the roll-up is the platform's worker), its routes and the surge watcher. */
export interface StatsModule extends StatsRouteServices {
  routes: ModuleRoutes;
  /** Led by one node of the cluster, started by the composition root. */
  workers: Record<'surges', BackgroundJob>;
}

/** Builds the statistics module; an import of history makes the surge watcher look at the data anew. */
export function createStatsModule(platform: Platform): StatsModule {
  const stats = new StatsService(platform);
  const forecasts = new ForecastService(platform, stats);
  const surges = new SurgeWatcher(platform, forecasts);
  const statsHistory = new StatsHistoryService(platform);
  statsHistory.onImported(() => surges.invalidate());
  const services: StatsRouteServices = { stats, forecasts, surges, statsHistory };
  return {
    ...services,
    routes: async (app) => statsRoutes(app, services, platform.config.ingestBodyLimitBytes),
    workers: { surges: { start: () => surges.start(), stop: () => surges.stop() } },
  };
}
