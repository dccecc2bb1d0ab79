import { AlertBatchConsumer, BatchConsumerWorker, type ConsumerParts } from '../alerts/index.ts';
import { rollUp } from './rollup.ts';
import { rollupRepository } from './rollup.repository.ts';
import type { Config } from '../../config.ts';

/** The advisory lock of every write to the roll-ups (the consumer's batches and imported history). */
export const STATS_LOCK = 727_009;

/**
 * Keeps the statistics roll-ups current: a durable consumer adding each committed batch, once, on
 * the days its alerts happened. It hears archives loaded as history too; after each write it tells
 * its listeners (the surge watcher looks at the hour's data as it arrives).
 */
export class StatsRollup extends BatchConsumerWorker {
  protected readonly consumer: AlertBatchConsumer;
  #listeners: ((written: { history: boolean }) => void)[] = [];

  constructor(parts: ConsumerParts & { config: Pick<Config, 'statsMaxEventAgeDays' | 'statsClockSkewSeconds'> }) {
    super();
    const limits = { maxAgeMs: parts.config.statsMaxEventAgeDays * 86_400_000, skewMs: parts.config.statsClockSkewSeconds * 1000 };
    this.consumer = new AlertBatchConsumer(parts, {
      name: 'stats',
      lock: STATS_LOCK,
      history: true,
      plan: (batches) => {
        // One roll-up for the whole group: a handful of upserts however many batches it holds.
        // An exercise's alerts are never real activity.
        const rows = rollUp(batches.filter((b) => b.exerciseId === null), limits);
        const history = batches.some((b) => b.historical);
        return async (tx) => {
          await rollupRepository.add(tx, rows);
          for (const l of this.#listeners) l({ history });
        };
      },
    });
  }

  /** Called after each roll-up write, saying whether it held history (inside its transaction: listeners only schedule their work). */
  onRolledUp(listener: (written: { history: boolean }) => void): void {
    this.#listeners.push(listener);
  }
}
