import { describe, expect, it } from 'vitest';
import { IngestGate, SMALL_BATCH, SMALL_BATCH_BYTES } from './ingest-gate.ts';
import { currentDbPriority } from '../../db/mutex.ts';
import { AppError } from '../../core/errors.ts';

describe('ingest admission', () => {
  it('runs a bounded number at once, queues a bounded number, and refuses the rest with Retry-After', async () => {
    const gate = new IngestGate(1, 1);
    let release!: () => void;
    const first = gate.run(() => new Promise<string>((r) => (release = () => r('a'))));
    const second = gate.run(async () => 'b');
    const third = gate.run(async () => 'c').catch((e: AppError) => e);
    const refused = await third;
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).status).toBe(503);
    expect((refused as AppError).headers?.['retry-after']).toBe('1');
    release();
    expect(await first).toBe('a');
    expect(await second).toBe('b');
    expect(gate.load).toEqual({ running: 0, waiting: 0 });
  });

  it('admits a small batch at once while bulk uploads fill their lane, and runs its database work before bulk work', async () => {
    const gate = new IngestGate(1, 1);
    let release!: () => void;
    const bulk = gate.run(() => {
      const priority = currentDbPriority();
      return new Promise<string>((r) => (release = () => r(priority)));
    }, 5000);
    const queued = gate.run(async () => 'queued', 5000);
    await expect(gate.run(async () => 'refused', 5000)).rejects.toBeInstanceOf(AppError);
    // The bulk lane is full (one running, one waiting): a single alert still goes through, at normal priority.
    expect(await gate.run(async () => currentDbPriority(), 1)).toBe('normal');
    expect(await gate.run(async () => 'edge', SMALL_BATCH)).toBe('edge');
    // A few huge records are bulk work: they wait their turn in the bulk lane (full here: refused).
    await expect(gate.run(async () => 'huge', 2, SMALL_BATCH_BYTES + 1)).rejects.toBeInstanceOf(AppError);
    release();
    expect(await bulk).toBe('background');
    expect(await queued).toBe('queued');
    expect(gate.load).toEqual({ running: 0, waiting: 0 });
  });
});
