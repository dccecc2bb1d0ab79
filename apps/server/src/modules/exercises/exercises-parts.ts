import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import type { DB } from '../../db/index.ts';
import type { EventRelay } from '../events/index.ts';
import type { OrgTree } from '../orgs/index.ts';

/** What the exercises module is built from: database, relay, the teams' organisations, one setting, the clock. */
export interface ExercisesParts {
  db: Kysely<DB>;
  /** Commits go out through it; the runner also listens to it, to score teams' actions as they happen. */
  relay: Pick<EventRelay, 'publishCommitted' | 'subscribe'>;
  /** Teams' organisations (names and sectors for injects). */
  orgTree: Pick<OrgTree, 'ensure' | 'profile'>;
  /** `exerciseDebug`: log the runner's timing decisions. */
  config: Pick<Config, 'exerciseDebug'>;
  /** The current time; scenario time runs from it. */
  now: () => Date;
}
