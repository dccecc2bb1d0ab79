import type { SplitOutcome } from '../../types.ts';
import { readCsv, type CsvRow } from './csv.ts';
import type { ConstituencyFeed, ConstituencyRecord, MappedField, MappingFacts } from './record.ts';

/** A centre-defined CSV layout: which column holds each canonical field (by header name). */
export interface CsvMappingInput extends MappingFacts {
  reportType: string;
  delimiter: string;
  columns: Partial<Record<MappedField, string>>;
}

export interface ReportInput {
  feed: ConstituencyFeed;
  body: string;
  /** Shadowserver report type; else read from `filename` (`2026-12-05-scan_rdp-…csv`). */
  report?: string;
  /** The report file's name as delivered (gives the report type and day of Shadowserver files). */
  filename?: string;
  /** The report's day, YYYY-MM-DD; else from the file name, else each row's time. */
  reportDate?: string;
  mapping?: CsvMappingInput;
}

/** The documented column order of abuse.ch CSV exports, used when a file comes without its header line. */
export const ABUSE_CH_COLUMNS: Record<'urlhaus' | 'feodo' | 'threatfox', string[]> = {
  urlhaus: ['id', 'dateadded', 'url', 'url_status', 'last_online', 'threat', 'tags', 'urlhaus_link', 'reporter'],
  feodo: ['first_seen_utc', 'dst_ip', 'dst_port', 'c2_status', 'last_online', 'malware'],
  threatfox: ['first_seen_utc', 'ioc_id', 'ioc_value', 'ioc_type', 'threat_type', 'fk_malware', 'malware_alias', 'malware_printable', 'last_seen_utc',
    'confidence_level', 'reference', 'tags', 'anonymous', 'reporter'],
};
/** A column that only this feed's header holds: how a header line is told from a data line. */
const HEADER_MARK: Record<'urlhaus' | 'feodo' | 'threatfox', string> = { urlhaus: 'urlhaus_link', feodo: 'dst_ip', threatfox: 'ioc_value' };

const FILENAME = /^(\d{4}-\d{2}-\d{2})-([a-z0-9_]+)-.+\.csv(?:\.gz)?$/i;
export const REPORT_TYPE = /^[a-z0-9_]{1,64}$/;

/** The report type and day a Shadowserver file name states (`2026-12-05-scan_rdp-vn-geo.csv`). */
export function reportOfFilename(filename: string | undefined): { report: string; day: string } | null {
  const m = filename === undefined ? null : FILENAME.exec(filename.split(/[\\/]/).pop()!);
  return m ? { day: m[1]!, report: m[2]!.toLowerCase() } : null;
}

/**
 * Cuts a constituency report (CSV) into self-contained records of the `constituency` alert format, one
 * per data row, each carrying its header's names. Only a body with no row, or with no way to know its
 * columns or report type, is an error; a row that does not fit its header still becomes a record (its
 * parse refuses it, so it is quarantined with the reason).
 */
export function splitConstituencyReport(input: ReportInput): SplitOutcome & { report?: string } {
  const fromName = reportOfFilename(input.filename);
  const reportDay = input.reportDate ?? fromName?.day ?? null;
  const delimiter = input.feed === 'csv' ? (input.mapping?.delimiter ?? ',') : ',';
  const { rows, comments } = readCsv(input.body, delimiter);
  if (rows.length === 0) return { error: { code: 'empty_body', message: 'the report holds no row' } };
  let report: string;
  let header: string[];
  let data: CsvRow[];
  if (input.feed === 'shadowserver') {
    const r = input.report ?? fromName?.report;
    if (r === undefined) return { error: { code: 'report_type_unknown', message: 'name the Shadowserver report type (report=scan_rdp) or send the file name (filename=2026-12-05-scan_rdp-….csv)' } };
    if (!REPORT_TYPE.test(r)) return { error: { code: 'invalid_report_type', message: `"${r.slice(0, 80)}" is not a report type (lower-case letters, digits, _)` } };
    report = r;
    header = names(rows[0]!.cells);
    data = rows.slice(1);
    if (!header.includes('timestamp')) return { error: { code: 'missing_header', message: 'the first line is not a Shadowserver header (it has no timestamp column)' } };
  } else if (input.feed === 'csv') {
    if (input.mapping === undefined) return { error: { code: 'mapping_required', message: 'a generic CSV report needs a column mapping' } };
    report = input.mapping.reportType;
    header = names(rows[0]!.cells);
    data = rows.slice(1);
    const missing = Object.values(input.mapping.columns).filter((c) => c !== undefined && !header.includes(c.trim().toLowerCase()));
    if (missing.length > 0) return { error: { code: 'missing_column', message: `the header has no column ${missing.map((c) => `"${c}"`).join(', ')} that the mapping "${input.mapping.name}" names` } };
  } else {
    report = input.feed;
    const mark = HEADER_MARK[input.feed];
    const commented = [...comments].reverse().find((c) => c.text.includes(mark));
    if (names(rows[0]!.cells).includes(mark)) {
      header = names(rows[0]!.cells);
      data = rows.slice(1);
    } else {
      header = commented ? names(readCsv(commented.text.replace(/^#\s*/, ''), ',').rows[0]?.cells ?? []) : ABUSE_CH_COLUMNS[input.feed];
      data = rows;
    }
  }
  const records = data.map((row) => JSON.stringify(recordOf(input, report, reportDay, header, row)));
  return records.length === 0 ? { error: { code: 'empty_body', message: 'the report has a header but no data row' } } : { records, report };
}

function names(cells: string[]): string[] {
  return cells.map((c) => c.trim().toLowerCase());
}

function recordOf(input: ReportInput, report: string, reportDay: string | null, header: string[], row: CsvRow): ConstituencyRecord {
  const fields: Record<string, string> = {};
  const cellOf = (name: string) => row.cells[header.indexOf(name)]?.trim();
  if (input.feed === 'csv' && input.mapping) {
    for (const [field, column] of Object.entries(input.mapping.columns)) {
      const v = column === undefined ? undefined : cellOf(column.trim().toLowerCase());
      if (v !== undefined && v !== '') fields[field] = v;
    }
  } else {
    header.forEach((h, i) => {
      const v = row.cells[i]?.trim();
      if (h !== '' && v !== undefined && v !== '') fields[h] = v;
    });
  }
  const rec: ConstituencyRecord = { feed: input.feed, report, reportDay, line: row.line, fields, text: row.text };
  if (input.mapping && input.feed === 'csv') {
    const { name, rsitClass, rsitType, severity, timeZone } = input.mapping;
    rec.mapping = { name, rsitClass, rsitType, severity, timeZone };
  }
  if (row.cells.length !== header.length) rec.columns = { expected: header.length, got: row.cells.length };
  return rec;
}
