const STIX_TIMESTAMP = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):([0-5]\d):([0-5]\d|60)(?:\.(\d{1,9}))?Z$/;

/**
 * True for an RFC 3339 UTC timestamp with `Z`, as STIX requires: calendar-checked (no 31 February) and
 * in years 0001–9999 (RFC 3339 has no year 0000; no database column holds it).
 */
export function isStixTimestamp(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = STIX_TIMESTAMP.exec(value);
  if (!m) return false;
  const [, y, mo, d] = m;
  const year = Number(y);
  if (year < 1) return false;
  const date = new Date(0);
  date.setUTCFullYear(year, Number(mo) - 1, Number(d));
  return date.getUTCDate() === Number(d);
}

/**
 * The timestamp rewritten with exactly nine fractional digits, so plain string comparison orders
 * timestamps correctly whatever precision each was written with ('…05Z' vs '…05.120Z').
 */
export function timestampKey(value: string): string {
  const dot = value.indexOf('.');
  const head = dot < 0 ? value.slice(0, -1) : value.slice(0, dot);
  const frac = dot < 0 ? '' : value.slice(dot + 1, -1);
  return `${head}.${frac.padEnd(9, '0').slice(0, 9)}Z`;
}

/** Compare two STIX timestamps: negative, zero or positive like a sort comparator. */
export function compareTimestamps(a: string, b: string): number {
  const ka = timestampKey(a);
  const kb = timestampKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** Milliseconds since the epoch (sub-millisecond digits dropped). */
export function timestampMs(value: string): number {
  return Date.parse(value);
}
