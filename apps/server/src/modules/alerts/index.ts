export { IngestService } from './ingest.service.ts';
export { AlertsService } from './alerts.service.ts';
export { AssetsService } from './assets.service.ts';
export { ingestRoutes } from './ingest.routes.ts';
export { alertRoutes } from './alerts.routes.ts';
export { ensureAlertPartitions } from './partitions.ts';
export { SyslogListener } from './syslog-listener.ts';
export { AlertBatchConsumer, BatchConsumerWorker, HISTORY_BATCHES, LIVE_BATCHES, type BatchPlanner, type BatchWrite, type ConsumedBatch } from './batch-consumer.ts';
export { pruneBatchItems } from './batch.repository.ts';
