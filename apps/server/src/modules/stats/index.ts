import type { BackgroundJob, ModuleRoutes } from '../../common/module-parts.ts';
import { StatsService } from './stats.service.ts';
import { ForecastService } from './forecast.service.ts';
import { SurgeWatcher } from './surge-watcher.worker.ts';
import { StatsHistoryService } from './history.service.ts';
import { statsRoutes, type StatsRouteServices } from './stats.routes.ts';
import type { StatsParts } from './stats-parts.ts';

export { StatsService } from './stats.service.ts';
export { StatsRollup } from './stats-rollup.worker.ts';
export { ForecastService } from './forecast.service.ts';
export { SurgeWatcher, type SurgeListener, type SurgeNews } from './surge-watcher.worker.ts';
export { StatsHistoryService } from './history.service.ts';
export type { StatsParts } from './stats-parts.ts';

/** The statistics module's reading side (the roll-up is the platform's worker), its routes and the surge watcher. */
export interface StatsModule extends StatsRouteServices {
  routes: ModuleRoutes;
  /** Led by one node of the cluster, started by the composition root. */
  workers: Record<'surges', BackgroundJob>;
}

/**
 * Builds the statistics module from its parts (the incidents module's visibility reads included); an
 * import of history makes the surge watcher look at the data anew.
 */
export function createStatsModule(parts: StatsParts): StatsModule {
  const stats = new StatsService(parts);
  const forecasts = new ForecastService(parts, stats);
  const surges = new SurgeWatcher(parts, forecasts);
  const statsHistory = new StatsHistoryService(parts);
  statsHistory.onImported(() => surges.invalidate());
  const services: StatsRouteServices = { stats, forecasts, surges, statsHistory };
  return {
    ...services,
    routes: async (app) => statsRoutes(app, services, parts.config.ingestBodyLimitBytes),
    workers: { surges: { start: () => surges.start(), stop: () => surges.stop() } },
  };
}
