import type { Platform } from '../../platform.types.ts';
import type { IngestService } from '../alerts/index.ts';
import { ConstituencyService } from './constituency.service.ts';
import { DigestWorker } from './digest.worker.ts';
import { indexConstituencyAlerts } from './stored-hook.ts';

export { ConstituencyService } from './constituency.service.ts';
export { DigestWorker } from './digest.worker.ts';
export { constituencyRoutes } from './constituency.routes.ts';

/**
 * Builds the constituency module from the ingest pipeline it feeds: its service, the index hook in
 * every alert batch's transaction, and the daily digest worker (led by one node: started in services.ts).
 */
export function createConstituencyModule(platform: Platform, ingest: IngestService): { service: ConstituencyService; digests: DigestWorker } {
  ingest.onStored(indexConstituencyAlerts);
  const digests = new DigestWorker(platform);
  return { service: new ConstituencyService(platform, ingest), digests };
}
