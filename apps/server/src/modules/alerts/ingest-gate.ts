import { AppError } from '../../core/errors.ts';
import { withDbPriority } from '../../db/index.ts';

/** Batches of at most this many records are small: a single SOC alert, a syslog burst, an exercise inject. */
export const SMALL_BATCH = 50;
/** And of at most this many bytes: a few large records are bulk work, whatever their count. */
export const SMALL_BATCH_BYTES = 256 * 1024;

/** One admission queue: a few run at once, a few more wait; beyond that the caller is told to come back. */
class Lane {
  running = 0;
  waiting: (() => void)[] = [];
  readonly maxRunning: number;
  readonly maxWaiting: number;
  constructor(maxRunning: number, maxWaiting: number) {
    this.maxRunning = maxRunning;
    this.maxWaiting = maxWaiting;
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.running >= this.maxRunning) {
      if (this.waiting.length >= this.maxWaiting) {
        throw new AppError(503, 'overloaded', 'the ingest queue is full; retry shortly', { running: this.running, waiting: this.waiting.length }, { 'retry-after': '1' });
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else this.running++;
    try {
      return await fn();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}

/**
 * Bounded admission for ingest batches, in two lanes: small batches (a single critical alert a warning
 * may hang on) never wait behind bulk uploads, and their database work goes before bulk work, which
 * runs at background priority (as the roll-ups do). Each lane runs a few at once and queues a few more;
 * beyond that the caller is told to come back (503 with Retry-After) instead of the process queueing
 * without limit. Each lane has the configured limits, so the process holds up to twice them.
 */
export class IngestGate {
  #bulk: Lane;
  #small: Lane;

  constructor(maxRunning: number, maxWaiting: number) {
    this.#bulk = new Lane(maxRunning, maxWaiting);
    this.#small = new Lane(maxRunning, maxWaiting);
  }

  get load(): { running: number; waiting: number } {
    return { running: this.#bulk.running + this.#small.running, waiting: this.#bulk.waiting.length + this.#small.waiting.length };
  }

  /** Runs the ingest of a batch of `records` records (`bytes` long) when its lane admits it. */
  run<T>(fn: () => Promise<T>, records = Infinity, bytes = 0): Promise<T> {
    if (records <= SMALL_BATCH && bytes <= SMALL_BATCH_BYTES) return this.#small.run(() => withDbPriority('normal', fn));
    return this.#bulk.run(() => withDbPriority('background', fn));
  }
}
