import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Every date is shown in Vietnam's time zone, whatever the browser's. */
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';
const LOCALES = { vi: 'vi-VN', en: 'en-GB' } as const;
const RELATIVE_UNITS: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number]> = [
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
  ['second', 1],
];

/** Formatters for the current language: dates in Asia/Ho_Chi_Minh, numbers with Intl.NumberFormat. */
export function useFormat() {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  return useMemo(() => {
    const locale = LOCALES[lang];
    const dateTime = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, dateStyle: 'medium', timeStyle: 'short' });
    const date = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, dateStyle: 'medium' });
    const time = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    const shortDay = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, day: '2-digit', month: '2-digit' });
    // calendar days (`YYYY-MM-DD` of the roll-ups) are dates, not instants: formatted in UTC so they never shift
    const calendarDay = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: '2-digit', month: '2-digit' });
    const dayKey = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE });
    const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    const number = new Intl.NumberFormat(locale);
    const show = (fmt: Intl.DateTimeFormat, iso: string | null | undefined) => {
      if (!iso) return '—';
      const d = new Date(iso);
      return Number.isNaN(d.getTime()) ? iso : fmt.format(d);
    };
    return {
      lang,
      dateTime: (iso: string | null | undefined) => show(dateTime, iso),
      date: (iso: string | null | undefined) => show(date, iso),
      /** Time of day with seconds, prefixed by the day when it is not today (dense tables). */
      timeOfDay: (iso: string | null | undefined, now = Date.now()) => {
        if (!iso) return '—';
        const d = new Date(iso);
        if (Number.isNaN(d.getTime())) return iso;
        const sameDay = dayKey.format(d) === dayKey.format(now);
        return sameDay ? time.format(d) : `${shortDay.format(d)} ${time.format(d)}`;
      },
      /** "3 minutes ago", counted from `now`. */
      relative: (iso: string | null | undefined, now = Date.now()) => {
        if (!iso) return '—';
        const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
        if (Number.isNaN(seconds)) return iso;
        for (const [unit, size] of RELATIVE_UNITS) {
          if (Math.abs(seconds) >= size || unit === 'second') return relative.format(Math.round(seconds / size), unit);
        }
        return relative.format(seconds, 'second');
      },
      number: (n: number) => number.format(n),
      /** A calendar day `YYYY-MM-DD` as day and month (chart axes). */
      shortDate: (day: string) => {
        const d = new Date(`${day}T00:00:00Z`);
        return Number.isNaN(d.getTime()) ? day : calendarDay.format(d);
      },
    };
  }, [lang]);
}
