import type { TransactionParts } from '../events/index.ts';
import type { OrgTree } from '../orgs/index.ts';

/** What the registry module is built from: database and relay, the organisation tree, the clock. */
export interface RegistryParts extends TransactionParts {
  /** An organisation's units (the systems of a subtree, for the list and the CSV export). */
  orgTree: Pick<OrgTree, 'ensure' | 'subtree'>;
  /** The current time (which systems are live, layers' staleness and connection window, recording dates). */
  now: () => Date;
}
