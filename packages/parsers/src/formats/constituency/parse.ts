import type { NormalizedAlert } from '@lachan/contracts';
import { finishAlert, newAlert } from '../../alert.ts';
import { fail } from '../../failure.ts';
import { isObject, parseJsonObject } from '../../json-record.ts';
import { ObservableSet } from '../../observable-set.ts';
import { parseIsoTime } from '../../time.ts';
import type { ParseContext } from '../../types.ts';
import { CONSTITUENCY_FEEDS, type ConstituencyRecord } from './record.ts';
import { mapAbuseCh } from './abusech.ts';
import { mapShadowserver } from './shadowserver.ts';
import { mapCsv } from './mapped.ts';
import type { RowMapping } from './cells.ts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;


/**
 * The `constituency` format: one row of a report about the constituency (Shadowserver, abuse.ch, or a
 * centre-defined CSV), as `splitConstituencyReport` wrote it. The host in the constituency becomes the
 * alert's asset (so the alert goes to the organisation that registered it); the report type, feed and
 * report day travel as tags (`report:scan_rdp`, `feed:shadowserver`, `day:2026-12-05`) and the
 * dedup key (`eventKey`), so a host is one alert per report type and report day.
 * A row without the header's number of cells → `column_count`; without a time → `missing_field`;
 * without any host, address, domain or URL → `missing_field`; a bad time or address → `invalid_value`.
 */
export function parseConstituency(record: string, ctx: ParseContext): NormalizedAlert {
  const rec = readRecord(record);
  if (rec.columns) fail('column_count', `line ${rec.line} has ${rec.columns.got} cells where the header names ${rec.columns.expected}`);
  const alert = newAlert('constituency');
  const obs = new ObservableSet();
  const m: RowMapping = { alert, obs, rec, ctx };
  if (rec.feed === 'shadowserver') mapShadowserver(m);
  else if (rec.feed === 'csv') mapCsv(m);
  else mapAbuseCh(m, rec.feed);
  if (alert.eventTime === null) fail('missing_field', `line ${rec.line} has no time`);
  if (alert.assetIp === null && alert.assetHostname === null && !obs.items.some((o) => o.type === 'url' || o.type === 'domain')) {
    fail('missing_field', `line ${rec.line} names no address, domain or URL in the constituency`);
  }
  const day = rec.reportDay ?? alert.eventTime.slice(0, 10);
  alert.tags = ['constituency', `feed:${rec.feed}`, `report:${rec.report}`, `day:${day}`, ...alert.tags];
  alert.eventKey = [`report:${rec.report}`, `day:${day}`, ...(alert.eventKey ?? [])];
  return finishAlert(alert, obs, `${rec.report} report`);
}

function readRecord(record: string): ConstituencyRecord {
  const doc = parseJsonObject(record);
  if (!CONSTITUENCY_FEEDS.includes(doc.feed as never)) fail('invalid_value', `feed must be one of ${CONSTITUENCY_FEEDS.join(', ')}`);
  if (typeof doc.report !== 'string' || !/^[a-z0-9_]{1,64}$/.test(doc.report)) fail('invalid_value', 'report must be a report type (lower-case letters, digits, _)');
  if (doc.reportDay !== null && doc.reportDay !== undefined && (typeof doc.reportDay !== 'string' || !DAY.test(doc.reportDay) || parseIsoTime(doc.reportDay, 'UTC') === null)) {
    fail('invalid_value', 'reportDay must be a date YYYY-MM-DD');
  }
  if (!isObject(doc.fields)) fail('missing_field', 'fields is required');
  const fields: Record<string, string> = {};
  for (const [k, v] of Object.entries(doc.fields)) if (typeof v === 'string') fields[k] = v;
  const line = typeof doc.line === 'number' && Number.isInteger(doc.line) ? doc.line : 0;
  const rec: ConstituencyRecord = { feed: doc.feed as ConstituencyRecord['feed'], report: doc.report, reportDay: (doc.reportDay as string | null | undefined) ?? null, line, fields };
  if (isObject(doc.columns)) rec.columns = { expected: Number(doc.columns.expected), got: Number(doc.columns.got) };
  if (isObject(doc.mapping)) {
    const mp = doc.mapping;
    rec.mapping = {
      name: typeof mp.name === 'string' ? mp.name : 'CSV',
      rsitClass: typeof mp.rsitClass === 'string' ? mp.rsitClass : null,
      rsitType: typeof mp.rsitType === 'string' ? mp.rsitType : null,
      severity: typeof mp.severity === 'number' && [1, 2, 3, 4].includes(mp.severity) ? mp.severity : 2,
      timeZone: typeof mp.timeZone === 'string' ? mp.timeZone : 'UTC',
    };
  }
  return rec;
}

