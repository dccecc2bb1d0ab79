import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Database } from './database.ts';

const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));

export interface MigrationResult {
  applied: string[];
  current: number;
}

/** Applies the numbered plain-SQL migrations not yet applied, each as one transaction. */
export async function migrate(database: Database): Promise<MigrationResult> {
  const files = (await readdir(MIGRATIONS_DIR)).filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f)).sort();
  return database.withMigrationLock(async () => {
    await database.runScript(
      `create table if not exists schema_migrations (version integer primary key, name text not null, checksum text not null, applied_at timestamptz not null default now())`,
    );
    const done = await sql<{ version: number; checksum: string }>`select version, checksum from schema_migrations`.execute(database.db);
    const applied = new Map(done.rows.map((r) => [r.version, r.checksum]));
    const result: MigrationResult = { applied: [], current: 0 };
    for (const file of files) {
      const version = Number(file.slice(0, 4));
      const text = await readFile(MIGRATIONS_DIR + file, 'utf8');
      const checksum = createHash('sha256').update(text).digest('hex');
      const known = applied.get(version);
      if (known !== undefined) {
        if (known !== checksum) throw new Error(`migration ${file} was changed after it was applied; add a new migration instead`);
      } else {
        const record = `\ninsert into schema_migrations (version, name, checksum) values (${version}, '${file}', '${checksum}');`;
        await database.runScript(text + record);
        result.applied.push(file);
      }
      result.current = version;
    }
    return result;
  });
}

/** The number of migration files that exist but are not applied (readiness check). */
export async function pendingMigrations(database: Database): Promise<number> {
  const files = (await readdir(MIGRATIONS_DIR)).filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f));
  const done = await sql<{ n: number }>`select count(*)::int as n from schema_migrations`.execute(database.db).catch(() => ({ rows: [{ n: 0 }] }));
  return files.length - (done.rows[0]?.n ?? 0);
}
