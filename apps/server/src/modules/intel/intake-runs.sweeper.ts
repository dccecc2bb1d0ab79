import { recordChange, transact } from '../events/index.ts';
import { systemContext } from '../../core/context.ts';
import { PeriodicTask } from '../../common/periodic-task.ts';
import type { SweeperParts } from './intel-parts.ts';
import { intakeRunsRepository } from './intake-runs.repository.ts';

/** The note an interrupted run carries (the console shows its own translation of it). */
export const INTERRUPTED_NOTE =
  'interrupted: the server process carrying this run ended (stopped, crashed or killed) before it finished; '
  + 'the objects counted as stored are kept, the rest were not read: send the bundle again or run the feed again';

const EVERY_MS = 60_000;

/**
 * Ends intake runs left `running` by a server process that is gone (see Presence): once at start-up,
 * then every minute on PostgreSQL, where other processes sharing the database may die while this one
 * runs. Each interruption is audited under the run's organisation.
 */
export class IntakeRunsSweeper {
  readonly #p: SweeperParts;
  readonly task: PeriodicTask;

  constructor(parts: SweeperParts) {
    this.#p = parts;
    this.task = new PeriodicTask(EVERY_MS, () => this.sweep());
  }

  /** One sweep now, then (on PostgreSQL) one a minute. */
  async start(): Promise<void> {
    await this.task.run();
    if (this.#p.database.engine === 'postgres') this.task.start();
  }

  /** Marks the orphaned runs interrupted; how many. */
  async sweep(): Promise<number> {
    return transact(this.#p, async (tx) => {
      const runs = await intakeRunsRepository.interruptOrphans(tx, this.#p.database.presence.liveMarks, INTERRUPTED_NOTE);
      for (const r of runs) {
        await recordChange(tx, systemContext(r.org_id, 'intake sweeper'), {
          action: 'intel.intake_interrupted', entityType: 'intel_intake_run', entityId: r.id, orgId: r.org_id, after: { status: 'interrupted' },
        });
      }
      return runs.length;
    });
  }
}
