import { describe, expect, it } from 'vitest';
import { hiddenCount, memberCount } from './counts.ts';

describe('counts of organisations the caller may not see', () => {
  it('gives none and three or more exactly, and one or two as "fewer than 3"', () => {
    expect([0, 1, 2, 3, 7].map(hiddenCount)).toEqual([0, { lt: 3 }, { lt: 3 }, 3, 7]);
  });

  it('counts each organisation once, those the caller may see exactly', () => {
    const mine = new Set(['a', 'b']);
    expect(memberCount(['a', 'b', 'a', 'x'], (o) => mine.has(o))).toEqual({ visible: 2, hidden: { lt: 3 } });
    expect(memberCount(['x', 'y', 'z', 'a'], (o) => mine.has(o))).toEqual({ visible: 1, hidden: 3 });
    expect(memberCount([], () => true)).toEqual({ visible: 0, hidden: 0 });
  });
});
