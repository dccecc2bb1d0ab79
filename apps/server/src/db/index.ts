export { openDatabase, type Database, type Engine, type OpenOptions } from './database.ts';
export { migrate, pendingMigrations } from './migrate.ts';
export { DataDirLockedError } from './data-dir-lock.ts';
export { DatabaseError } from './pglite-client.ts';
export { withDbPriority, type DbPriority } from './mutex.ts';
export type { DB } from './schema.ts';
export type { RawTx, RawStep } from './raw-transaction.ts';
export type { Kysely, Transaction } from 'kysely';
