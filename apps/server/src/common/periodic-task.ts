import { withDbPriority } from '../db/index.ts';

/**
 * A background pass run every `everyMs` (timer unreferenced, so it never keeps the process alive),
 * never twice at once: `run()` during a pass returns that pass. `stop()` waits for the current one.
 */
export class PeriodicTask {
  #pass: () => Promise<number>;
  #everyMs: number;
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<number> | null = null;
  #again: Promise<number> | null = null;

  constructor(everyMs: number, pass: () => Promise<number>) {
    this.#everyMs = everyMs;
    this.#pass = pass;
  }

  /** Runs a pass every `everyMs`; with `now`, also one at once (in the background, like the others). */
  start(opts: { now?: boolean } = {}): void {
    const pass = () => void withDbPriority('background', () => this.run()).catch(() => {});
    this.#timer = setInterval(pass, this.#everyMs);
    this.#timer.unref();
    if (opts.now) pass();
  }

  async stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    await this.#running?.catch(() => {});
  }

  /** One pass now (or the one under way); resolves to what the pass counted. */
  run(): Promise<number> {
    this.#running ??= this.#pass().finally(() => (this.#running = null));
    return this.#running;
  }

  /**
   * A pass that starts after this call: with one under way (which may have read what changed since),
   * a new one follows it; callers meanwhile share that one. For work that must see a change just made.
   */
  runAgain(): Promise<number> {
    if (!this.#running) return this.run();
    this.#again ??= this.#running.catch(() => 0).then(() => {
      this.#again = null;
      return this.run();
    });
    return this.#again;
  }
}
