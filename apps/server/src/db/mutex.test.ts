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

  it('lets the urgent work a live transaction set off go before bulk work that was waiting; bulk work hands on at once', async () => {
    const mutex = new Mutex();
    const ran: string[] = [];
    const release = await mutex.lock('normal');
    const bulk = mutex.lock('background').then((r) => (ran.push('bulk'), r()));
    // The small ingest commits; its commit sets off the campaign consumer in the same turn.
    release();
    const campaign = mutex.lock('urgent').then((r) => (ran.push('campaign'), r()));
    await Promise.all([bulk, campaign]);
    expect(ran).toEqual(['campaign', 'bulk']);

    const order: string[] = [];
    const held = await mutex.lock('background');
    const next = mutex.lock('background').then((r) => (order.push('next bulk'), r()));
    held();
    const late = mutex.lock('urgent').then((r) => (order.push('urgent'), r()));
    await Promise.all([next, late]);
    expect(order).toEqual(['next bulk', 'urgent']);
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
