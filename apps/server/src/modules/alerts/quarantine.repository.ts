import { sql, type Kysely, type RawBuilder } from 'kysely';
import { storableText } from '@lachan/parsers';
import type { QuarantineListQuery } from '@lachan/contracts';
import type { DB, RawTx } from '../../db/index.ts';

export type QuarantineRow = {
  id: string; received_at: Date; org_id: string; source_id: string | null; format: string; code: string; message: string; raw: string;
  attempts: number; replayed_at: Date | null; alert_day: string | null; alert_id: string | null;
};

const cols = sql`id::text as id, received_at, org_id, source_id, format, code, message, raw, attempts, replayed_at, to_char(alert_day, 'YYYYMMDD') as alert_day, alert_id::text as alert_id`;

/** SQL for quarantined records. */
export const quarantineRepository = {
  async list(db: Kysely<DB>, orgIds: string[] | null, q: QuarantineListQuery): Promise<QuarantineRow[]> {
    const where: RawBuilder<unknown>[] = [sql`true`];
    if (orgIds) where.push(sql`org_id = any(${orgIds}::uuid[])`);
    if (q.orgId) where.push(sql`org_id = ${q.orgId}`);
    if (q.sourceId) where.push(sql`source_id = ${q.sourceId}`);
    const state = q.state ?? 'open';
    if (state === 'open') where.push(sql`replayed_at is null`);
    if (state === 'replayed') where.push(sql`replayed_at is not null`);
    if (q.before) where.push(sql`quarantine.id < ${q.before}::bigint`);
    const r = await sql<QuarantineRow>`select ${cols} from quarantine where ${sql.join(where, sql` and `)} order by quarantine.id desc limit ${q.limit ?? 100}`.execute(db);
    return r.rows;
  },

  async byId(db: Kysely<DB>, id: string): Promise<QuarantineRow | undefined> {
    const r = await sql<QuarantineRow>`select ${cols} from quarantine where quarantine.id = ${id}::bigint`.execute(db);
    return r.rows[0];
  },

  /** Open records to replay: chosen ids, or all of a source or of the scope, oldest first. */
  async openForReplay(db: Kysely<DB>, orgIds: string[] | null, f: { ids?: string[] | undefined; sourceId?: string | undefined }, limit: number): Promise<QuarantineRow[]> {
    const where: RawBuilder<unknown>[] = [sql`replayed_at is null`];
    if (orgIds) where.push(sql`org_id = any(${orgIds}::uuid[])`);
    if (f.ids) where.push(sql`quarantine.id = any(${f.ids}::bigint[])`);
    if (f.sourceId) where.push(sql`source_id = ${f.sourceId}`);
    const r = await sql<QuarantineRow>`select ${cols} from quarantine where ${sql.join(where, sql` and `)} order by quarantine.id limit ${limit}`.execute(db);
    return r.rows;
  },

  async markReplayed(tx: RawTx, id: string, alertDay: string, alertId: string): Promise<void> {
    await tx.query(`update quarantine set replayed_at = now(), attempts = attempts + 1, alert_day = $2::date, alert_id = $3::bigint where id = $1::bigint`, [id, alertDay, alertId]);
  },

  async markFailedAgain(tx: RawTx, id: string, code: string, message: string): Promise<void> {
    await tx.query(`update quarantine set attempts = attempts + 1, code = $2, message = $3 where id = $1::bigint`, [id, code, storableText(message.slice(0, 1000))]);
  },
};
