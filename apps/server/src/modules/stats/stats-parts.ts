import type { Config } from '../../config.ts';
import type { TransactionParts } from '../events/index.ts';
import type { IncidentAccessParts } from '../incidents/index.ts';
import type { OrgTree } from '../orgs/index.ts';

/** What the statistics module is built from: database and relay, the organisation tree, settings, clock. */
export interface StatsParts extends TransactionParts, IncidentAccessParts {
  /** The organisations of a sector or province, each one's profile, and the tree's reach for incident visibility. */
  orgTree: Pick<OrgTree, 'ensure' | 'inSector' | 'inProvince' | 'profile' | 'subtree' | 'ancestors'>;
  /** The history import's body limit and the surge watcher's pace. */
  config: Pick<Config, 'ingestBodyLimitBytes' | 'surgeCheckSeconds'>;
  /** The current time, read at each use (tests move it). */
  now: () => Date;
}
