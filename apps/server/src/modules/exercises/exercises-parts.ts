import type { Config } from '../../config.ts';
import type { EventRelay, TransactionParts } from '../events/index.ts';
import type { OrgTree } from '../orgs/index.ts';

/** What the exercises module is built from: database and relay, organisers' kinds, one setting, the clock. */
export interface ExercisesParts extends TransactionParts {
  /** Commits go out through it; the runner also listens to it, to score teams' actions as they happen. */
  relay: Pick<EventRelay, 'publishCommitted' | 'subscribe'>;
  /** The organiser's kind (who may run an exercise), loaded at need. */
  orgTree: Pick<OrgTree, 'ensure' | 'profile'>;
  /** `exerciseDebug`: print the errors of the runner's rounds. */
  config: Pick<Config, 'exerciseDebug'>;
  /** The current time; scenario time runs from it. */
  now: () => Date;
}
