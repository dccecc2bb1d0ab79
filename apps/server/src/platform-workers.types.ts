import type { Platform } from './platform.types.ts';
import type { PromotionEngine, ReportingReminders } from './modules/incidents/index.ts';
import type { StatsRollup } from './modules/stats/index.ts';
import type { IndicatorIndex, IntakeRunsSweeper, SightingsRecorder } from './modules/intel/index.ts';
import type { RetentionSweeper } from './modules/alerts/index.ts';
import type { CampaignEngine } from './modules/campaigns/index.ts';
import type { WarningWorkers } from './modules/warnings/index.ts';
import type { EmbeddedMaintenance } from './common/embedded-maintenance.ts';

/** The background consumers startPlatform builds and starts: only composition roots and tests reach them all. */
export interface PlatformWorkers {
  promotion: PromotionEngine; stats: StatsRollup; reminders: ReportingReminders; indicators: IndicatorIndex; sightings: SightingsRecorder; campaigns: CampaignEngine; warnings: WarningWorkers;
  /** Deletes alerts and quarantined records past the retention the centre set. */
  retention: RetentionSweeper;
  /** Ends intake runs whose server process is gone as `interrupted`. */
  intakeRuns: IntakeRunsSweeper;
  /** Vacuum and analysis on the embedded engine, which has no autovacuum (null on PostgreSQL). */
  maintenance: EmbeddedMaintenance | null;
}

/** A started platform: the parts modules are built from, and the workers started with it (startPlatform's result). */
export interface StartedPlatform extends Platform {
  workers: PlatformWorkers;
}
