import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/index.ts';

/** Batch ids drawn ahead at a time. */
const BATCH_BLOCK = 64;
/** Alert ids drawn ahead beyond what the batch asking needs. */
const ALERT_BLOCK = 2_000;

/**
 * Batch and alert ids drawn from their sequences a block at a time and handed out from memory, so most
 * batches need no statement of their own before their transaction (on the embedded engine each
 * statement outside a transaction is one more wait for its one connection). Ids a process drew but
 * did not use leave gaps, as sequences always may; within a process they are handed out in order.
 */
export class IdReserve {
  #db: Kysely<DB>;
  #batches: string[] = [];
  #alerts: string[] = [];
  #drawing: Promise<void> | null = null;

  constructor(db: Kysely<DB>) {
    this.#db = db;
  }

  /** One batch id and `n` alert ids. */
  async take(n: number): Promise<{ batchId: string; alertIds: string[] }> {
    // Another batch may take what a draw brought in while this one waited: draw until enough is there.
    while (this.#batches.length < 1 || this.#alerts.length < n) {
      // Batches arriving together share one draw, then take from it in the order they came.
      this.#drawing ??= this.#draw(n).finally(() => (this.#drawing = null));
      await this.#drawing;
    }
    return { batchId: this.#batches.shift()!, alertIds: this.#alerts.splice(0, n) };
  }

  async #draw(n: number): Promise<void> {
    const batches = this.#batches.length < 1 ? BATCH_BLOCK : 0;
    const alerts = this.#alerts.length < n ? n - this.#alerts.length + ALERT_BLOCK : 0;
    // One row holding every id: thousands of one-column rows cost more to carry than to draw.
    const r = (await sql<{ batches: string | null; alerts: string | null }>`select
        (select string_agg(nextval('ingest_batch_seq')::text, ',') from generate_series(1, ${batches}::int)) as batches,
        (select string_agg(nextval('alerts_id_seq')::text, ',') from generate_series(1, ${alerts}::int)) as alerts`.execute(this.#db)).rows[0]!;
    if (r.batches) this.#batches.push(...r.batches.split(','));
    if (r.alerts) for (const id of r.alerts.split(',')) this.#alerts.push(id);
  }
}
