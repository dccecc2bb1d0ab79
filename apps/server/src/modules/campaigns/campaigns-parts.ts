import type { ConsumerParts } from '../alerts/index.ts';
import type { EventRelay, TransactionParts } from '../events/index.ts';
import type { IncidentAccessParts } from '../incidents/index.ts';
import type { OrgTree } from '../orgs/index.ts';

/** What the campaigns' reading side is built from: database and relay, the organisations' profiles and incident visibility, the clock. */
export interface CampaignsParts extends TransactionParts, IncidentAccessParts {
  /** Members' sectors and provinces (`profile`); which incidents the caller sees (`subtree`, `ancestors`). */
  orgTree: Pick<OrgTree, 'ensure' | 'profile' | 'subtree' | 'ancestors'>;
  /** The current time, read at each use (tests move it). */
  now: () => Date;
}

/** What the campaign engine is built from: its alert-batch consumer's parts, the organisations' traits, the relay, the clock. */
export interface CampaignEngineParts extends ConsumerParts {
  /** Analysts' false-positive marks are heard on it; it is woken after a re-judgement is written. */
  relay: Pick<EventRelay, 'publishCommitted' | 'subscribe' | 'wake'>;
  /** Members' sectors, province and kind (the noise model's traits). */
  orgTree: Pick<OrgTree, 'ensure' | 'profile'>;
  now: () => Date;
}
