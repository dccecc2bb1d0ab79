import type { Kysely } from 'kysely';
import type { DB } from '../../db/index.ts';
import type { ConsumerParts } from '../alerts/index.ts';
import type { EventRelay, TransactionParts } from '../events/index.ts';
import type { OrgTree } from '../orgs/index.ts';

/** What deciding who may see an incident reads (other modules' aggregates pass theirs to `incidentVisibility`). */
export interface IncidentAccessParts {
  /** Where links, shares and incidents are read (outside a change's transaction). */
  db: Kysely<DB>;
  /** A link reaches the linked organisation's units (`subtree`); an incident's audience reaches up (`ancestors`). */
  orgTree: Pick<OrgTree, 'ensure' | 'subtree' | 'ancestors'>;
}

/** What the incidents module's services are built from: database and relay, the organisation tree, the clock. */
export interface IncidentParts extends TransactionParts {
  /** Access (`subtree`, `ancestors`), callers' scopes (`scopeFor`), owners' sectors (`profile`, `inSector`). */
  orgTree: Pick<OrgTree, 'ensure' | 'subtree' | 'ancestors' | 'profile' | 'inSector' | 'scopeFor'>;
  /** The current time (reporting clocks, timelines); tests replace it, so it is read at each use. */
  now: () => Date;
}

/** What the reporting reminders are built from: they write their events in their own transaction and wake the relay. */
export interface ReminderParts extends Omit<IncidentParts, 'relay'> {
  /** Asked for a delivery round once reminders were written. */
  relay: Pick<EventRelay, 'wake'>;
}

/** What the promotion engine is built from: the tree and clock, and what its alert-batch consumer (the alerts module's) reads. */
export type PromotionParts = Pick<IncidentParts, 'orgTree' | 'now'> & ConsumerParts;
