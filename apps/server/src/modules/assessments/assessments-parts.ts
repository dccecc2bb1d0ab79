import type { EventRelay, TransactionParts } from '../events/index.ts';
import type { OrgTree } from '../orgs/index.ts';

/** What the assessments module is built from: database and relay, the organisation tree, the clock. */
export interface AssessmentsParts extends TransactionParts {
  /** Commits go out through it; the deadline worker wakes it after writing its reminders' events itself. */
  relay: Pick<EventRelay, 'publishCommitted' | 'wake'>;
  /** Owners' units and lines (assessors' independence, the overview's scope and ministries, escalation to the supervisor). */
  orgTree: Pick<OrgTree, 'ensure' | 'subtree' | 'ancestors' | 'profile'>;
  /** The current time (today's date against due dates: new campaigns, tasks, the overview, the deadline worker). */
  now: () => Date;
}
