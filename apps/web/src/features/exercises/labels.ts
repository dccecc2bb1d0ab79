import { useTranslation } from 'react-i18next';

/** Picks the console language's side of a text given in both. */
export function usePick() {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en';
  return (text: { vi: string; en: string }) => (en ? text.en : text.vi);
}

export const STATUS_COLOR = { scheduled: 'gray', running: 'green', paused: 'yellow', ended: 'blue' } as const;
export const EXPECTATION_COLOR = { pending: 'gray', met: 'teal', late: 'orange', missed: 'red' } as const;
