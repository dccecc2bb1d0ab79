/**
 * The one reading of dates and instants given to Lachan (query and body parameters, TAXII filters,
 * report periods): real calendar dates only, years 1 to 9999 once converted to UTC, which both
 * PostgreSQL `timestamptz` / `date` and JavaScript `Date` hold. Anything else is refused as input
 * instead of failing in the database.
 */

/** 0001-01-01T00:00:00.000Z */
export const MIN_INSTANT_MS = -62_135_596_800_000;
/** 9999-12-31T23:59:59.999Z */
export const MAX_INSTANT_MS = 253_402_300_799_999;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether year-month-day names a day of the calendar (no 30 February, no month 13, no year 0). */
function isCalendarDay(y: number, m: number, d: number): boolean {
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  return d <= (m === 2 && leap(y) ? 29 : DAYS_IN_MONTH[m - 1]!);
}

/** Milliseconds of a UTC wall-clock time; years below 100 stay themselves (Date.UTC would add 1900). */
function utcMs(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number {
  const t = new Date(0);
  t.setUTCFullYear(y, mo - 1, d);
  t.setUTCHours(h, mi, s, ms);
  return t.getTime();
}

/**
 * An RFC 3339 date-time with its offset (`2026-03-01T08:00:00+07:00`, `…Z`; a leap second rolls over
 * as PostgreSQL does) as a Date, or null when it is malformed, not a real date or time, or falls
 * outside years 1 to 9999 in UTC.
 */
export function parseInstant(text: string): Date | null {
  const m = DATE_TIME.exec(text);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  if (!isCalendarDay(y, mo, d) || h > 23 || mi > 59 || s > 60) return null;
  let offsetMinutes = 0;
  if (!m[8]) {
    const oh = Number(m[10]);
    const om = Number(m[11]);
    if (oh > 23 || om > 59) return null;
    offsetMinutes = (m[9] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const ms = Number((m[7] ?? '').padEnd(3, '0').slice(0, 3));
  const at = utcMs(y, mo, d, h, mi, s, ms) - offsetMinutes * 60_000;
  return at >= MIN_INSTANT_MS && at <= MAX_INSTANT_MS ? new Date(at) : null;
}

/** Whether the text is an instant Lachan accepts (see `parseInstant`). */
export const isInstant = (text: string): boolean => parseInstant(text) !== null;

/** A calendar day `YYYY-MM-DD` of years 1 to 9999, or null. */
export function parseDay(text: string): string | null {
  const m = DAY.exec(text);
  if (!m) return null;
  return isCalendarDay(Number(m[1]), Number(m[2]), Number(m[3])) ? text : null;
}

/** Whether the text is a calendar day Lachan accepts (see `parseDay`). */
export const isDay = (text: string): boolean => parseDay(text) !== null;

/** The day `days` after (or before) a calendar day, or null when that leaves years 1 to 9999. */
export function addDays(day: string, days: number): string | null {
  const m = DAY.exec(day);
  if (!m || parseDay(day) === null) return null;
  const at = utcMs(Number(m[1]), Number(m[2]), Number(m[3])) + days * 86_400_000;
  if (at < MIN_INSTANT_MS || at > MAX_INSTANT_MS) return null;
  return new Date(at).toISOString().slice(0, 10);
}

/**
 * A report period, `2026` (the year) or `2026-H1` / `2026-H2` (a half-year), as its first and last
 * day; null when it is not one (year 0 included).
 */
export function parsePeriod(label: string): { from: string; to: string } | null {
  const m = /^([0-9]{4})(?:-H([12]))?$/.exec(label);
  if (!m || Number(m[1]) < 1) return null;
  const y = m[1]!;
  if (m[2] === '1') return { from: `${y}-01-01`, to: `${y}-06-30` };
  if (m[2] === '2') return { from: `${y}-07-01`, to: `${y}-12-31` };
  return { from: `${y}-01-01`, to: `${y}-12-31` };
}
