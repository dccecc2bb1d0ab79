import { sql } from 'kysely';
import type { TestApp } from './harness.ts';

/** What a connector got back for one batch, and what the database now holds of it. */
export interface BatchCheck {
  status: number;
  body: { accepted?: number; duplicates?: number; rejected?: number; errors?: { index: number; code: string; message: string }[]; error?: { code: string; message: string } };
  /** Quarantine rows the batch added (its source's rows with a higher id than before), in order. */
  quarantined: { code: string; message: string; raw: string }[];
}

/** Sends one body to `/api/v1/ingest/{format}` with a connector key and reads back what was quarantined. */
export async function sendBatch(t: TestApp, key: { id: string; key: string }, format: string, payload: string | Buffer, headers: Record<string, string> = {}, noContentType = false): Promise<BatchCheck> {
  const before = await lastQuarantineId(t);
  const all: Record<string, string> = { authorization: `Bearer ${key.key}`, 'content-type': 'application/x-ndjson', ...headers };
  if (noContentType) delete all['content-type'];
  const res = await t.app.inject({ method: 'POST', url: `/api/v1/ingest/${format}`, payload, headers: all });
  const rows = await sql<{ code: string; message: string; raw: string }>`select q.code, q.message, q.raw from quarantine q join alert_sources s on s.id = q.source_id
    where s.api_key_id = ${key.id} and s.format = ${format} and q.id > ${before}::bigint order by q.id`.execute(t.platform.db);
  let body: BatchCheck['body'];
  try {
    body = res.json();
  } catch {
    body = { error: { code: 'not_json', message: res.body.slice(0, 200) } };
  }
  return { status: res.statusCode, body, quarantined: rows.rows };
}

async function lastQuarantineId(t: TestApp): Promise<string> {
  const r = await sql<{ id: string }>`select coalesce(max(id), 0)::text as id from quarantine`.execute(t.platform.db);
  return r.rows[0]!.id;
}

/** Alerts a key sent in one format whose title contains `marker`, as stored. */
export async function storedAlerts(t: TestApp, key: { id: string }, format: string, marker: string) {
  const r = await sql<{ title: string; description: string | null; raw: string; event_time: Date; observables: { type: string; value: string }[] }>`
    select a.title, a.description, a.raw, a.event_time, a.observables from alerts a join alert_sources s on s.id = a.source_id
    where s.api_key_id = ${key.id} and s.format = ${format} and a.title like ${`%${marker}%`} order by a.id`.execute(t.platform.db);
  return r.rows;
}
