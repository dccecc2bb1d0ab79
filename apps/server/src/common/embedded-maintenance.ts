import { sql } from 'kysely';
import type { Database } from '../db/index.ts';
import { PeriodicTask } from './periodic-task.ts';

/** PostgreSQL's own autovacuum thresholds: a base count plus a share of the table. */
const VACUUM_BASE = 50;
const VACUUM_SHARE = 0.2;
const ANALYZE_BASE = 50;
const ANALYZE_SHARE = 0.1;
/**
 * What a pass may read, in pages: about a second of holding the one connection (VACUUM of 8,192 pages
 * took 0.9 s). A budget in pages, not in time: under load a statement waits its turn behind ingest, and
 * a budget in time was spent waiting (three or four tables a pass, while thirty were overdue).
 */
const PASS_PAGES = 8192;
/** What analysing a large table reads, in pages: its sample of 3,000 rows. */
const LARGE_ANALYZE_PAGES = 3000;
/** What any table costs a pass at least, in pages (catalogue lookups, its visibility map, its indexes' metapages). */
const MIN_TABLE_PAGES = 32;
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
  /** What treating it reads, in pages: a VACUUM reads its indexes and TOAST too; an ANALYZE a sample of its rows. */
  cost: number;
}

/**
 * Autovacuum's work for the embedded engine. PGlite runs PostgreSQL as a single backend with no
 * autovacuum: row versions left by updates (repeated alerts, incidents, cursors) are never reclaimed and
 * the planner never gets statistics. Each pass finds the tables past PostgreSQL's own thresholds (dead
 * rows above 50 + 20 % of the table: VACUUM ANALYZE, up to 64 MB; rows changed since the last analysis
 * above 50 + 10 %: ANALYZE), most overdue for its size first, as many as fit in about a second of work.
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

  /**
   * The tables a pass would treat now, most overdue first: by how many times their backlog exceeds
   * their own threshold, not by its size. Ordered by size, the day's alert partition and batch items
   * (changed by every batch, analysed at every pass) came first at every pass, and the tables
   * promotion updates all day (incidents, their timelines and observables) waited for good: their
   * dead rows piled up and their statements slowed all day.
   */
  async overdue(): Promise<Overdue[]> {
    const r = await sql<Overdue>`select name, vacuum, large, greatest(case when vacuum then all_pages else least(pages, ${LARGE_ANALYZE_PAGES}) end, ${MIN_TABLE_PAGES})::int as cost from (
        select format('%I.%I', s.schemaname, s.relname) as name, pg_relation_size(s.relid) / current_setting('block_size')::int as pages,
          pg_total_relation_size(s.relid) / current_setting('block_size')::int as all_pages,
          s.n_dead_tup / (${VACUUM_BASE} + ${VACUUM_SHARE} * greatest(c.reltuples, 0)) as dead_ratio,
          s.n_mod_since_analyze / (${ANALYZE_BASE} + ${ANALYZE_SHARE} * greatest(c.reltuples, 0)) as changed_ratio
        -- Tables and materialised views: a partitioned parent (alerts) has no rows of its own, and a VACUUM of it would take every partition.
        from pg_stat_user_tables s join pg_class c on c.oid = s.relid where c.relkind in ('r', 'm')) t
        cross join lateral (select dead_ratio > 1 and pages <= ${this.#vacuumMaxPages} as vacuum, pages > ${this.#vacuumMaxPages} as large) o
      where vacuum or changed_ratio > 1
      order by greatest(case when vacuum then dead_ratio else 0 end, changed_ratio) desc`.execute(this.#database.db);
    return r.rows;
  }

  /**
   * Treats the most overdue tables that fit in the pass's budget, in one statement per kind of work
   * (VACUUM and ANALYZE take a list of tables), so that each pass clears the backlog instead of a few
   * tables of it; resolves to how many it treated.
   */
  async #pass(): Promise<number> {
    const picked: Overdue[] = [];
    let pages = 0;
    for (const t of await this.overdue()) {
      // A table past the budget waits for the next pass; smaller ones further down may still fit in this one.
      if (picked.length && pages + t.cost > PASS_PAGES) continue;
      picked.push(t);
      pages += t.cost;
    }
    const names = (take: (t: Overdue) => boolean) => picked.filter(take).map((t) => t.name);
    // VACUUM cannot run in a transaction: plain scripts on the connection, taken like any query.
    await this.#treat(names((t) => t.vacuum), (list) => `vacuum (analyze) ${list}`);
    await this.#treat(names((t) => !t.vacuum && !t.large), (list) => `analyze ${list}`);
    await this.#treat(names((t) => t.large), (list) => `set default_statistics_target = ${LARGE_TABLE_STATISTICS_TARGET}; analyze ${list}; reset default_statistics_target`);
    return picked.length;
  }

  /**
   * One statement for the tables; if it fails (a table dropped meanwhile: retention drops old day
   * partitions on the same connection, and one missing name fails the whole list), each table on its
   * own, the failing ones left for the next pass.
   */
  async #treat(tables: string[], statement: (list: string) => string): Promise<void> {
    if (!tables.length) return;
    try {
      await this.#database.runScript(statement(tables.join(', ')));
    } catch {
      for (const table of tables) await this.#database.runScript(statement(table)).catch(() => {});
    }
  }
}
