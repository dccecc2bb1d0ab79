import { RSIT_CLASSES } from '@lachan/parsers';
import { csvRecords } from '../../common/csv-records.ts';

/** One valid row of a history file, its organisation still as written (id or name). */
export interface HistoryRow {
  line: number;
  day: string;
  org: string;
  sector: string | null;
  rsitClass: string;
  /** 0 when the file does not say. */
  severity: number;
  alerts: number;
  occurrences: number;
}

/** A reason a row (or the file) was refused: the line of the file and the column. */
export interface RowError {
  line: number;
  column: string | null;
  message: string;
}

const COLUMNS = ['day', 'org', 'sector', 'alerts', 'occurrences', 'rsit_class', 'severity'] as const;
const REQUIRED = ['day', 'org', 'alerts'];
const MAX_COUNT = 1_000_000_000;
const MAX_ERRORS = 100;

const int = (v: string) => (/^[0-9]{1,10}$/.test(v) ? Number(v) : NaN);
const realDay = (d: string) => /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(d) && new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d;

/**
 * Reads a file of daily counts (header `day,org,alerts` and optionally `sector`, `occurrences`,
 * `rsit_class`, `severity`): one row per day, organisation, class and severity. Days must be complete
 * (`before`, exclusive) and not older than `earliest`. Every problem is reported with its line.
 */
export function parseHistoryCsv(text: string, bounds: { earliest: string; before: string }): { rows: HistoryRow[]; errors: RowError[] } {
  const [head, ...records] = csvRecords(text);
  if (!head) return { rows: [], errors: [{ line: 1, column: null, message: 'the file is empty: a header line day,org,alerts is expected' }] };
  const names = head.fields.map((f) => f.trim().toLowerCase());
  const errors: RowError[] = [];
  const unknown = names.filter((n) => !(COLUMNS as readonly string[]).includes(n));
  if (unknown.length) errors.push({ line: head.line, column: unknown[0]!, message: `unknown column; columns are ${COLUMNS.join(', ')}` });
  for (const r of REQUIRED) if (!names.includes(r)) errors.push({ line: head.line, column: r, message: 'required column missing' });
  if (new Set(names).size !== names.length) errors.push({ line: head.line, column: null, message: 'a column is named twice' });
  if (errors.length) return { rows: [], errors };
  const rows: HistoryRow[] = [];
  const seen = new Map<string, number>();
  for (const rec of records) {
    if (errors.length >= MAX_ERRORS) break;
    const get = (c: string) => (rec.fields[names.indexOf(c)] ?? '').trim();
    const fail = (column: string | null, message: string) => void errors.push({ line: rec.line, column, message });
    if (rec.fields.length !== names.length) {
      fail(null, `${rec.fields.length} fields where the header has ${names.length}`);
      continue;
    }
    const day = get('day');
    const alerts = int(get('alerts'));
    const occurrences = get('occurrences') === '' ? alerts : int(get('occurrences'));
    const severity = get('severity') === '' ? 0 : int(get('severity'));
    const rsitClass = get('rsit_class');
    const before = errors.length;
    if (!realDay(day)) fail('day', `"${day}" is not a date (YYYY-MM-DD)`);
    else if (day >= bounds.before) fail('day', `${day} is not a completed day (history ends before ${bounds.before})`);
    else if (day < bounds.earliest) fail('day', `${day} is older than ${bounds.earliest}`);
    if (get('org') === '') fail('org', 'an organisation id or exact name is required');
    if (!(alerts >= 0 && alerts <= MAX_COUNT)) fail('alerts', 'a whole number from 0');
    else if (!(occurrences >= alerts && occurrences <= MAX_COUNT)) fail('occurrences', 'a whole number, at least the alerts');
    if (!(severity >= 0 && severity <= 4)) fail('severity', 'from 1 (low) to 4 (critical), or empty');
    if (rsitClass !== '' && !(RSIT_CLASSES as string[]).includes(rsitClass)) fail('rsit_class', `"${rsitClass}" is not an RSIT class`);
    if (errors.length > before) continue;
    const key = `${day}|${get('org')}|${rsitClass}|${severity}`;
    if (seen.has(key)) {
      fail(null, `same day, organisation, class and severity as line ${seen.get(key)}`);
      continue;
    }
    seen.set(key, rec.line);
    rows.push({ line: rec.line, day, org: get('org'), sector: get('sector') || null, rsitClass, severity, alerts, occurrences });
  }
  return { rows, errors };
}
