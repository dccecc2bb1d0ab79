import type { Config } from '../../config.ts';
import type { TransactionParts } from '../events/index.ts';

/** What the constituency module is built from: database and relay, the mail and body settings, the clock. */
export interface ConstituencyParts extends TransactionParts {
  /** SMTP for the daily digests (none: digests are kept, not sent) and the largest report accepted. */
  config: Pick<Config, 'smtpUrl' | 'smtpFrom' | 'ingestBodyLimitBytes'>;
  /** The current time (report days, digest days). */
  now: () => Date;
}
