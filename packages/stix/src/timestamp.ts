import { parseInstant } from '@lachan/contracts';

const STIX_TIMESTAMP = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):([0-5]\d):([0-5]\d|60)(?:\.(\d{1,9}))?Z$/;

/**
 * True for an RFC 3339 UTC timestamp with `Z`, as STIX requires, that is also an instant Lachan
 * accepts (calendar-checked, no 31 February, years 1 to 9999: what the database can hold).
 */
export function isStixTimestamp(value: unknown): value is string {
  return typeof value === 'string' && STIX_TIMESTAMP.test(value) && parseInstant(value) !== null;
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
