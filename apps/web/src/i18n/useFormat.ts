import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Every date is shown in Vietnam's time zone, whatever the browser's. */
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';
const LOCALES = { vi: 'vi-VN', en: 'en-GB' } as const;

/** Formatters for the current language: dates in Asia/Ho_Chi_Minh, numbers with Intl.NumberFormat. */
export function useFormat() {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  return useMemo(() => {
    const locale = LOCALES[lang];
    const dateTime = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, dateStyle: 'medium', timeStyle: 'short' });
    const date = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, dateStyle: 'medium' });
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
      number: (n: number) => number.format(n),
    };
  }, [lang]);
}
