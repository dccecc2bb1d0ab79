import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../../db/index.ts';

const MAX_ENTRIES = 2_000_000;

/**
 * Fingerprints this process knows are stored (recent ones, loaded once, plus everything it stored
 * since). A cache only: an unknown fingerprint that turns out to exist (another process stored it)
 * is caught by the unique index and handled by the upsert path.
 */
export class FingerprintCache {
  #db: Kysely<DB>;
  #known = new Set<string>();
  #loaded: Promise<void> | null = null;

  constructor(db: Kysely<DB>) {
    this.#db = db;
  }

  /** Loads the fingerprints of the last two hours (the buckets new alerts fall in). */
  ensure(): Promise<void> {
    this.#loaded ??= sql<{ k: string }>`select day::text || '|' || fingerprint as k from alerts where day >= current_date - 1 and last_seen > now() - interval '2 hours'`
      .execute(this.#db)
      .then((r) => {
        for (const row of r.rows) this.#known.add(row.k);
      });
    return this.#loaded;
  }

  has(day: string, fingerprint: string): boolean {
    return this.#known.has(`${day}|${fingerprint}`);
  }

  add(day: string, fingerprint: string): void {
    if (this.#known.size >= MAX_ENTRIES) {
      // Oldest first: a Set iterates in insertion order.
      let drop = MAX_ENTRIES / 10;
      for (const k of this.#known) {
        this.#known.delete(k);
        if (--drop <= 0) break;
      }
    }
    this.#known.add(`${day}|${fingerprint}`);
  }
}
