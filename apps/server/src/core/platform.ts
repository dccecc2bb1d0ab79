import type { Kysely } from 'kysely';
import type { Config } from '../config.ts';
import type { Database, DB } from '../db/index.ts';
import type { EventRelay } from '../modules/events/index.ts';
import type { OrgTree } from '../modules/orgs/org-tree.ts';
import type { PromotionEngine } from '../modules/incidents/promotion.engine.ts';
import type { AlertFeed } from './alert-feed.ts';
import type { CampaignEngine } from '../modules/campaigns/campaign.engine.ts';
import type { WarningWorkers } from '../modules/warnings/warning.workers.ts';

/** The long-lived parts every module works with, built once per process. */
export interface Platform {
  config: Config;
  database: Database;
  db: Kysely<DB>;
  relay: EventRelay;
  orgTree: OrgTree;
  /** Committed alert batches, in memory, for this process's consumers. */
  alertFeed: AlertFeed;
  /** Background consumers of the event stream. */
  workers: { promotion: PromotionEngine; campaigns: CampaignEngine; warnings: WarningWorkers };
  /** Stops timers and consumers started with the platform. */
  stopHooks: (() => Promise<void> | void)[];
}
