import { randomUUID } from 'node:crypto';
import { sql, type RawBuilder } from 'kysely';
import pg from 'pg';

/**
 * This process's mark in the database for as long as it runs, so that work it leaves behind when it
 * ends (an intake run cut off by a kill) can be told apart from work a live process is still doing.
 */
export interface Presence {
  /** The mark to record on work this process carries. */
  readonly mark: string;
  /** A subquery of the marks whose process is alive, this one included. */
  readonly liveMarks: RawBuilder<string>;
  close(): Promise<void>;
}

/** The embedded engine admits one process per data directory (its lock): only this process's mark is alive. */
export function embeddedPresence(): Presence {
  const mark = `embedded:${randomUUID()}`;
  return { mark, liveMarks: sql<string>`select ${mark}::text`, close: async () => {} };
}

// A backend is named by its pid and start time together: pids are reused, start times are not.
const BACKEND_MARK = `'pg:' || pid::text || ':' || (extract(epoch from backend_start) * 1000000)::bigint::text`;

/**
 * PostgreSQL, where several processes share the database: one connection held open for the life of
 * the process is its mark, alive while its backend is listed in pg_stat_activity. A killed process's
 * connection closes with it, so its mark lapses at once.
 */
export async function postgresPresence(connectionString: string): Promise<Presence> {
  const client = new pg.Client({ connectionString, application_name: 'lachan presence' });
  client.on('error', () => {
    /* the connection is gone: this process's mark lapses, as it would if the process had died */
  });
  await client.connect();
  const r = await client.query<{ mark: string }>(`select ${BACKEND_MARK} as mark from pg_stat_activity where pid = pg_backend_pid()`);
  return {
    mark: r.rows[0]!.mark,
    liveMarks: sql<string>`select ${sql.raw(BACKEND_MARK)} from pg_stat_activity where backend_start is not null`,
    close: () => client.end().catch(() => {}),
  };
}
