import { sql } from 'kysely';
import type { Database } from '../db/index.ts';
import { PeriodicTask } from './periodic-task.ts';

/** PostgreSQL's own autovacuum thresholds: a base count plus a share of the table. */
const VACUUM_BASE = 50;
const VACUUM_SHARE = 0.2;
const ANALYZE_BASE = 50;
const ANALYZE_SHARE = 0.1;
/** A pass stops taking tables once it has held the connection this long; the rest wait for the next. */
const PASS_BUDGET_MS = 2_000;
const MAX_TABLES_PER_PASS = 4;

interface Overdue {
  name: string;
  vacuum: boolean;
}

/**
 * Autovacuum's work for the embedded engine. PGlite runs PostgreSQL as a single backend with no
 * autovacuum: row versions left by updates (repeated alerts, incidents, cursors) are never reclaimed and
 * the planner never gets statistics. Each pass finds the tables past PostgreSQL's own thresholds (dead
 * rows above 50 + 20 % of the table: VACUUM ANALYZE; rows changed since the last analysis above
 * 50 + 10 %: ANALYZE), most overdue first, and treats them at background priority. PostgreSQL servers
 * have autovacuum and do not run this.
 */
export class EmbeddedMaintenance {
  #database: Database;
  readonly task: PeriodicTask;

  constructor(database: Database, everyMs = 60_000) {
    this.#database = database;
    this.task = new PeriodicTask(everyMs, () => this.#pass());
  }

  /** The tables a pass would treat now, most overdue first. */
  async overdue(): Promise<Overdue[]> {
    const r = await sql<{ name: string; vacuum: boolean }>`select format('%I.%I', s.schemaname, s.relname) as name,
        s.n_dead_tup > ${VACUUM_BASE} + ${VACUUM_SHARE} * greatest(c.reltuples, 0) as vacuum
      from pg_stat_user_tables s join pg_class c on c.oid = s.relid
      where s.n_dead_tup > ${VACUUM_BASE} + ${VACUUM_SHARE} * greatest(c.reltuples, 0)
         or s.n_mod_since_analyze > ${ANALYZE_BASE} + ${ANALYZE_SHARE} * greatest(c.reltuples, 0)
      order by greatest(s.n_dead_tup, s.n_mod_since_analyze) desc`.execute(this.#database.db);
    return r.rows;
  }

  /** Treats overdue tables until the pass's budget is spent; resolves to how many it treated. */
  async #pass(): Promise<number> {
    const started = Date.now();
    let done = 0;
    for (const t of (await this.overdue()).slice(0, MAX_TABLES_PER_PASS)) {
      if (Date.now() - started > PASS_BUDGET_MS) break;
      // VACUUM cannot run in a transaction: a plain script on the connection, taken like any query.
      await this.#database.runScript(t.vacuum ? `vacuum (analyze) ${t.name}` : `analyze ${t.name}`);
      done++;
    }
    return done;
  }
}
