import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { withDbPriority, type DB } from '../../db/index.ts';
import { KeyRing } from './key-ring.ts';

/** Bound: at most this many entries, oldest dropped first, in 24 MB allocated at start (a key ring). */
const MAX_ENTRIES = 2_000_000;
/** How long alerts are looked up before they are copied after some were found stored by another process. */
const LOOK_FIRST_MS = 60_000;

/**
 * A 30-bit key of a day and a fingerprint: the fingerprint is a base64url SHA-1, so its first five
 * characters are already uniform; the day is mixed in. A small integer costs four bytes of a table and no string.
 */
function keyOf(day: string, fingerprint: string): number {
  let k = 0;
  for (let i = 0; i < 5; i++) k = (k << 6) | (fingerprint.charCodeAt(i) & 63);
  let d = 0;
  for (let i = 0; i < day.length; i++) d = (Math.imul(d, 31) + day.charCodeAt(i)) | 0;
  return (k ^ Math.imul(d, 0x9e3779b1)) & 0x3fffffff;
}

/**
 * Fingerprints this process knows are stored (recent ones, loaded once, plus everything it stored
 * since). A cache only, and a lossy one: two fingerprints may share a key, so "known" can be wrong
 * either way; an alert taken as known that is not is found missing by the repeat update and goes
 * through the upsert, and an unknown one that exists (another process stored it, or it was dropped
 * from here) is caught by the unique index and handled by the upsert path too.
 */
export class FingerprintCache {
  #db: Kysely<DB>;
  #known: KeyRing;
  #loaded: Promise<void> | null = null;
  #lookFirstUntil = 0;

  constructor(db: Kysely<DB>, maxEntries = MAX_ENTRIES) {
    this.#db = db;
    this.#known = new KeyRing(maxEntries);
  }

  /** Loads the fingerprints of the last two hours (the buckets new alerts fall in). */
  ensure(): Promise<void> {
    // Shared by every waiter (urgent ones too): loaded ahead of bulk work, whoever asked first.
    this.#loaded ??= withDbPriority('urgent', () => sql<{ day: string; fingerprint: string }>`select day::text as day, fingerprint from alerts
      where day >= current_date - 1 and last_seen > now() - interval '2 hours'`.execute(this.#db))
      .then((r) => {
        for (const row of r.rows) this.add(row.day, row.fingerprint);
      });
    return this.#loaded;
  }

  has(day: string, fingerprint: string): boolean {
    return this.#known.has(keyOf(day, fingerprint));
  }

  /** Remembers a stored fingerprint; when full, the oldest goes. */
  add(day: string, fingerprint: string): void {
    this.#known.add(keyOf(day, fingerprint));
  }

  /** Alerts taken for new had been stored by another process: look alerts up before copying them, for a while. */
  storedElsewhere(now = Date.now()): void {
    this.#lookFirstUntil = now + LOOK_FIRST_MS;
  }

  /** Whether alerts that look new should be looked up before they are copied. */
  get lookFirst(): boolean {
    return Date.now() < this.#lookFirstUntil;
  }

  /** The most fingerprints kept (past it, the oldest go). */
  get bound(): number {
    return this.#known.capacity;
  }

  /** Entries held now (at most the bound). */
  get size(): number {
    return this.#known.size;
  }
}
