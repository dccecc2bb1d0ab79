import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import type { Database, DB } from '../../db/index.ts';
import type { AlertFeed } from '../../common/alert-feed.ts';
import type { IndicatorSlot } from '../../common/indicator-matcher.ts';
import type { EventRelay, TransactionParts } from '../events/index.ts';
import type { OrgTree } from '../orgs/index.ts';

/** What a consumer of committed alert batches is built from (promotion, statistics, correlation and sightings build theirs). */
export interface ConsumerParts {
  db: Kysely<DB>;
  /** The engine's kind (on the embedded engine, with its one connection, a group takes no advisory lock). */
  database: Pick<Database, 'engine'>;
  /** New batches are heard on it; a group's own events go out through it. */
  relay: Pick<EventRelay, 'publishCommitted' | 'subscribe'>;
  /** Committed batches of this process, so they need not be read back. */
  alertFeed: Pick<AlertFeed, 'subscribe' | 'readBack' | 'readBackMany'>;
  orgTree: Pick<OrgTree, 'ensure'>;
}

/** What the alerts module is built from: storage and the engine's raw transactions (COPY), relay, organisations, feed, indicators, settings, clock. */
export interface AlertsParts extends TransactionParts {
  /** The engine's raw transactions (the COPY path). */
  database: Pick<Database, 'rawTransaction'>;
  relay: Pick<EventRelay, 'publishCommitted' | 'subscribe' | 'wake'>;
  /** Attribution and the connectors' scopes. */
  orgTree: OrgTree;
  /** Where a committed batch is published for this process's consumers. */
  alertFeed: Pick<AlertFeed, 'publish'>;
  /** Live indicators every alert's observables are matched against. */
  indicators: IndicatorSlot;
  /** Ingest limits, the repeat window, body size and the syslog ports. */
  config: Pick<Config, 'dedupWindowSeconds' | 'ingestMaxRunning' | 'ingestMaxQueued' | 'ingestBodyLimitBytes' | 'syslogUdpPort' | 'syslogTcpPort' | 'syslogHost'>;
  /** The current time (retention). */
  now: () => Date;
}
