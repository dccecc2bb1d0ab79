import { useTranslation } from 'react-i18next';
import type { Warning } from '@lachan/contracts';

/** Title and body of a warning in the reader's language. */
export function useWarningText() {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en';
  return {
    title: (w: Pick<Warning, 'titleVi' | 'titleEn'>) => (en ? w.titleEn : w.titleVi),
    body: (w: Pick<Warning, 'bodyVi' | 'bodyEn'>) => (en ? w.bodyEn : w.bodyVi),
    action: (a: { vi: string; en: string }) => (en ? a.en : a.vi),
  };
}
