import { describe, expect, it } from 'vitest';
import { SmallMap, SmallSet } from './small-collections.ts';

/** A small deterministic generator (the same operations on every run). */
function lcg(seed: number): () => number {
  let x = seed;
  return () => (x = (x * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
}

describe('the campaign index\'s small collections', () => {
  it('answer exactly as a Set would, through one, a few and many members, adds, repeats and deletes', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const rnd = lcg(seed);
      const small = new SmallSet();
      const ref = new Set<string>();
      // Up to 20 distinct values: the set crosses one inline, the array and the Set form, and back down.
      for (let step = 0; step < 2_000; step++) {
        const v = `v${Math.floor(rnd() * 20)}`;
        if (rnd() < 0.6) {
          small.add(v);
          ref.add(v);
        } else expect(small.delete(v)).toBe(ref.delete(v));
        expect(small.size).toBe(ref.size);
        expect(small.has(v)).toBe(ref.has(v));
        expect(new Set(small)).toEqual(ref);
      }
    }
  });

  it('keep iterating correctly while members are deleted (the index prunes edges as it walks them)', () => {
    for (const n of [1, 3, 8, 12]) {
      const s = new SmallSet();
      for (let i = 0; i < n; i++) s.add(`e${i}`);
      const seen: string[] = [];
      for (const e of s) {
        seen.push(e);
        if (Number(e.slice(1)) % 2 === 0) s.delete(e);
      }
      expect(seen).toHaveLength(n);
      expect([...s].sort()).toEqual(Array.from({ length: n }, (_, i) => `e${i}`).filter((_, i) => i % 2 === 1).sort());
    }
  });

  it('answer exactly as a Map would, from one entry to many, with overwrites and deletes while walking', () => {
    const rnd = lcg(7);
    const small = new SmallMap<number>();
    const ref = new Map<string, number>();
    for (let step = 0; step < 2_000; step++) {
      const k = `org-${Math.floor(rnd() * (step < 1_000 ? 2 : 6))}`;
      if (rnd() < 0.7) {
        small.set(k, step);
        ref.set(k, step);
      } else expect(small.delete(k)).toBe(ref.delete(k));
      expect(small.size).toBe(ref.size);
      expect(small.get(k)).toBe(ref.get(k));
      expect(small.has(k)).toBe(ref.has(k));
      expect(new Map(small)).toEqual(ref);
      expect([...small.keys()]).toEqual([...ref.keys()]);
      expect([...small.values()]).toEqual([...ref.values()]);
    }
    for (const [k] of small) small.delete(k);
    expect(small.size).toBe(0);
    const one = new SmallMap<string>().set('a', 'x');
    const walked: string[] = [];
    one.forEach((v, k) => walked.push(`${k}=${v}`));
    expect(walked).toEqual(['a=x']);
  });
});
