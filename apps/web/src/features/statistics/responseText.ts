import type { TFunction } from 'i18next';

/** A median time in hours, readable: minutes under an hour, days past two days; "not yet" when none. */
export function durationText(hours: number | null, t: TFunction, number: (n: number) => string): string {
  if (hours === null) return t('statistics.response.notYet');
  if (hours < 1) return t('statistics.response.minutes', { n: number(Math.round(hours * 60)) });
  if (hours < 48) return t('statistics.response.hours', { n: number(Math.round(hours * 10) / 10) });
  return t('statistics.response.days', { n: number(Math.round((hours / 24) * 10) / 10) });
}
