import type { Kysely } from 'kysely';
import type { Config } from './config.ts';
import type { Database, DB } from './db/index.ts';
import type { EventRelay } from './modules/events/index.ts';
import type { OrgTree } from './modules/orgs/index.ts';
import type { PromotionEngine } from './modules/incidents/index.ts';
import type { StatsRollup } from './modules/stats/index.ts';
import type { IndicatorIndex, IntakeRunsSweeper, SightingsRecorder } from './modules/intel/index.ts';
import type { AlertFeed } from './core/alert-feed.ts';
import type { IndicatorSlot } from './core/indicator-matcher.ts';
import type { ReportingReminders } from './modules/incidents/index.ts';
import type { RetentionSweeper } from './modules/alerts/index.ts';
import type { CampaignEngine } from './modules/campaigns/index.ts';
import type { WarningWorkers } from './modules/warnings/index.ts';
import type { EmbeddedMaintenance } from './core/embedded-maintenance.ts';
import type { AuditCheckpoints, AuditSigner } from './modules/audit/index.ts';
import type { ConsoleEvents, Leadership } from './cluster/index.ts';

/** The long-lived parts every module works with, built once per process. */
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
  /** Background consumers of the event stream. */
  workers: {
    promotion: PromotionEngine; stats: StatsRollup; reminders: ReportingReminders; indicators: IndicatorIndex; sightings: SightingsRecorder; campaigns: CampaignEngine; warnings: WarningWorkers;
    /** Deletes alerts and quarantined records past the retention the centre set. */
    retention: RetentionSweeper;
    /** Ends intake runs whose server process is gone as `interrupted`. */
    intakeRuns: IntakeRunsSweeper;
    /** Vacuum and analysis on the embedded engine, which has no autovacuum (null on PostgreSQL). */
    maintenance: EmbeddedMaintenance | null;
  };
  /** The current time; tests replace it to let reporting clocks run out without waiting. */
  now: () => Date;
  /** Stops timers and consumers started with the platform. */
  stopHooks: (() => Promise<void> | void)[];
}
