import { isValidTimeZone, wallTimeToUtc, zoneOffsetMinutes } from './zone.ts';

/**
 * Timestamps of every format to epoch milliseconds (and ISO 8601 UTC): ISO 8601 / RFC 3339 with offsets
 * `Z`, `+hh:mm`, `+hhmm`, `+hh`; epoch seconds or milliseconds; `Mmm dd yyyy hh:mm:ss` and the year-less
 * `Mmm dd hh:mm:ss` (CEF `rt`, RFC 3164), and ctime-style `Www Mmm dd hh:mm:ss yyyy` (Cisco ESA). Times written
 * without a zone are read in the given zone: an IANA name, or a fixed offset in minutes east of UTC.
 */

/** An IANA zone name, or a fixed offset in minutes east of UTC (a sender's declared `+07:00`, `EST`). */
export type Zone = string | number;

/** The UTC instant of a wall-clock time in `zone`. */
export function zonedToUtc(zone: Zone, year: number, month: number, day: number, hour: number, minute: number, second: number, ms: number): number {
  if (typeof zone === 'number') return Date.UTC(year, month - 1, day, hour, minute, second, ms) - zone * 60_000;
  return wallTimeToUtc(zone, year, month, day, hour, minute, second, ms);
}

const DAY_MS = 86_400_000;
export const MONTHS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
const MAX_DAYS = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  if (month !== 2) return MAX_DAYS[month]!;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

/** True when the fields could be a wall-clock time (Feb 29 allowed: the year is not known yet). */
export function plausibleTime(month: number, day: number, hour: number, minute: number, second: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= MAX_DAYS[month]! && hour <= 23 && minute <= 59 && second <= 60;
}

export function toIso(ms: number): string {
  return new Date(ms).toISOString();
}

/** Milliseconds from a fraction written with any number of digits (truncated, never rounded up). */
function fractionMs(frac: string | undefined): number {
  return frac === undefined ? 0 : Number((frac + '00').slice(0, 3));
}

/** Minutes east of UTC of an offset token (`Z`, `UTC`, `GMT`, `+07:00`, `+0700`, `+07`), or null. */
export function offsetToken(tok: string): number | null {
  if (tok === 'Z' || tok === 'z' || tok === 'UTC' || tok === 'GMT') return 0;
  const m = /^(?:UTC|GMT)?([+-])(\d{2}):?(\d{2})?$/.exec(tok);
  if (m === null) return null;
  const h = Number(m[2]);
  const min = m[3] === undefined ? 0 : Number(m[3]);
  if (h > 14 || min > 59) return null;
  return (m[1] === '-' ? -1 : 1) * (h * 60 + min);
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)? ?(Z|z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/;

/**
 * Epoch ms of an ISO 8601 / RFC 3339 time, or null. Without an offset the time is read in `timeZone`,
 * unless `requireZone` (RFC 3339 `date-time`), which then answers null.
 */
export function parseIsoTime(s: string, timeZone: Zone, requireZone = false): number | null {
  const m = ISO.exec(s.trim());
  if (m === null) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = m[4] === undefined ? 0 : Number(m[4]);
  const minute = m[5] === undefined ? 0 : Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  if (year < 1000 || !plausibleTime(month, day, hour, minute, second) || day > daysInMonth(year, month)) return null;
  const ms = fractionMs(m[7]);
  if (m[8] === undefined) {
    if (requireZone) return null;
    return zonedToUtc(timeZone, year, month, day, hour, minute, Math.min(second, 59), ms);
  }
  const offset = offsetToken(m[8]);
  if (offset === null) return null;
  return Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59), ms) - offset * 60_000;
}

/** Epoch ms from epoch seconds or milliseconds (told apart by magnitude), or null. */
export function parseEpoch(v: number): number | null {
  if (!Number.isFinite(v) || v <= 0) return null;
  const ms = v >= 1e11 ? v : v * 1000;
  return ms < 253_402_300_800_000 ? Math.floor(ms) : null;
}

/**
 * The year for a year-less wall time (RFC 3164): of last, this and next year, the one that puts the time
 * closest to `receivedAt` without being more than a day in its future. `zone` is an IANA name or a fixed
 * offset in minutes east of UTC.
 */
export function resolveYearless(month: number, day: number, hour: number, minute: number, second: number, ms: number, zone: string | number, receivedAt: Date): number | null {
  const recv = receivedAt.getTime();
  const offset = typeof zone === 'number' ? zone : zoneOffsetMinutes(zone, recv);
  const thisYear = new Date(recv + offset * 60_000).getUTCFullYear();
  let best: number | null = null;
  for (const year of [thisYear - 1, thisYear, thisYear + 1]) {
    if (day > daysInMonth(year, month)) continue;
    const sec = Math.min(second, 59);
    const t = typeof zone === 'number' ? Date.UTC(year, month - 1, day, hour, minute, sec, ms) - zone * 60_000 : wallTimeToUtc(zone, year, month, day, hour, minute, sec, ms);
    if (t - recv > DAY_MS) continue;
    if (best === null || Math.abs(t - recv) < Math.abs(best - recv)) best = t;
  }
  return best;
}

const MONTH_DAY = /^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun),? )?([A-Za-z]{3}) {1,2}(\d{1,2})(?: (\d{4}))? (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?: (\S+))?$/i;
// ctime / asctime: `Thu Mar 18 08:04:46 2021`, the year after the time (an optional zone may follow it).
const CTIME = /^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) )?([A-Za-z]{3}) {1,2}(\d{1,2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))? (\d{4})(?: (\S+))?$/i;

/** Zone abbreviations senders write after a time; only unambiguous ones (IST, CST in Asia… are not). */
const ZONE_ABBREVIATIONS: Record<string, number> = {
  UTC: 0, GMT: 0, UT: 0, Z: 0, WET: 0, WEST: 60, BST: 60, CET: 60, CEST: 120, EET: 120, EEST: 180, MSK: 180,
  EST: -300, EDT: -240, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420, AKST: -540, AKDT: -480, HST: -600,
  ICT: 420, WIB: 420, SGT: 480, HKT: 480, AWST: 480, JST: 540, KST: 540, AEST: 600, AEDT: 660, NZST: 720, NZDT: 780,
};

/**
 * A zone as senders write it (`UTC`, `+07:00`, `GMT+7`, `EST`, `Asia/Ho_Chi_Minh`) → an IANA name or a fixed
 * offset in minutes; null when it is none of these.
 */
export function zoneOf(token: string): Zone | null {
  const t = token.trim();
  if (t === '') return null;
  const fixed = offsetToken(t);
  if (fixed !== null) return fixed;
  const gmt = /^(?:UTC|GMT)([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(t);
  if (gmt !== null && Number(gmt[2]) <= 14) return (gmt[1] === '-' ? -1 : 1) * (Number(gmt[2]) * 60 + Number(gmt[3] ?? 0));
  const abbreviation = ZONE_ABBREVIATIONS[t.toUpperCase()];
  if (abbreviation !== undefined) return abbreviation;
  if (/^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)+$/.test(t) && isValidTimeZone(t)) return t;
  return null;
}

/** Epoch ms of `[Www] Mmm dd [yyyy] hh:mm:ss[.fff] [zone]` or ctime `[Www] Mmm dd hh:mm:ss yyyy [zone]`, or null. */
export function parseMonthDayTime(s: string, timeZone: Zone, receivedAt: Date): number | null {
  const text = s.trim();
  const c = CTIME.exec(text);
  // Normalised to the MONTH_DAY groups: month, day, year, h, m, s, fraction, zone.
  const m = c !== null ? [c[0], c[1], c[2], c[7], c[3], c[4], c[5], c[6], c[8]] : MONTH_DAY.exec(text);
  if (m === null) return null;
  const month = MONTHS[m[1]!.toLowerCase()];
  const day = Number(m[2]);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = Math.min(Number(m[6]), 59);
  if (month === undefined || !plausibleTime(month, day, hour, minute, second)) return null;
  const ms = fractionMs(m[7]);
  let zone = timeZone;
  if (m[8] !== undefined) {
    const written = zoneOf(m[8]);
    if (written === null) return null;
    zone = written;
  }
  if (m[3] === undefined) return resolveYearless(month, day, hour, minute, second, ms, zone, receivedAt);
  const year = Number(m[3]);
  if (day > daysInMonth(year, month)) return null;
  return zonedToUtc(zone, year, month, day, hour, minute, second, ms);
}

/**
 * Any of the supported shapes (ISO, epoch number or digit string, `Mmm dd [yyyy] hh:mm:ss`) to ISO 8601
 * UTC; null when absent or unreadable.
 */
export function readTime(v: unknown, timeZone: Zone, receivedAt: Date): string | null {
  let ms: number | null = null;
  if (typeof v === 'number') ms = parseEpoch(v);
  else if (typeof v === 'string') {
    const s = v.trim();
    if (/^\d{9,16}(?:\.\d+)?$/.test(s)) ms = parseEpoch(Number(s));
    else if (/^\d{4}-/.test(s)) ms = parseIsoTime(s, timeZone);
    else ms = parseMonthDayTime(s, timeZone, receivedAt);
  }
  if (ms === null || !Number.isFinite(ms)) return null;
  try {
    return toIso(ms);
  } catch {
    return null;
  }
}
