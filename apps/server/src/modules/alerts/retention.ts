import { sql, type Kysely } from 'kysely';
import type { Retention, RetentionPatch } from '@lachan/contracts';
import type { DB } from '../../db/index.ts';
import { recordChange, transact } from '../events/index.ts';
import type { RequestContext } from '../../core/context.ts';
import { forbidden } from '../../core/errors.ts';
import { PeriodicTask } from '../../common/periodic-task.ts';
import type { Platform } from '../../platform.types.ts';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const PARTITION = /^alerts_(\d{4})(\d{2})(\d{2})$/;

type Row = { alert_days: number | null; quarantine_days: number | null; updated_at: Date; updated_by: string | null };
const present = (r: Row): Retention => ({ alertDays: r.alert_days, quarantineDays: r.quarantine_days, updatedAt: r.updated_at.toISOString(), updatedBy: r.updated_by });
const read = async (db: Kysely<DB>): Promise<Row> =>
  (await db.selectFrom('retention_settings').select(['alert_days', 'quarantine_days', 'updated_at', 'updated_by']).executeTakeFirstOrThrow());

/** The retention setting: the centre reads and sets it; each change is audited. */
export class RetentionService {
  #p: Platform;
  constructor(platform: Platform) {
    this.#p = platform;
  }

  #centreOnly(ctx: RequestContext): void {
    if (!ctx.scope.all || ctx.actor.role !== 'national_coordinator') throw forbidden('retention is the centre\'s');
  }

  async get(ctx: RequestContext): Promise<Retention> {
    this.#centreOnly(ctx);
    return present(await read(this.#p.db));
  }

  async set(ctx: RequestContext, patch: RetentionPatch): Promise<Retention> {
    this.#centreOnly(ctx);
    return transact(this.#p, async (tx) => {
      const before = present(await read(tx));
      await tx.updateTable('retention_settings').set({ alert_days: patch.alertDays, quarantine_days: patch.quarantineDays, updated_at: new Date(), updated_by: ctx.actor.name }).execute();
      const after = present(await read(tx));
      await recordChange(tx, ctx, { action: 'retention.update', entityType: 'retention', entityId: null, orgId: null, before, after: patch });
      return after;
    });
  }
}

/**
 * Applies retention every hour: alerts received before the cut-off day that no incident or campaign
 * holds are deleted, and a daily partition left empty is dropped whole; quarantined records past their
 * age are deleted. Idempotent; returns the rows removed.
 */
export class RetentionSweeper {
  #p: Platform;
  readonly task = new PeriodicTask(HOUR_MS, () => this.#pass());
  constructor(platform: Platform) {
    this.#p = platform;
  }

  async #pass(): Promise<number> {
    const db = this.#p.db;
    const s = await read(db);
    let removed = 0;
    if (s.alert_days !== null) {
      const cutoff = new Date(this.#p.now().getTime() - s.alert_days * DAY_MS).toISOString().slice(0, 10);
      const r = await sql`delete from alerts a where a.day < ${cutoff}::date
        and not exists (select 1 from incident_alerts i where i.alert_day = a.day and i.alert_id = a.id)
        and not exists (select 1 from campaign_alerts c where c.alert_day = a.day and c.alert_id = a.id)`.execute(db);
      removed += Number(r.numAffectedRows ?? 0);
      await this.#dropEmptyPartitions(cutoff);
    }
    if (s.quarantine_days !== null) {
      const r = await sql`delete from quarantine where received_at < ${new Date(this.#p.now().getTime() - s.quarantine_days * DAY_MS)}`.execute(db);
      removed += Number(r.numAffectedRows ?? 0);
    }
    return removed;
  }

  /** Drops the daily partitions wholly before the cut-off that hold no row any more. */
  async #dropEmptyPartitions(cutoff: string): Promise<void> {
    const parts = await sql<{ name: string }>`select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
      join pg_class p on p.oid = i.inhparent where p.relname = 'alerts'`.execute(this.#p.db);
    for (const { name } of parts.rows) {
      const m = PARTITION.exec(name);
      if (!m || `${m[1]}-${m[2]}-${m[3]}` >= cutoff) continue;
      const empty = await sql<{ empty: boolean }>`select not exists (select 1 from ${sql.table(name)}) as empty`.execute(this.#p.db);
      if (empty.rows[0]?.empty) await sql`drop table if exists ${sql.table(name)}`.execute(this.#p.db);
    }
  }
}
