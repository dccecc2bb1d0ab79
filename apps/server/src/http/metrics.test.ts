import Fastify from 'fastify';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { registerMetrics } from './metrics.ts';

setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

describe('metrics: the heap the process keeps', () => {
  const app = Fastify();
  const registry = registerMetrics(app);
  afterAll(() => app.close());
  const live = async () => {
    // The observer hears of a collection after it, in a later turn of the event loop.
    await new Promise((r) => setTimeout(r, 20));
    const m = /^lachan_heap_live_bytes (\d+)/m.exec(await registry.metrics());
    return Number(m?.[1]);
  };

  it('follows what is kept across full collections, not the garbage between them', async () => {
    collect();
    const before = await live();
    expect(before).toBeGreaterThan(0);
    let kept: string[][] | null = Array.from({ length: 400 }, (_, i) => Array.from({ length: 1000 }, (_, j) => `kept ${i} ${j}`));
    for (let i = 0; i < 200_000; i++) void { garbage: `not kept ${i}` };
    collect();
    const holding = await live();
    expect(holding - before).toBeGreaterThan(15e6);
    expect(kept.length).toBe(400);
    kept = null;
    collect();
    expect((await live()) - before).toBeLessThan(5e6);
  });
});
