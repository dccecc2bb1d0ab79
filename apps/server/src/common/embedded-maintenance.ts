import { sql } from 'kysely';
import type { Database } from '../db/index.ts';
import { PeriodicTask } from './periodic-task.ts';

/** PostgreSQL's own autovacuum thresholds: a base count plus a share of the table. */
const VACUUM_BASE = 50;
const VACUUM_SHARE = 0.2;
const ANALYZE_BASE = 50;
const ANALYZE_SHARE = 0.1;
/** A pass stops taking tables once it has held the connection this long; the rest wait for the next. */
const PASS_BUDGET_MS = 1_000;
const MAX_TABLES_PER_PASS = 2;
/**
 * Largest table vacuumed (64 MB): the embedded engine has one connection, and a VACUUM holds it for its
 * whole run (0.9 s for a 150,000-alert day). Larger tables, in practice the busy days' alert partitions,
 * are only analysed (a bounded sample, ~0.5 s); their pages are pruned as they are read, and retention
 * drops them whole.
 */
const VACUUM_MAX_PAGES = 8192;
/**
 * Those larger tables are analysed from a smaller sample (3,000 rows instead of 30,000): the plans
 * they need (which index, how many rows a day holds) come out the same, and the pass holds the one
 * connection ~0.2 s instead of 2 s under ingest load, which every waiting request would feel.
 */
const LARGE_TABLE_STATISTICS_TARGET = 10;

interface Overdue {
  name: string;
  vacuum: boolean;
  large: boolean;
}

/**
 * Autovacuum's work for the embedded engine. PGlite runs PostgreSQL as a single backend with no
 * autovacuum: row versions left by updates (repeated alerts, incidents, cursors) are never reclaimed and
 * the planner never gets statistics. Each pass finds the tables past PostgreSQL's own thresholds (dead
 * rows above 50 + 20 % of the table: VACUUM ANALYZE, up to 64 MB; rows changed since the last analysis
 * above 50 + 10 %: ANALYZE), most overdue first, and treats two at most, at background priority.
 * PostgreSQL servers have autovacuum and do not run this.
 */
export class EmbeddedMaintenance {
  #database: Database;
  readonly task: PeriodicTask;

  #vacuumMaxPages: number;

  constructor(database: Database, opts: { everyMs?: number; vacuumMaxPages?: number } = {}) {
    this.#database = database;
    this.#vacuumMaxPages = opts.vacuumMaxPages ?? VACUUM_MAX_PAGES;
    this.task = new PeriodicTask(opts.everyMs ?? 60_000, () => this.#pass());
  }

  /** The tables a pass would treat now, most overdue first. */
  async overdue(): Promise<Overdue[]> {
    const r = await sql<Overdue>`select name, dead_over and pages <= ${this.#vacuumMaxPages} as vacuum, pages > ${this.#vacuumMaxPages} as large from (
        select format('%I.%I', s.schemaname, s.relname) as name, pg_relation_size(s.relid) / current_setting('block_size')::int as pages, greatest(s.n_dead_tup, s.n_mod_since_analyze) as backlog,
          s.n_dead_tup > ${VACUUM_BASE} + ${VACUUM_SHARE} * greatest(c.reltuples, 0) as dead_over,
          s.n_mod_since_analyze > ${ANALYZE_BASE} + ${ANALYZE_SHARE} * greatest(c.reltuples, 0) as changed_over
        from pg_stat_user_tables s join pg_class c on c.oid = s.relid) t
      where (dead_over and pages <= ${this.#vacuumMaxPages}) or changed_over
      order by backlog desc`.execute(this.#database.db);
    return r.rows;
  }

  /** Treats overdue tables until the pass's budget is spent; resolves to how many it treated. */
  async #pass(): Promise<number> {
    const started = Date.now();
    let done = 0;
    for (const t of (await this.overdue()).slice(0, MAX_TABLES_PER_PASS)) {
      if (Date.now() - started > PASS_BUDGET_MS) break;
      // VACUUM cannot run in a transaction: a plain script on the connection, taken like any query.
      await this.#database.runScript(t.vacuum ? `vacuum (analyze) ${t.name}` : t.large
        ? `set default_statistics_target = ${LARGE_TABLE_STATISTICS_TARGET}; analyze ${t.name}; reset default_statistics_target` : `analyze ${t.name}`);
      done++;
    }
    return done;
  }
}
