import type { Platform } from '../../core/platform.ts';
import { AlertBatchConsumer, BatchConsumerWorker } from '../alerts/index.ts';
import { rollUp } from './rollup.ts';
import { statsRepository } from './stats.repository.ts';

const LOCK = 727_009;

/** Keeps the statistics roll-ups current: a durable consumer adding each committed batch, once. */
export class StatsRollup extends BatchConsumerWorker {
  protected readonly consumer: AlertBatchConsumer;

  constructor(platform: Platform) {
    super();
    this.consumer = new AlertBatchConsumer(platform, {
      name: 'stats',
      lock: LOCK,
      plan: (batches) => {
        // One roll-up for the whole group: a handful of upserts however many batches it holds.
        const rows = rollUp(batches.flatMap((b) => b.alerts));
        return (tx) => statsRepository.add(tx, rows);
      },
    });
  }
}
