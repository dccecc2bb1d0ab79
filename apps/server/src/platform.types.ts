import type { Kysely } from 'kysely';
import type { Config } from './config.ts';
import type { Database, DB } from './db/index.ts';
import type { ConsoleEvents, EventRelay } from './modules/events/index.ts';
import type { OrgTree } from './modules/orgs/index.ts';
import type { AlertFeed } from './common/alert-feed.ts';
import type { IndicatorSlot } from './common/indicator-matcher.ts';
import type { AuditCheckpoints, AuditSigner } from './modules/audit/index.ts';
import type { Leadership } from './cluster/index.ts';

/**
 * The long-lived parts every module works with, built once per process. The workers started with it are
 * not here (StartedPlatform, platform-workers.types.ts): a module is handed the one it calls, so the type
 * every module imports imports no module's worker.
 */
export interface Platform {
  config: Config;
  database: Database;
  db: Kysely<DB>;
  relay: EventRelay;
  /** What consoles' event streams hear: this process's relay, or JetStream when NATS_URL is set (every node hears every event). */
  consoleEvents: ConsoleEvents;
  orgTree: OrgTree;
  /** The audit key (signs and checks chain heads) and the checkpoint writer. */
  audit: { signer: AuditSigner; checkpoints: AuditCheckpoints };
  /** Committed alert batches, in memory, for this process's consumers. */
  alertFeed: AlertFeed;
  /** Live indicators matched against every alert's observables at ingest. */
  indicators: IndicatorSlot;
  /** Which background workers this node runs: those whose lead it holds in the cluster (all, on one node). */
  leadership: Leadership;
  /** The current time; tests replace it to let reporting clocks run out without waiting. */
  now: () => Date;
  /** Stops timers and consumers started with the platform. */
  stopHooks: (() => Promise<void> | void)[];
}
