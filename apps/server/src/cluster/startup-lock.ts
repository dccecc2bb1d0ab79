import pg from 'pg';
import type { Database } from '../db/index.ts';

const STARTUP_LOCK = 'lachan.startup';

/**
 * Holds the cluster's start-up lock while `fn` runs (migrations, reference data, the first
 * administrator): nodes started together take turns, so a schema is migrated once and a first start
 * creates one centre and one administrator. A session lock on its own connection, released when done
 * or when the process dies. The embedded engine has one process: nothing to take.
 */
export async function duringStartup<T>(database: Database, fn: () => Promise<T>): Promise<T> {
  if (!database.pool) return fn();
  const client = new pg.Client(database.pool.options);
  await client.connect();
  try {
    await client.query('select pg_advisory_lock(hashtext($1))', [STARTUP_LOCK]);
    return await fn();
  } finally {
    await client.end().catch(() => {});
  }
}
