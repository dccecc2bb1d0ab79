import { describe, expect, it } from 'vitest';
import { IngestGate } from './ingest-gate.ts';
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
});
