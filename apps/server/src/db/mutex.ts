import { AsyncLocalStorage } from 'node:async_hooks';

/** How soon a piece of database work should get the embedded engine's single connection. */
export type DbPriority = 'urgent' | 'normal' | 'background';

/**
 * Normal and background work: background work that has waited this long goes before normal work that
 * just arrived, so nothing starves however busy the connection is.
 */
export const PRIORITY_STEP_MS = 400;
/**
 * Urgent work (the event relay, the campaign consumer a warning waits on, exercise injects) is small and
 * someone waits on it live: it goes before any other work that has waited less than this. Under sustained
 * load every normal waiter has waited a few hundred milliseconds; a step as short as the other would let
 * each of them go first and urgent work would queue behind all of it.
 */
export const URGENT_STEP_MS = 2_000;
const HEAD_START: Record<DbPriority, number> = { urgent: 0, normal: URGENT_STEP_MS, background: URGENT_STEP_MS + PRIORITY_STEP_MS };

const current = new AsyncLocalStorage<DbPriority>();

/** Runs `fn` with its database work queued at `priority` (on the embedded engine; PostgreSQL has a pool). */
export function withDbPriority<T>(priority: DbPriority, fn: () => T): T {
  return current.run(priority, fn);
}

/** The priority of the work running now (`normal` outside `withDbPriority`). */
export function currentDbPriority(): DbPriority {
  return current.getStore() ?? 'normal';
}

interface Waiter {
  due: number;
  seq: number;
  priority: DbPriority;
  grant: (release: () => void) => void;
}

/**
 * An async lock handed out by priority, then by arrival: the embedded database has one connection,
 * and a campaign's warning or the event relay should not queue behind bulk roll-ups. Aging
 * (`URGENT_STEP_MS`, then `PRIORITY_STEP_MS`) keeps lower levels moving.
 */
export class Mutex {
  #held = false;
  #waiting: Waiter[] = [];
  #seq = 0;
  #now: () => number;

  constructor(now: () => number = () => performance.now()) {
    this.#now = now;
  }

  /** Waits for the lock and returns the function that releases it. */
  lock(priority: DbPriority = currentDbPriority()): Promise<() => void> {
    if (!this.#held) {
      this.#held = true;
      return Promise.resolve(this.#releaser(priority));
    }
    return new Promise((grant) => this.#waiting.push({ due: this.#now() + HEAD_START[priority], seq: this.#seq++, priority, grant }));
  }

  /**
   * Work someone waits on live (not background) hands the lock on one turn of the event loop later:
   * what its commit set off at once (the campaign consumer after a small ingest, the relay after a
   * warning) queues in that turn and goes first, instead of after a bulk transaction that happened to
   * be waiting. Background work hands it on at once, so bulk throughput pays nothing.
   */
  #releaser(priority: DbPriority): () => void {
    let done = false;
    return () => {
      if (done) return;
      done = true;
      if (priority !== 'background' && this.#waiting.length) setImmediate(() => this.#next());
      else this.#next();
    };
  }

  #next(): void {
    if (!this.#waiting.length) {
      this.#held = false;
      return;
    }
    let best = 0;
    for (let i = 1; i < this.#waiting.length; i++) {
      const w = this.#waiting[i]!;
      const b = this.#waiting[best]!;
      if (w.due < b.due || (w.due === b.due && w.seq < b.seq)) best = i;
    }
    const [w] = this.#waiting.splice(best, 1);
    w!.grant(this.#releaser(w!.priority));
  }
}
