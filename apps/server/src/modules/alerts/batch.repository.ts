import type { RawTx } from '../../db/index.ts';
import { encodeCopyRows } from './copy-text.ts';
import { ALERT_COLUMNS, alertCopyRow, type PreparedAlert } from './alert-row.ts';

export interface StoredAlert {
  id: string;
  day: string;
  inserted: boolean;
}

export interface QuarantineEntry {
  code: string;
  message: string;
  raw: string;
}

const STAGE_DDL = `create temp table if not exists alerts_stage (
  day date, fingerprint text, org_id uuid, reporter_org_id uuid, source_id uuid, attributed boolean, format text, source_ref text,
  event_time timestamptz, received_at timestamptz, first_seen timestamptz, last_seen timestamptz, occurrences integer, title text,
  description text, vendor text, product text, rule_id text, rule_name text, severity smallint, source_severity text, rsit_class text,
  rsit_type text, attack text[], src_ip inet, src_port integer, dst_ip inet, dst_port integer, protocol text, asset_hostname text,
  asset_ip inet, observables jsonb, tags text[], sectors text[], province_code text, raw text, batch_id bigint, last_batch bigint
) on commit delete rows`;

const cols = ALERT_COLUMNS.join(', ');
// Repeats fold into the stored row: more occurrences, a wider seen-window, the latest raw record.
const UPSERT = `insert into alerts (${cols}) select ${cols} from alerts_stage
  on conflict (day, fingerprint) do update set
    occurrences = alerts.occurrences + excluded.occurrences,
    first_seen = least(alerts.first_seen, excluded.first_seen),
    last_seen = greatest(alerts.last_seen, excluded.last_seen),
    received_at = excluded.received_at,
    last_batch = excluded.last_batch
  returning id::text as id, day::text as day, (batch_id = last_batch) as inserted`;

/** SQL of one ingest batch, all inside the caller's raw transaction. */
export const batchRepository = {
  async nextBatchId(tx: RawTx): Promise<string> {
    const r = await tx.query<{ id: string }>(`select nextval('ingest_batch_seq')::text as id`);
    return r.rows[0]!.id;
  },

  /** COPY into a session staging table, then one upsert: new rows inserted, repeats folded. */
  async storeAlerts(tx: RawTx, alerts: PreparedAlert[], ctx: { reporterOrgId: string; sourceId: string | null; receivedAt: string; batchId: string }): Promise<StoredAlert[]> {
    if (alerts.length === 0) return [];
    await tx.query(STAGE_DDL);
    await tx.copyIn('alerts_stage', ALERT_COLUMNS, encodeCopyRows(alerts.map((a) => alertCopyRow(a, ctx))));
    return (await tx.query<StoredAlert>(UPSERT)).rows;
  },

  async quarantine(tx: RawTx, entries: QuarantineEntry[], ctx: { orgId: string; sourceId: string | null; format: string }): Promise<void> {
    if (entries.length === 0) return;
    const rows = entries.map((e) => [ctx.orgId, ctx.sourceId, ctx.format, e.code, e.message.slice(0, 1000), e.raw.replaceAll('\u0000', '\uFFFD')] as const);
    await tx.copyIn('quarantine', ['org_id', 'source_id', 'format', 'code', 'message', 'raw'], encodeCopyRows(rows));
  },

  async outbox(tx: RawTx, type: string, audience: unknown, payload: unknown): Promise<void> {
    await tx.query(`insert into outbox (type, audience, payload) values ($1, $2::jsonb, $3::jsonb)`, [type, JSON.stringify(audience), JSON.stringify(payload)]);
  },
};
