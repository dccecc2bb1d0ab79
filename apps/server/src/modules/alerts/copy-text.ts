/**
 * PostgreSQL COPY text format: tab-separated columns, one row per line, `\N` for NULL, and
 * backslash, tab, newline and carriage return escaped. Arrays are written as array literals.
 */
const SPECIAL = /[\\\t\n\r]/;

function escapeText(value: string): string {
  if (!SPECIAL.test(value)) return value;
  return value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

/** A text[] literal: every element double-quoted, quotes and backslashes escaped. */
export function textArrayLiteral(values: readonly string[]): string {
  if (values.length === 0) return '{}';
  return `{${values.map((v) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

export type CopyValue = string | number | boolean | null | undefined | readonly string[];

/** Encodes one value for a COPY text row. */
export function copyField(value: CopyValue): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'string') return escapeText(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  return escapeText(textArrayLiteral(value));
}

/** Builds the COPY payload for many rows at once. */
export function encodeCopyRows(rows: readonly (readonly CopyValue[])[]): Uint8Array {
  let out = '';
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) out += (i ? '\t' : '') + copyField(row[i]);
    out += '\n';
  }
  return Buffer.from(out, 'utf8');
}
