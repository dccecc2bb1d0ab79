import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { IdReserve } from './id-reserve.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

describe('ids drawn ahead', () => {
  it('hands out each batch and alert id once, in order, to batches taking at the same time, and draws past a block when a batch needs more', async () => {
    const reserve = new IdReserve(t.platform.db);
    const other = new IdReserve(t.platform.db);
    const taken = await Promise.all([...Array.from({ length: 40 }, (_, i) => reserve.take(i % 7)), other.take(3), reserve.take(5_000), other.take(2)]);
    const batches = taken.map((x) => x.batchId);
    const alerts = taken.flatMap((x) => x.alertIds);
    expect(new Set(batches).size).toBe(batches.length);
    expect(new Set(alerts).size).toBe(alerts.length);
    expect(taken.map((x) => x.alertIds.length)).toEqual([...Array.from({ length: 40 }, (_, i) => i % 7), 3, 5_000, 2]);
    // One process's ids rise in the order its batches took them.
    const mine = taken.slice(0, 40).flatMap((x) => x.alertIds).map(BigInt);
    expect(mine.every((id, i) => i === 0 || id > mine[i - 1]!)).toBe(true);
  });
});

describe('drawing ahead', () => {
  it('draws once for many small batches arriving together', async () => {
    const reserve = new IdReserve(t.platform.db);
    const before = (await t.platform.db.selectNoFrom((eb) => eb.fn<string>('nextval', [eb.val('alerts_id_seq')]).as('n')).executeTakeFirstOrThrow()).n;
    await Promise.all(Array.from({ length: 30 }, () => reserve.take(10)));
    const after = (await t.platform.db.selectNoFrom((eb) => eb.fn<string>('nextval', [eb.val('alerts_id_seq')]).as('n')).executeTakeFirstOrThrow()).n;
    // One block (what the first asked for and the block ahead), not one per batch.
    expect(BigInt(after) - BigInt(before)).toBeLessThan(2_100n);
  });
});
