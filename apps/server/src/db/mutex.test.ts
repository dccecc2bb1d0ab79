import { describe, expect, it } from 'vitest';
import { Mutex, PRIORITY_STEP_MS, URGENT_STEP_MS, withDbPriority, type DbPriority } from './mutex.ts';

/** Queues one waiter per entry while the lock is held, releases, and returns the order they ran in. */
async function order(mutex: Mutex, waiters: { name: string; priority: DbPriority; advance?: number }[], clock: { t: number }): Promise<string[]> {
  const ran: string[] = [];
  const release = await mutex.lock('normal');
  const done = waiters.map((w) => {
    clock.t += w.advance ?? 0;
    return mutex.lock(w.priority).then((r) => {
      ran.push(w.name);
      r();
    });
  });
  release();
  await Promise.all(done);
  return ran;
}

describe('the embedded connection lock', () => {
  it('hands the connection to urgent work before normal and background work, first come first served within a level', async () => {
    const clock = { t: 0 };
    const ran = await order(new Mutex(() => clock.t), [
      { name: 'rollup', priority: 'background' },
      { name: 'ingest-1', priority: 'normal' },
      { name: 'relay', priority: 'urgent' },
      { name: 'ingest-2', priority: 'normal' },
    ], clock);
    expect(ran).toEqual(['relay', 'ingest-1', 'ingest-2', 'rollup']);
  });

  it('lets background work that has waited long enough go before normal work that just arrived', async () => {
    const clock = { t: 0 };
    const ran = await order(new Mutex(() => clock.t), [
      { name: 'rollup', priority: 'background' },
      { name: 'late-ingest', priority: 'normal', advance: PRIORITY_STEP_MS + 1 },
    ], clock);
    expect(ran).toEqual(['rollup', 'late-ingest']);
  });

  it('lets urgent work go before normal work that has waited a while under load, but not before work waiting for seconds', async () => {
    const clock = { t: 0 };
    const ran = await order(new Mutex(() => clock.t), [
      { name: 'old-ingest', priority: 'normal' },
      { name: 'ingest', priority: 'normal', advance: 300 },
      { name: 'relay', priority: 'urgent', advance: 500 },
    ], clock);
    expect(ran).toEqual(['relay', 'old-ingest', 'ingest']);
    const starved = await order(new Mutex(() => clock.t), [
      { name: 'old-ingest', priority: 'normal' },
      { name: 'relay', priority: 'urgent', advance: URGENT_STEP_MS + 1 },
    ], clock);
    expect(starved).toEqual(['old-ingest', 'relay']);
  });

  it('takes the priority of the surrounding work when none is given', async () => {
    const clock = { t: 0 };
    const mutex = new Mutex(() => clock.t);
    const release = await mutex.lock();
    const ran: string[] = [];
    const a = mutex.lock().then((r) => (ran.push('plain'), r()));
    const b = withDbPriority('urgent', () => mutex.lock()).then((r) => (ran.push('urgent'), r()));
    release();
    await Promise.all([a, b]);
    expect(ran).toEqual(['urgent', 'plain']);
  });
});
