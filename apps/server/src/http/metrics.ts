import type { FastifyInstance } from 'fastify';
import { constants, monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';
import client from 'prom-client';

/**
 * Prometheus metrics: process defaults, HTTP request counts and durations, event-loop delay, and the heap
 * the process keeps (in use just after the last full collection).
 */
export function registerMetrics(app: FastifyInstance, extra: (registry: client.Registry) => void = () => {}): client.Registry {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'lachan_' });
  const duration = new client.Histogram({
    name: 'lachan_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  new client.Gauge({
    name: 'lachan_event_loop_delay_max_seconds',
    help: 'Worst event-loop delay since the previous scrape',
    registers: [registry],
    collect() {
      this.set(loop.max / 1e9);
      loop.reset();
    },
  });
  // The heap in use between collections includes garbage not yet collected, and resident memory includes
  // the room V8 has grown its heap into; just after a full (mark-compact) collection it is what is kept.
  let liveHeap = 0;
  const collections = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if ((entry as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) liveHeap = getHeapStatistics().used_heap_size;
    }
  });
  collections.observe({ entryTypes: ['gc'] });
  new client.Gauge({
    name: 'lachan_heap_live_bytes',
    help: 'V8 heap in use when this process last heard of a full collection (read right after it): about what the process keeps (0 until the first)',
    registers: [registry],
    collect() {
      this.set(liveHeap);
    },
  });
  extra(registry);
  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? 'unmatched';
    duration.observe({ method: req.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });
  app.addHook('onClose', async () => {
    loop.disable();
    collections.disconnect();
  });
  return registry;
}
