import { useTranslation } from 'react-i18next';
import { isQuarantineReason } from '@lachan/contracts';

/** A quarantine reason as the reader sees it: a short label and one sentence saying what went wrong. */
export interface ReasonText {
  label: string;
  hint: string;
}

type Translate = (key: string) => string;

/** The stored reason code worded in the reader's language; a code outside the list reads as "other reason". */
export function quarantineReason(t: Translate, code: string): ReasonText {
  if (!isQuarantineReason(code)) return { label: t('alerts.quarantine.unknownReason'), hint: t('alerts.quarantine.unknownReason') };
  return { label: t(`alerts.quarantine.reasons.${code}.label`), hint: t(`alerts.quarantine.reasons.${code}.hint`) };
}

/** `quarantineReason` bound to the current language. */
export function useQuarantineReason(): (code: string) => ReasonText {
  const { t } = useTranslation();
  return (code) => quarantineReason(t as unknown as Translate, code);
}
