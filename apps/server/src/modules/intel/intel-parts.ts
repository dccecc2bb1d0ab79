import type { Config } from '../../config.ts';
import type { Database } from '../../db/index.ts';
import type { TransactionParts } from '../events/index.ts';

/** What the intel module's services are built from: database and relay, the engine's presence, settings, clock. */
export interface IntelParts extends TransactionParts {
  /** Marks an intake run with the process running it (so a sweeper can end the runs of a process gone). */
  database: Pick<Database, 'presence'>;
  config: Config;
  now: () => Date;
}
