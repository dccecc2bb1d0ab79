/**
 * Time-zone arithmetic with Intl only (no tz library): the offset of an IANA zone at an instant, and the
 * UTC instant of a wall-clock time in a zone. Formatters and offsets are cached: a batch of syslog lines
 * from one zone costs one Intl call per quarter hour of wall time.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, number>();
const QUARTER_HOUR = 900_000;

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when Intl knows the zone name. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall-clock reading in `timeZone` at `utcMs` (whole seconds). */
export function wallTime(timeZone: string, utcMs: number): WallTime {
  const w: WallTime = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const p of formatter(timeZone).formatToParts(utcMs)) {
    if (p.type === 'year' || p.type === 'month' || p.type === 'day' || p.type === 'hour' || p.type === 'minute' || p.type === 'second') {
      w[p.type] = Number(p.value);
    }
  }
  if (w.hour === 24) w.hour = 0;
  return w;
}

/** Minutes east of UTC of `timeZone` at the instant `utcMs`. */
export function zoneOffsetMinutes(timeZone: string, utcMs: number): number {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return 0;
  const bucket = Math.floor(utcMs / QUARTER_HOUR);
  const cacheKey = `${timeZone}|${bucket}`;
  const cached = offsets.get(cacheKey);
  if (cached !== undefined) return cached;
  const at = bucket * QUARTER_HOUR;
  const w = wallTime(timeZone, at);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  const offset = Math.round((asUtc - at) / 60_000);
  if (offsets.size > 50_000) offsets.clear();
  offsets.set(cacheKey, offset);
  return offset;
}

/** The UTC instant of a wall-clock time in `timeZone` (two passes, so DST edges resolve consistently). */
export function wallTimeToUtc(timeZone: string, year: number, month: number, day: number, hour: number, minute: number, second: number, ms: number): number {
  const local = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const guess = local - zoneOffsetMinutes(timeZone, local) * 60_000;
  return local - zoneOffsetMinutes(timeZone, guess) * 60_000;
}
