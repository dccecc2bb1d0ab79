import type { Config } from '../../config.ts';
import type { Kysely } from 'kysely';
import type { Database, DB } from '../../db/index.ts';
import type { IndicatorSlot } from '../../common/indicator-matcher.ts';
import type { TransactionParts } from '../events/index.ts';

/** What the intel module's services are built from: database and relay, the engine's presence, settings, clock. */
export interface IntelParts extends TransactionParts {
  /** Marks an intake run with the process running it (so a sweeper can end the runs of a process gone). */
  database: Pick<Database, 'presence'>;
  config: Config;
  now: () => Date;
}

/** What the indicator index is built from: the database, the slot ingest matches against, the warninglists' folder. */
export interface IndicatorWorkerParts {
  db: Kysely<DB>;
  /** The live matcher is swapped into it after each rebuild. */
  indicators: Pick<IndicatorSlot, 'use'>;
  config: Pick<Config, 'intelWarninglistsDir'>;
}

/** What the sweeper of intake runs left by a gone process is built from: database and relay, the engine's kind and presence. */
export interface SweeperParts extends TransactionParts {
  database: Pick<Database, 'engine' | 'presence'>;
}
