import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { ConstituencyRowQuery } from '@lachan/contracts';
import type { DB, RawTx } from '../../db/index.ts';

/** A stored row as read (public alert id made by the presenter). */
export type RowRecord = {
  id: string; alert_day: string; alert_id: string; org_id: string; org_name: string; attributed: boolean; feed: string; report_type: string;
  report_day: string; host: string | null; severity: number; title: string; sectors: string[]; province_code: string | null; received_at: Date;
};

/** What the ingest hook writes for each new constituency alert. */
export type NewRow = {
  reporterOrgId: string; orgId: string; attributed: boolean; feed: string; reportType: string; reportDay: string; rowKey: string; alertDay: string;
  alertId: string; host: string | null; severity: number; title: string; sectors: string[]; provinceCode: string | null; receivedAt: string;
};

const COLS = sql`r.id::text as id, to_char(r.alert_day, 'YYYY-MM-DD') as alert_day, r.alert_id::text as alert_id, r.org_id, o.name as org_name, r.attributed,
  r.feed, r.report_type, to_char(r.report_day, 'YYYY-MM-DD') as report_day, r.host, r.severity, r.title, r.sectors, r.province_code, r.received_at`;

/** The start of a UTC day as an instant, whatever the session's time zone. */
const dayStart = (day: string, plus = 0) => sql`((${day}::date + ${plus}::int)::timestamp at time zone 'UTC')`;

/** `orgIds`: the caller's read scope (null = everything, the centre). */
function scoped(orgIds: string[] | null): RawBuilder<unknown> {
  return orgIds ? sql`r.org_id = any(${orgIds}::uuid[])` : sql`true`;
}

/** SQL of the constituency index; every read takes the caller's scope. */
export const rowsRepository = {
  /** Row keys of this sender already stored (an earlier delivery of the same report day). */
  async existingKeys(db: Kysely<DB>, reporterOrgId: string, keys: string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const r = await sql<{ row_key: string }>`select row_key from constituency_rows where reporter_org_id = ${reporterOrgId} and row_key = any(${keys}::text[])`.execute(db);
    return new Set(r.rows.map((x) => x.row_key));
  },

  /** Writes the index rows of a batch's new constituency alerts, in the batch's transaction. */
  async insert(tx: RawTx, rows: NewRow[]): Promise<void> {
    if (rows.length === 0) return;
    const col = <K extends keyof NewRow>(k: K) => rows.map((r) => r[k]);
    await tx.query(
      `insert into constituency_rows (reporter_org_id, org_id, attributed, feed, report_type, report_day, row_key, alert_day, alert_id, host, severity, title, sectors,
         province_code, received_at)
       select reporter_org_id, org_id, attributed, feed, report_type, report_day, row_key, alert_day, alert_id, host, severity, title, sectors::text[],
         province_code, received_at from unnest($1::uuid[], $2::uuid[], $3::boolean[], $4::text[], $5::text[], $6::date[], $7::text[], $8::date[], $9::bigint[], $10::text[],
         $11::smallint[], $12::text[], $13::text[], $14::text[], $15::timestamptz[])
         as t(reporter_org_id, org_id, attributed, feed, report_type, report_day, row_key, alert_day, alert_id, host, severity, title, sectors, province_code, received_at)
       on conflict (reporter_org_id, row_key) do nothing`,
      [col('reporterOrgId'), col('orgId'), col('attributed'), col('feed'), col('reportType'), col('reportDay'), col('rowKey'), col('alertDay'), col('alertId'),
        col('host'), col('severity'), col('title'), rows.map((r) => `{${r.sectors.map((s) => `"${s.replaceAll('"', '')}"`).join(',')}}`), col('provinceCode'),
        col('receivedAt')],
    );
  },

  async list(db: Kysely<DB>, orgIds: string[] | null, q: ConstituencyRowQuery): Promise<RowRecord[]> {
    const where: RawBuilder<unknown>[] = [scoped(orgIds)];
    if (q.orgId) where.push(sql`r.org_id = ${q.orgId}`);
    if (q.feed) where.push(sql`r.feed = ${q.feed}`);
    if (q.reportType) where.push(sql`r.report_type = ${q.reportType}`);
    if (q.owner) where.push(q.owner === 'unknown' ? sql`not r.attributed` : sql`r.attributed`);
    if (q.from) where.push(sql`r.received_at >= ${dayStart(q.from)}`);
    if (q.to) where.push(sql`r.received_at < ${dayStart(q.to, 1)}`);
    if (q.before) where.push(sql`r.id < ${q.before}::bigint`);
    const r = await sql<RowRecord>`select ${COLS} from constituency_rows r join organizations o on o.id = r.org_id
      where ${sql.join(where, sql` and `)} order by r.id desc limit ${q.limit ?? 100}`.execute(db);
    return r.rows;
  },

  /** Counts over rows received from `from` to `to` (UTC days) in scope: by report type, sector, province and day. */
  async stats(db: Kysely<DB>, orgIds: string[] | null, q: { from: string; to: string; orgId?: string }) {
    const where = sql`${scoped(orgIds)} and r.received_at >= ${dayStart(q.from)} and r.received_at < ${dayStart(q.to, 1)} ${q.orgId ? sql`and r.org_id = ${q.orgId}` : sql``}`;
    type Count = { key: string; rows: number };
    const counts = async (key: RawBuilder<unknown>, from = sql`constituency_rows r`) =>
      (await sql<Count>`select ${key} as key, count(*)::int as rows from ${from} where ${where} group by 1 order by 2 desc, 1`.execute(db)).rows;
    const totals = (await sql<{ total: number; unknown: number }>`select count(*)::int as total, (count(*) filter (where not r.attributed))::int as unknown
      from constituency_rows r where ${where}`.execute(db)).rows[0]!;
    return {
      total: totals.total,
      unknownOwner: totals.unknown,
      byReportType: await counts(sql`r.report_type`),
      bySector: await counts(sql`s.sector`, sql`constituency_rows r cross join lateral unnest(case when cardinality(r.sectors) = 0 then array['none'] else r.sectors end) as s(sector)`),
      byProvince: await counts(sql`coalesce(r.province_code, 'none')`),
      byDay: (await counts(sql`to_char(r.received_at at time zone 'UTC', 'YYYY-MM-DD')`)).sort((a, b) => a.key.localeCompare(b.key)),
    };
  },

  /** One organisation's rows received on `day` (UTC), most severe first (at most `limit`), and the per-report summary. */
  async digest(db: Kysely<DB>, orgId: string, day: string, limit: number) {
    const where = sql`r.org_id = ${orgId} and r.received_at >= ${dayStart(day)} and r.received_at < ${dayStart(day, 1)}`;
    const summary = (await sql<{ report_type: string; rows: number; hosts: number; max_severity: number }>`select r.report_type, count(*)::int as rows,
        count(distinct r.host)::int as hosts, max(r.severity)::int as max_severity from constituency_rows r where ${where} group by 1 order by 4 desc, 2 desc`.execute(db)).rows;
    const rows = (await sql<RowRecord>`select ${COLS} from constituency_rows r join organizations o on o.id = r.org_id where ${where}
      order by r.severity desc, r.id limit ${limit}`.execute(db)).rows;
    return { summary, rows };
  },
};
