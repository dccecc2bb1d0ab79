import { describe, expect, it } from 'vitest';
import { KeyRing } from './key-ring.ts';

/** A small deterministic generator (the same keys on every run). */
function lcg(seed: number): () => number {
  let x = seed;
  return () => (x = (x * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
}

/** What the ring must answer: a Set, and the keys in the order they were first added, oldest dropped first. */
class Reference {
  keys = new Set<number>();
  order: number[] = [];
  readonly capacity: number;
  constructor(capacity: number) {
    this.capacity = capacity;
  }
  add(k: number): void {
    if (this.keys.has(k)) return;
    if (this.keys.size === this.capacity) this.keys.delete(this.order.shift()!);
    this.keys.add(k);
    this.order.push(k);
  }
}

describe('the key ring behind the ingest fingerprints', () => {
  it('answers exactly as a set that drops its oldest key first, through many evictions and clustered keys', () => {
    for (const [capacity, range, seed] of [[1, 4, 1], [7, 20, 2], [100, 300, 3], [1_000, 5_000, 4], [1_000, 1 << 30, 5]] as const) {
      const rnd = lcg(seed);
      const ring = new KeyRing(capacity);
      const ref = new Reference(capacity);
      for (let step = 0; step < 20_000; step++) {
        // Half the keys near each other (long probe runs, shifts across the table's end), half anywhere in range.
        const k = rnd() < 0.5 ? Math.floor(rnd() * Math.min(range, 64)) : Math.floor(rnd() * range);
        ring.add(k);
        ref.add(k);
        expect(ring.size).toBe(ref.keys.size);
        const probe = Math.floor(rnd() * range);
        expect(ring.has(probe)).toBe(ref.keys.has(probe));
      }
      for (const k of ref.order) expect(ring.has(k)).toBe(true);
    }
  });

  it('takes the largest keys and refuses a capacity that is not a positive whole number', () => {
    const ring = new KeyRing(2);
    ring.add(2 ** 30 - 1);
    ring.add(0);
    expect(ring.has(2 ** 30 - 1) && ring.has(0)).toBe(true);
    ring.add(5);
    expect(ring.has(2 ** 30 - 1)).toBe(false);
    expect(() => new KeyRing(0)).toThrow(RangeError);
    expect(() => new KeyRing(1.5)).toThrow(RangeError);
  });
});
