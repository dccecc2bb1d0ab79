import { describe, expect, it } from 'vitest';
import { PeriodicTask } from './periodic-task.ts';

describe('PeriodicTask', () => {
  it('shares a pass under way with run(), and runs one more after it for runAgain(), shared by its callers', async () => {
    let passes = 0;
    let release!: () => void;
    const task = new PeriodicTask(60_000, async () => {
      const n = ++passes;
      if (n === 1) await new Promise<void>((r) => (release = r));
      return n;
    });
    const first = task.run();
    expect(task.run()).toBe(first);
    const again = task.runAgain();
    const alsoAgain = task.runAgain();
    release();
    expect(await first).toBe(1);
    expect(await again).toBe(2);
    expect(await alsoAgain).toBe(2);
    expect(passes).toBe(2);
    // Nothing under way: runAgain is one pass now.
    expect(await task.runAgain()).toBe(3);
  });
});
