import { AppError } from '../../core/errors.ts';

/**
 * Bounded admission for ingest batches: a few run at once, a few more wait; beyond that the caller
 * is told to come back (503 with Retry-After) instead of the process queueing without limit.
 */
export class IngestGate {
  #running = 0;
  #waiting: (() => void)[] = [];
  #maxRunning: number;
  #maxWaiting: number;

  constructor(maxRunning: number, maxWaiting: number) {
    this.#maxRunning = maxRunning;
    this.#maxWaiting = maxWaiting;
  }

  get load(): { running: number; waiting: number } {
    return { running: this.#running, waiting: this.#waiting.length };
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.#running >= this.#maxRunning) {
      if (this.#waiting.length >= this.#maxWaiting) {
        throw new AppError(503, 'overloaded', 'the ingest queue is full; retry shortly', { running: this.#running, waiting: this.#waiting.length }, { 'retry-after': '1' });
      }
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    } else this.#running++;
    try {
      return await fn();
    } finally {
      const next = this.#waiting.shift();
      if (next) next();
      else this.#running--;
    }
  }
}
