import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/index.ts';

/** The retention setting as stored (one row). */
export type RetentionRow = { alert_days: number | null; quarantine_days: number | null; updated_at: Date; updated_by: string | null };

/** The retention setting and what applying it deletes: old alerts no incident or campaign holds, empty daily partitions, old quarantine. */
export const retentionRepository = {
  async settings(db: Kysely<DB>): Promise<RetentionRow> {
    return db.selectFrom('retention_settings').select(['alert_days', 'quarantine_days', 'updated_at', 'updated_by']).executeTakeFirstOrThrow();
  },

  async setSettings(tx: Kysely<DB>, s: { alertDays: number | null; quarantineDays: number | null; by: string }): Promise<void> {
    await tx.updateTable('retention_settings').set({ alert_days: s.alertDays, quarantine_days: s.quarantineDays, updated_at: new Date(), updated_by: s.by }).execute();
  },

  /** Deletes alerts of days before `cutoff` (YYYY-MM-DD) that no incident or campaign holds; answers how many. */
  async deleteAlertsBefore(db: Kysely<DB>, cutoff: string): Promise<number> {
    const r = await sql`delete from alerts a where a.day < ${cutoff}::date
      and not exists (select 1 from incident_alerts i where i.alert_day = a.day and i.alert_id = a.id)
      and not exists (select 1 from campaign_alerts c where c.alert_day = a.day and c.alert_id = a.id)`.execute(db);
    return Number(r.numAffectedRows ?? 0);
  },

  /** Deletes quarantined records received before `before`; answers how many. */
  async deleteQuarantineBefore(db: Kysely<DB>, before: Date): Promise<number> {
    const r = await sql`delete from quarantine where received_at < ${before}`.execute(db);
    return Number(r.numAffectedRows ?? 0);
  },

  /** The names of the alerts table's partitions. */
  async alertPartitions(db: Kysely<DB>): Promise<string[]> {
    const r = await sql<{ name: string }>`select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
      join pg_class p on p.oid = i.inhparent where p.relname = 'alerts'`.execute(db);
    return r.rows.map((row) => row.name);
  },

  /** Drops a partition if it holds no row (`name` is one `alertPartitions` answered). */
  async dropIfEmpty(db: Kysely<DB>, name: string): Promise<void> {
    const empty = await sql<{ empty: boolean }>`select not exists (select 1 from ${sql.table(name)}) as empty`.execute(db);
    if (empty.rows[0]?.empty) await sql`drop table if exists ${sql.table(name)}`.execute(db);
  },
};
