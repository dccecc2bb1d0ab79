import { useTranslation } from 'react-i18next';
import type { IncidentSummary } from '@lachan/contracts';

type Titled = Pick<IncidentSummary, 'title' | 'titleCode' | 'titleParams'>;
type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * An incident's title in the reader's language: a title the server made (from a promotion rule's group
 * or from chosen alerts) is worded from its code and parameters; a title someone wrote is shown as written.
 */
export function incidentTitle(t: Translate, i: Titled): string {
  const p = i.titleParams ?? {};
  if (i.titleCode !== 'promoted' && i.titleCode !== 'alerts') return i.title;
  const what = p.signature ?? (i.titleCode === 'promoted' ? p.rule : t('incidents.madeTitle.alerts', { count: Number(p.count ?? 0) }));
  if (!what) return i.title;
  return [what, p.attacker && t('incidents.madeTitle.from', { attacker: p.attacker }), p.asset && t('incidents.madeTitle.on', { asset: p.asset })].filter(Boolean).join(' ');
}

/** `incidentTitle` bound to the current language. */
export function useIncidentTitle(): (i: Titled) => string {
  const { t } = useTranslation();
  return (i) => incidentTitle(t as unknown as Translate, i);
}
