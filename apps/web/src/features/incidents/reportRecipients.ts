import { useTranslation } from 'react-i18next';
import type { Deadline } from '@lachan/contracts';

type Translate = (key: string) => string;
type Addressed = Pick<Deadline, 'recipientCodes' | 'recipients'>;

/**
 * Who a report goes to in the reader's language: the recipients named by code, then what the regime's
 * author wrote beside them (an address); a rule without codes shows its text as written.
 */
export function reportRecipients(t: Translate, lang: 'vi' | 'en', d: Addressed): string {
  const named = d.recipientCodes.map((c) => t(`incidents.reportRecipients.${c}`));
  const list = new Intl.ListFormat(lang === 'en' ? 'en-GB' : 'vi-VN', { type: 'conjunction' }).format(named);
  const extra = d.recipients.trim();
  if (!list) return extra;
  return extra ? `${list} (${extra})` : list;
}

/** `reportRecipients` bound to the current language. */
export function useReportRecipients(): (d: Addressed) => string {
  const { t, i18n } = useTranslation();
  return (d) => reportRecipients(t as unknown as Translate, i18n.language === 'en' ? 'en' : 'vi', d);
}
