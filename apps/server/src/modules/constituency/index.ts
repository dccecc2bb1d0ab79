import type { BackgroundJob, ModuleRoutes } from '../../common/module-parts.ts';
import type { IngestService } from '../alerts/index.ts';
import type { ConstituencyParts } from './constituency-parts.ts';
import { ConstituencyService } from './constituency.service.ts';
import { DigestWorker } from './digest.worker.ts';
import { constituencyRoutes } from './constituency.routes.ts';
import { indexConstituencyAlerts } from './stored-hook.ts';

export { ConstituencyService } from './constituency.service.ts';
export { DigestWorker } from './digest.worker.ts';
export type { ConstituencyParts } from './constituency-parts.ts';

/** Constituency reports (service and routes) and the daily digests, a led job. */
export interface ConstituencyModule {
  constituency: ConstituencyService;
  routes: ModuleRoutes;
  /** Unstarted; the composition root starts them on a `workers` node, each led by one node. */
  workers: { 'constituency-digests': BackgroundJob };
}

/**
 * Builds the constituency module from its parts and the ingest pipeline it feeds: its service and
 * routes, the index hook in every alert batch's transaction, and the daily digest worker.
 */
export function createConstituencyModule(parts: ConstituencyParts, ingest: IngestService): ConstituencyModule {
  ingest.onStored(indexConstituencyAlerts);
  const constituency = new ConstituencyService(parts, ingest);
  const digests = new DigestWorker(parts);
  const routes: ModuleRoutes = async (app) => {
    constituencyRoutes(app, constituency, parts.config.ingestBodyLimitBytes);
  };
  return { constituency, routes, workers: { 'constituency-digests': digests.task } };
}
