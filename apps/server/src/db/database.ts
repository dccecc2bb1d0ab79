import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PgliteClient } from './pglite-client.ts';
import { PgliteDialect } from './pglite-dialect.ts';
import { lockDataDir } from './data-dir-lock.ts';
import type { DB } from './schema.ts';
import { pgliteRawTransaction, pgRawTransaction, type RawTx } from './raw-transaction.ts';
import { embeddedPresence, postgresPresence, type Presence } from './presence.ts';

export type Engine = 'pglite' | 'postgres';

/** One handle on the store, whichever engine is behind it. */
export interface Database {
  engine: Engine;
  db: Kysely<DB>;
  /** Runs a multi-statement SQL script as one implicit transaction (migrations). */
  runScript(sql: string): Promise<void>;
  /** Runs `fn` holding the cluster-wide migration lock. */
  withMigrationLock<T>(fn: () => Promise<T>): Promise<T>;
  /** One transaction below the query builder, with COPY (bulk paths such as alert ingest). */
  rawTransaction<T>(fn: (tx: RawTx) => Promise<T>): Promise<T>;
  /** The embedded engine's client (null on PostgreSQL). */
  pglite: PgliteClient | null;
  /** The PostgreSQL pool (null on the embedded engine). */
  pool: pg.Pool | null;
  /** This process's mark, alive while it runs (work it carries is recorded under it). */
  presence: Presence;
  close(): Promise<void>;
}

export interface OpenOptions {
  databaseUrl?: string | undefined;
  /** Where embedded data lives; null keeps it in memory (tests). */
  dataDir: string | null;
  /** A tarball from `PgliteClient.dump()` to start from (tests). */
  loadDataDir?: ArrayBuffer;
  poolSize?: number;
}

const MIGRATION_LOCK = 727_001;

/** Opens PostgreSQL when a URL is given, else the embedded PGlite engine in a worker thread. */
export async function openDatabase(opts: OpenOptions): Promise<Database> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl, opts.poolSize ?? 10) : openPglite(opts);
}

async function openPglite(opts: OpenOptions): Promise<Database> {
  let release = () => {};
  let pgdata: string | null = null;
  if (opts.dataDir !== null) {
    const dir = resolve(opts.dataDir);
    mkdirSync(dir, { recursive: true });
    release = lockDataDir(dir);
    pgdata = join(dir, 'pg');
  }
  let client: PgliteClient;
  try {
    client = await PgliteClient.open({ dataDir: pgdata, ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}) });
  } catch (err) {
    release();
    throw err;
  }
  const db = new Kysely<DB>({ dialect: new PgliteDialect(client) });
  return {
    engine: 'pglite',
    db,
    pglite: client,
    pool: null,
    presence: embeddedPresence(),
    runScript: (sql) => db.connection().execute(() => client.exec(sql)),
    rawTransaction: (fn) => pgliteRawTransaction(db, client, fn),
    withMigrationLock: (fn) => fn(),
    async close() {
      await db.destroy();
      await client.close();
      release();
    },
  };
}

async function openPostgres(url: string, max: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max });
  pool.on('error', () => {
    /* an idle client died; the pool replaces it */
  });
  await pool.query('select 1');
  const presence = await postgresPresence(url).catch(async (err: unknown) => {
    await pool.end();
    throw err;
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    engine: 'postgres',
    db,
    pglite: null,
    pool,
    presence,
    runScript: async (sql) => {
      await pool.query(sql);
    },
    rawTransaction: (fn) => pgRawTransaction(pool, fn),
    async withMigrationLock(fn) {
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
        return await fn();
      } finally {
        await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
        client.release();
      }
    },
    async close() {
      await presence.close();
      await db.destroy();
    },
  };
}
