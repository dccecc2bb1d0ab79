import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { sql } from 'kysely';
import client from 'prom-client';
import type { Platform } from '../platform.types.ts';
import { pendingMigrations } from '../db/index.ts';
import { forbidden } from '../core/errors.ts';
import { registerMetrics } from './metrics.ts';
import type { ConsumerHealth } from '../modules/alerts/index.ts';
import type { CacheFill } from '../common/module-parts.ts';

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

/**
 * Liveness, readiness and Prometheus metrics (with the backlog of this node's alert-batch consumers, and how
 * full its bounded caches are: `caches` is read at each scrape).
 */
export function registerOps(app: FastifyInstance, platform: Platform, consumers: readonly { health: ConsumerHealth }[] = [], caches: () => CacheFill[] = () => []): void {
  const registry = registerMetrics(app, (r) => {
    // One gauge per figure, one series per consumer or cache, read at each scrape.
    const labelled = <T>(label: string, items: () => readonly T[], key: (t: T) => string) => (name: string, help: string, value: (t: T) => number) =>
      new client.Gauge({
        name, help, labelNames: [label], registers: [r],
        collect() {
          for (const t of items()) this.set({ [label]: key(t) }, value(t));
        },
      });
    const gauge = labelled('consumer', () => consumers.map((c) => c.health), (h) => h.name);
    gauge('lachan_consumer_queued_events', 'Committed alert batches waiting for a consumer of this node (one event per batch and organisation)', (h) => h.queued);
    gauge('lachan_consumer_queued_alerts', 'Alerts in the batches waiting for a consumer of this node', (h) => h.queuedAlerts);
    gauge('lachan_consumer_failures', 'Consecutive failures of the group a consumer is retrying (0 when healthy)', (h) => h.failures);
    const fill = labelled('cache', caches, (c) => c.cache);
    fill('lachan_cache_entries', 'Entries of a bounded in-process cache of this node (campaign values, held alerts, ingest fingerprints)', (c) => c.entries);
    fill('lachan_cache_bound', 'The most entries that cache keeps', (c) => c.bound);
    fill('lachan_cache_preallocated', '1 when the cache\'s memory is allocated whole at start (it does not grow as it fills)', (c) => (c.preallocated ? 1 : 0));
    new client.Gauge({
      name: 'lachan_outbox_relayed_id',
      help: 'Last outbox id delivered by this process',
      registers: [r],
      collect() {
        this.set(Number(platform.relay.cursor));
      },
    });
  });
  const Health = Type.Object({ status: Type.String(), engine: Type.Optional(Type.String()), detail: Type.Optional(Type.String()) });
  app.get('/healthz', { config: { public: true }, schema: { tags: ['ops'], response: { 200: Health } } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { config: { public: true }, schema: { tags: ['ops'], response: { 200: Health, 503: Health } } }, async (_req, reply) => {
    try {
      await sql`select 1`.execute(platform.db);
      const pending = await pendingMigrations(platform.database);
      if (pending > 0) return reply.status(503).send({ status: 'not_ready', engine: platform.database.engine, detail: `${pending} migrations pending` });
      return { status: 'ready', engine: platform.database.engine };
    } catch {
      return reply.status(503).send({ status: 'not_ready', engine: platform.database.engine, detail: 'database unreachable' });
    }
  });
  // Metrics are for the machine's own Prometheus: loopback only unless a proxy is trusted to filter.
  app.get('/metrics', { config: { public: true }, schema: { tags: ['ops'], hide: true } }, async (req, reply) => {
    if (!LOOPBACK.test(req.socket.remoteAddress ?? '') && !platform.config.trustProxy) throw forbidden('metrics are served to loopback only');
    reply.header('content-type', registry.contentType);
    return registry.metrics();
  });
}
