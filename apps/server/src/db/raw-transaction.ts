import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Kysely } from 'kysely';
import type { PgliteClient } from './pglite-client.ts';
import type { DB } from './schema.ts';

/** A transaction below the query builder, for bulk paths: parameterised queries and COPY FROM. */
export interface RawTx {
  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<{ rows: R[]; rowCount: number }>;
  /** `COPY <table> (<columns>) FROM STDIN` with text-format data; returns the rows copied. */
  copyIn(table: string, columns: readonly string[], data: Uint8Array): Promise<number>;
  /**
   * Runs the steps in order and returns each one's result (a COPY's rows are empty, its count is the
   * rows copied). On the embedded engine they go to its worker as one message; the first error rejects.
   */
  script(steps: readonly RawStep[]): Promise<{ rows: Record<string, unknown>[]; rowCount: number }[]>;
}

/** A statement of a script: parameterised SQL, or a COPY of text-format rows. */
export type RawStep = { sql: string; params?: readonly unknown[] } | { copy: { table: string; columns: readonly string[]; data: Uint8Array } };

const copySql = (table: string, columns: readonly string[], source: string) => `copy ${table} (${columns.join(', ')}) from ${source}`;

/** begin, run, commit; rollback (and rethrow) on any error. */
async function inTransaction<T>(tx: RawTx, fn: (tx: RawTx) => Promise<T>): Promise<T> {
  await tx.query('begin');
  try {
    const result = await fn(tx);
    await tx.query('commit');
    return result;
  } catch (err) {
    await tx.query('rollback').catch(() => {});
    throw err;
  }
}

/**
 * Runs `fn` in one transaction on the embedded engine, holding its single connection throughout. The
 * `begin` goes with the transaction's first statement, in one message to the worker (a transaction
 * that sends nothing sends no `begin` and no `commit`).
 */
export function pgliteRawTransaction<T>(db: Kysely<DB>, client: PgliteClient, fn: (tx: RawTx) => Promise<T>): Promise<T> {
  let begun = false;
  type Sent = Parameters<PgliteClient['script']>[0][number];
  const run = async (steps: Sent[]) => {
    const all = begun ? steps : [{ sql: 'begin', params: [] }, ...steps];
    begun = true;
    const results = await client.script(all);
    return results.slice(all.length - steps.length);
  };
  const tx: RawTx = {
    async query<R>(sql: string, params: readonly unknown[] = []) {
      if (sql === 'begin') return { rows: [], rowCount: 0 };
      if ((sql === 'commit' || sql === 'rollback') && !begun) return { rows: [], rowCount: 0 };
      const [r] = await run([{ sql, params }]);
      return { rows: r!.rows as R[], rowCount: r!.affectedRows };
    },
    async copyIn(table, columns, data) {
      const [r] = await run([{ sql: copySql(table, columns, `'/dev/blob'`), params: [], data }]);
      return r!.affectedRows;
    },
    async script(steps) {
      const results = await run(steps.map((s) => ('copy' in s
        ? { sql: copySql(s.copy.table, s.copy.columns, `'/dev/blob'`), params: [], data: s.copy.data }
        : { sql: s.sql, params: s.params ?? [] })));
      return results.map((r) => ({ rows: r.rows as Record<string, unknown>[], rowCount: r.affectedRows }));
    },
  };
  return db.connection().execute(() => inTransaction(tx, fn));
}

/** Runs `fn` in one transaction on a pooled PostgreSQL connection; COPY goes through pg-copy-streams. */
export async function pgRawTransaction<T>(pool: pg.Pool, fn: (tx: RawTx) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  const tx: RawTx = {
    async query<R>(sql: string, params: readonly unknown[] = []) {
      const r = await client.query(sql, params as unknown[]);
      return { rows: r.rows as R[], rowCount: r.rowCount ?? 0 };
    },
    copyIn(table, columns, data) {
      return new Promise<number>((resolve, reject) => {
        const stream = client.query(copyFrom(copySql(table, columns, 'stdin')));
        stream.on('error', reject);
        stream.on('finish', () => resolve(stream.rowCount ?? 0));
        stream.end(data);
      });
    },
    async script(steps) {
      const results = [];
      for (const s of steps) {
        results.push('copy' in s ? { rows: [], rowCount: await tx.copyIn(s.copy.table, s.copy.columns, s.copy.data) } : await tx.query(s.sql, s.params));
      }
      return results;
    },
  };
  try {
    return await inTransaction(tx, fn);
  } finally {
    client.release();
  }
}
