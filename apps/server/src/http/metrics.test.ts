import Fastify from 'fastify';
import { constants, PerformanceObserver } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { registerMetrics } from './metrics.ts';

setFlagsFromString('--expose-gc');
const collectNow = runInNewContext('gc') as () => void;
// Full collections seen here, heard as the gauge hears them.
let fullCollections = 0;
const seen = new PerformanceObserver((list) => {
  for (const e of list.getEntries()) if ((e as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) fullCollections++;
});
seen.observe({ entryTypes: ['gc'] });

describe('metrics: the heap the process keeps', () => {
  const app = Fastify();
  const registry = registerMetrics(app);
  afterAll(async () => {
    seen.disconnect();
    await app.close();
  });
  const gauge = async () => Number(/^lachan_heap_live_bytes (\d+)/m.exec(await registry.metrics())?.[1]);
  /** A full collection, then the gauge once the process has heard of it (a later turn of the event loop). */
  const afterCollection = async () => {
    const before = fullCollections;
    collectNow();
    while (fullCollections === before) await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setImmediate(r));
    return gauge();
  };

  it('follows what is kept across full collections, and not the garbage made between them', async () => {
    const empty = await afterCollection();
    expect(empty).toBeGreaterThan(0);
    // About 1,000,000 strings held (more than 30 MB whatever the pointer size).
    let kept: string[][] | null = Array.from({ length: 1000 }, (_, i) => Array.from({ length: 1000 }, (_, j) => `kept string number ${i} of ${j}`));
    const majors = fullCollections;
    for (let i = 0; i < 200_000; i++) void { garbage: `not kept ${i}` };
    // Without a full collection the gauge has not moved, however much was allocated since.
    if (fullCollections === majors) expect(await gauge()).toBe(empty);
    const holding = await afterCollection();
    expect(holding - empty).toBeGreaterThan(25e6);
    expect(kept.length).toBe(1000);
    kept = null;
    expect((await afterCollection()) - empty).toBeLessThan(5e6);
  });
});
