import { SYSTEM_DATA_CLASSES, SYSTEM_FUNCTION_TYPES, type SystemDataClass, type SystemFunctionType } from '@lachan/contracts';
import { csvRecords } from '../../common/csv-records.ts';
import type { SystemRow } from './systems.repository.ts';

/** The columns of a registry file, in the order the export writes them. */
export const SYSTEM_CSV_COLUMNS = [
  'name', 'function_type', 'data_classes', 'users_served', 'security_level', 'approval_number', 'approval_date', 'approver', 'critical',
  'operator', 'description', 'assets',
] as const;
const REQUIRED = ['name', 'function_type'];
const MAX_ROWS = 5000;
const MAX_ERRORS = 100;

/** One valid row of a registry file; assets still as `kind:value` (resolved against the owner's assets). */
export interface SystemCsvRow {
  line: number;
  name: string;
  functionType: SystemFunctionType;
  dataClasses: SystemDataClass[];
  usersServed: number | null;
  securityLevel: number | null;
  approval: { number: string; date: string; approver: string } | null;
  critical: boolean;
  operatorName: string | null;
  description: string | null;
  assets: string[];
}

export interface CsvRowError {
  line: number;
  column: string | null;
  message: string;
}

const list = (v: string) => v.split(';').map((x) => x.trim()).filter(Boolean);
const realDay = (d: string) => /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d;
const TRUE = new Set(['true', 'yes', '1', 'có', 'x']);
const FALSE = new Set(['false', 'no', '0', 'không', '']);

/**
 * Reads a registry file (header row naming at least `name` and `function_type`; lists separated by
 * `;`; assets as `cidr:10.0.0.0/24;domain:example.gov.vn`). Every problem is reported with its line
 * and column; the caller stores nothing when there is any.
 */
export function parseSystemsCsv(text: string): { rows: SystemCsvRow[]; errors: CsvRowError[] } {
  const [head, ...records] = csvRecords(text);
  const errors: CsvRowError[] = [];
  if (!head) return { rows: [], errors: [{ line: 1, column: null, message: 'the file is empty' }] };
  const names = head.fields.map((f) => f.trim().toLowerCase());
  // `org` is what the export writes first; an import is for one organisation, so it is read past.
  const unknown = names.filter((n) => n !== 'org' && !(SYSTEM_CSV_COLUMNS as readonly string[]).includes(n));
  const missing = REQUIRED.filter((n) => !names.includes(n));
  if (unknown.length || missing.length) {
    return { rows: [], errors: [{ line: head.line, column: null, message: [unknown.length ? `unknown columns: ${unknown.join(', ')}` : '', missing.length ? `missing columns: ${missing.join(', ')}` : ''].filter(Boolean).join('; ') }] };
  }
  if (records.length > MAX_ROWS) return { rows: [], errors: [{ line: head.line, column: null, message: `at most ${MAX_ROWS} systems in one file` }] };
  const rows: SystemCsvRow[] = [];
  const seen = new Set<string>();
  for (const rec of records) {
    if (errors.length >= MAX_ERRORS) break;
    const v = (c: string) => (rec.fields[names.indexOf(c)] ?? '').trim();
    const fail = (column: string | null, message: string) => errors.push({ line: rec.line, column, message });
    if (rec.fields.length !== names.length) { fail(null, `expected ${names.length} fields, found ${rec.fields.length}`); continue; }
    const before = errors.length;
    const name = v('name');
    if (name.length < 2 || name.length > 300) fail('name', 'a name of 2 to 300 characters');
    else if (seen.has(name.toLowerCase())) fail('name', 'this system appears twice in the file');
    seen.add(name.toLowerCase());
    const functionType = v('function_type') as SystemFunctionType;
    if (!SYSTEM_FUNCTION_TYPES.includes(functionType)) fail('function_type', `one of ${SYSTEM_FUNCTION_TYPES.join(', ')}`);
    const dataClasses = list(v('data_classes')) as SystemDataClass[];
    const badClass = dataClasses.find((c) => !SYSTEM_DATA_CLASSES.includes(c));
    if (badClass) fail('data_classes', `unknown data class ${badClass}`);
    const usersText = v('users_served');
    if (usersText && !/^[0-9]{1,9}$/.test(usersText)) fail('users_served', 'a whole number');
    const levelText = v('security_level');
    if (levelText && !/^[1-5]$/.test(levelText)) fail('security_level', 'a level from 1 to 5');
    const [number, date, approver] = [v('approval_number'), v('approval_date'), v('approver')];
    const approvalParts = [number, date, approver].filter(Boolean).length;
    if (approvalParts > 0 && approvalParts < 3) fail('approval_number', 'an approval needs its number, date and approver');
    if (date && !realDay(date)) fail('approval_date', 'a day as YYYY-MM-DD');
    if (approvalParts === 3 && !levelText) fail('security_level', 'an approval needs the level it approved');
    const criticalText = v('critical').toLowerCase();
    if (!TRUE.has(criticalText) && !FALSE.has(criticalText)) fail('critical', 'true or false');
    const assets = list(v('assets'));
    const badAsset = assets.find((a) => !/^(cidr|domain|hostname):.+$/.test(a));
    if (badAsset) fail('assets', `an asset is kind:value with kind cidr, domain or hostname (${badAsset})`);
    if (errors.length > before) continue;
    rows.push({
      line: rec.line, name, functionType, dataClasses: [...new Set(dataClasses)], usersServed: usersText ? Number(usersText) : null,
      securityLevel: levelText ? Number(levelText) : null, approval: approvalParts === 3 ? { number, date, approver } : null,
      critical: TRUE.has(criticalText), operatorName: v('operator') || null, description: v('description') || null, assets,
    });
  }
  return { rows, errors };
}

const cell = (v: string | number | boolean | null) => {
  const s = v === null ? '' : String(v);
  // A leading =, +, - or @ would be a formula to a spreadsheet: quote it with an apostrophe.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** Writes systems as a registry file that `parseSystemsCsv` reads back (with the owner's name first). */
export function formatSystemsCsv(rows: SystemRow[], assetsOf: Map<string, string[]>): string {
  const lines = [['org', ...SYSTEM_CSV_COLUMNS].join(',')];
  for (const r of rows) {
    lines.push([
      r.org_name, r.name, r.function_type, r.data_classes.join(';'), r.users_served, r.security_level, r.approval_number, r.approval_date, r.approver,
      r.critical, r.operator_name, r.description, (assetsOf.get(r.id) ?? []).join(';'),
    ].map(cell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
