import { describe, expect, it } from 'vitest';
import { runEach } from './runEach.ts';

describe('applying an action to each selected incident', () => {
  it('goes on after a failure, counting what worked and what did not', async () => {
    const seen: number[] = [];
    const outcome = await runEach(['a', 'b', 'c'], async (id) => {
      if (id === 'b') throw new Error('conflict');
    }, (n) => seen.push(n));
    expect(outcome.done).toBe(2);
    expect(outcome.failed.map((f) => f.id)).toEqual(['b']);
    expect(seen).toEqual([1, 2, 3]);
  });
});
