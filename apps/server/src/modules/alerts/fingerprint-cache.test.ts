import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/index.ts';
import { FingerprintCache } from './fingerprint-cache.ts';

const fp = (n: number) => createHash('sha1').update(String(n)).digest('base64url');

describe('the fingerprint cache of the ingest path', () => {
  it('knows what it stored, per day, and stays within its bound however much traffic passes', () => {
    const cache = new FingerprintCache(null as unknown as Kysely<DB>, 20_000);
    for (let n = 0; n < 21_000; n++) cache.add('2026-12-06', fp(n));
    expect(cache.size).toBeLessThanOrEqual(20_000);
    // The newest are known; the oldest were dropped first.
    expect(cache.has('2026-12-06', fp(20_999))).toBe(true);
    // A fingerprint of another day is another alert (a 30-bit key: a rare collision only costs the slower path).
    let otherDay = 0;
    for (let n = 20_000; n < 21_000; n++) if (cache.has('2026-12-07', fp(n))) otherDay++;
    expect(otherDay).toBeLessThan(3);
  });
});
