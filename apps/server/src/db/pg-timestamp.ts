/**
 * Instants between JavaScript and the embedded engine's text form, for every Date both hold. PGlite's
 * own conversions go through `toISOString()` and `new Date(text)`: the first writes years past 9999
 * as `+010000-…`, which PostgreSQL refuses, and the second reads years below 100 as 19xx or 20xx.
 * node-postgres (the PostgreSQL engine) already gets both right; these make the engines agree.
 */

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** PostgreSQL's ISO text of an instant, in UTC (`10000-01-05 23:59:59.000+00`, `0044-03-15 … BC`). */
export function timestampText(d: Date): string {
  const y = d.getUTCFullYear();
  const year = pad(y > 0 ? y : 1 - y, 4);
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`;
  return `${year}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${time}+00${y > 0 ? '' : ' BC'}`;
}

/** A `timestamptz` parameter as PostgreSQL text: Dates and epoch milliseconds rewritten, text left as it is. */
export function serializeTimestamp(value: unknown): string {
  if (value instanceof Date) return timestampText(value);
  if (value === Infinity) return 'infinity';
  if (value === -Infinity) return '-infinity';
  if (typeof value === 'number') return timestampText(new Date(value));
  return String(value);
}

const TIMESTAMPTZ = /^(\d{4,})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?([+-])(\d{2})(?::(\d{2}))?(?::(\d{2}))?( BC)?$/;

/** A `timestamptz` value as PostgreSQL writes it (DateStyle ISO) to a Date; infinities as ±Infinity, like PGlite. */
export function parseTimestamptz(text: string): Date | number {
  if (text === 'infinity') return Infinity;
  if (text === '-infinity') return -Infinity;
  const m = TIMESTAMPTZ.exec(text);
  if (!m) return new Date(text);
  const n = (i: number) => Number(m[i] ?? 0);
  const at = new Date(0);
  at.setUTCFullYear(m[12] ? 1 - n(1) : n(1), n(2) - 1, n(3));
  at.setUTCHours(n(4), n(5), n(6), Number((m[7] ?? '').padEnd(3, '0').slice(0, 3)));
  const offset = (m[8] === '-' ? -1 : 1) * (n(9) * 3600 + n(10) * 60 + n(11));
  return new Date(at.getTime() - offset * 1000);
}
