import type { Platform } from '../../core/platform.ts';
import { AlertBatchConsumer } from '../alerts/index.ts';
import { rollUp } from './rollup.ts';
import { statsRepository } from './stats.repository.ts';

const LOCK = 727_009;

/** Keeps the statistics roll-ups current: a durable consumer adding each committed batch, once. */
export class StatsRollup {
  #consumer: AlertBatchConsumer;

  constructor(platform: Platform) {
    this.#consumer = new AlertBatchConsumer(platform, { name: 'stats', lock: LOCK, handle: (tx, _batch, alerts) => statsRepository.add(tx, rollUp(alerts)) });
  }

  start(): Promise<void> {
    return this.#consumer.start();
  }

  /** Resolves when every committed batch heard so far is counted (tests, shutdown). */
  idle(): Promise<void> {
    return this.#consumer.idle();
  }
}
