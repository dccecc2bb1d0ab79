import type { Config } from '../../config.ts';
import type { EventRelay, TransactionParts } from '../events/index.ts';
import type { OrgTree } from '../orgs/index.ts';

/** What the warnings module is built from: database and relay, the organisation tree, settings, clock. */
export interface WarningsParts extends TransactionParts {
  /** Publishes what a transaction wrote, hears campaigns decided on, and is woken after the workers' own writes. */
  relay: Pick<EventRelay, 'publishCommitted' | 'subscribe' | 'wake'>;
  /** The organisations' profiles (their sectors), and the tree's reach for the campaigns a warning is drafted from. */
  orgTree: Pick<OrgTree, 'ensure' | 'profile' | 'subtree' | 'ancestors'>;
  /** Webhook hosts allowed, the SMTP server and sender, the CSAF publisher's namespace and the public address. */
  config: Pick<Config, 'webhookAllowedHosts' | 'smtpUrl' | 'smtpFrom' | 'csafPublisherNamespace' | 'publicUrl'>;
  /** The current time, read at each use (tests move it). */
  now: () => Date;
}
