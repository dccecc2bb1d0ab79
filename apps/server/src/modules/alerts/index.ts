import type { AlertsParts } from './alerts-parts.ts';
import type { ModuleRoutes } from '../../common/module-parts.ts';
import { IngestService } from './ingest.service.ts';
import { AlertsService } from './alerts.service.ts';
import { AssetsService } from './assets.service.ts';
import { RetentionService } from './retention.ts';
import { alertRoutes } from './alerts.routes.ts';
import { ingestRoutes } from './ingest.routes.ts';
import { retentionRoutes } from './retention.routes.ts';

export { IngestService, type StoredHook } from './ingest.service.ts';
export { fingerprint } from './fingerprint.ts';
export type { PreparedAlert } from './alert-row.ts';
export type { StoredAlert } from './batch.repository.ts';
export { AlertsService } from './alerts.service.ts';
export { exerciseAlertSql } from './alerts.repository.ts';
export { AssetsService } from './assets.service.ts';
export { ensureAlertPartitions } from './partitions.ts';
export { SyslogListener } from './syslog-listener.ts';
export { AlertBatchConsumer, BatchConsumerWorker, HISTORY_BATCHES, LARGE_GROUP, LIVE_BATCHES, type BatchPlanner, type BatchWrite, type ConsumedBatch, type ConsumerHealth } from './batch-consumer.ts';
export type { AlertsParts, ConsumerParts } from './alerts-parts.ts';
export { pruneBatchItems } from './batch.repository.ts';
export { RetentionService, RetentionSweeper } from './retention.ts';

/** The alerts module: the ingest pipeline, alerts and assets, retention settings, and their routes. */
export interface AlertsModule {
  ingest: IngestService;
  alerts: AlertsService;
  assets: AssetsService;
  retention: RetentionService;
  /** Alerts, sources, quarantine, assets and retention (an `api` node). */
  routes: ModuleRoutes;
  /** POST /ingest/{format} (an `ingest` node). */
  ingestRoutes: ModuleRoutes;
}

/** Builds the alerts module from its parts; an asset changed anywhere drops the ingest pipeline's asset cache. */
export function createAlertsModule(parts: AlertsParts): AlertsModule {
  const ingest = new IngestService(parts);
  parts.relay.subscribe((events) => {
    if (events.some((e) => e.type === 'asset.changed')) ingest.assets.invalidate();
  });
  const alerts = new AlertsService(parts, ingest);
  const assets = new AssetsService(parts, ingest.assets);
  const retention = new RetentionService(parts);
  return {
    ingest, alerts, assets, retention,
    routes: async (app) => {
      alertRoutes(app, { alerts, assets });
      retentionRoutes(app, retention);
    },
    ingestRoutes: async (app) => ingestRoutes(app, ingest, parts.config.ingestBodyLimitBytes),
  };
}
