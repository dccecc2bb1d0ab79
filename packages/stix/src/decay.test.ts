import { describe, expect, it } from 'vitest';
import { daysUntilScore, decayedScore } from './decay.ts';

const DAY = 86_400_000;
const t0 = Date.UTC(2025, 0, 1);

describe('indicator score decay', () => {
  it('starts at the base score and reaches 0 at the end of the lifetime', () => {
    expect(decayedScore({ base: 80, kind: 'ipv4', createdAt: t0 }, t0)).toBe(80);
    expect(decayedScore({ base: 80, kind: 'ipv4', createdAt: t0 }, t0 + 30 * DAY)).toBe(0);
    expect(decayedScore({ base: 80, kind: 'sha256', createdAt: t0 }, t0 + 300 * DAY)).toBeGreaterThan(0);
    expect(decayedScore({ base: 80, kind: 'domain', createdAt: t0 }, t0 + 91 * DAY)).toBe(0);
  });

  it('decreases monotonically and matches its inverse', () => {
    let last = Infinity;
    for (let d = 0; d <= 60; d += 5) {
      const s = decayedScore({ base: 100, kind: 'url', createdAt: t0 }, t0 + d * DAY);
      expect(s).toBeLessThanOrEqual(last);
      last = s;
    }
    const days = daysUntilScore(100, 50, 'url');
    expect(decayedScore({ base: 100, kind: 'url', createdAt: t0 }, t0 + days * DAY)).toBeCloseTo(50, 6);
  });

  it('restarts the clock at a sighting', () => {
    const old = { base: 100, kind: 'ipv4' as const, createdAt: t0 };
    expect(decayedScore(old, t0 + 40 * DAY)).toBe(0);
    expect(decayedScore({ ...old, lastSightingAt: t0 + 40 * DAY }, t0 + 40 * DAY)).toBe(100);
  });

  it('scores revoked and expired indicators 0', () => {
    expect(decayedScore({ base: 100, kind: 'md5', createdAt: t0, revoked: true }, t0)).toBe(0);
    expect(decayedScore({ base: 100, kind: 'md5', createdAt: t0, validUntil: t0 + DAY }, t0 + DAY)).toBe(0);
  });
});
