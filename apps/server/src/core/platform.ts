import type { Kysely } from 'kysely';
import type { Config } from '../config.ts';
import type { Database, DB } from '../db/index.ts';
import type { EventRelay } from '../modules/events/index.ts';
import type { OrgTree } from '../modules/orgs/org-tree.ts';

/** The long-lived parts every module works with, built once per process. */
export interface Platform {
  config: Config;
  database: Database;
  db: Kysely<DB>;
  relay: EventRelay;
  orgTree: OrgTree;
}
