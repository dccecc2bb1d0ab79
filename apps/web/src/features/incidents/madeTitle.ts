import { useTranslation } from 'react-i18next';
import type { IncidentSummary } from '@lachan/contracts';

type Titled = Pick<IncidentSummary, 'title' | 'titleCode' | 'titleParams'>;
type Translate = (key: string, options?: Record<string, unknown>) => string;

/** The national promotion rules the platform ships (migration 0003), named in the reader's language; others as their author wrote them. */
const NATIONAL_RULES: Record<string, 'criticalAlert' | 'bruteForceBurst'> = { 'Critical alert': 'criticalAlert', 'Brute-force burst': 'bruteForceBurst' };
const ruleName = (t: Translate, rule: string | undefined) => (rule && NATIONAL_RULES[rule] ? t(`incidents.madeTitle.rules.${NATIONAL_RULES[rule]}`) : rule);

/**
 * An incident's title in the reader's language: a title the server made (from a promotion rule's group
 * or from chosen alerts) is worded from its code and parameters; a title someone wrote is shown as written.
 */
export function incidentTitle(t: Translate, i: Titled): string {
  const p = i.titleParams ?? {};
  if (i.titleCode !== 'promoted' && i.titleCode !== 'alerts') return i.title;
  const what = p.signature ?? (i.titleCode === 'promoted' ? ruleName(t, p.rule) : t('incidents.madeTitle.alerts', { count: Number(p.count ?? 0) }));
  if (!what) return i.title;
  return [what, p.attacker && t('incidents.madeTitle.from', { attacker: p.attacker }), p.asset && t('incidents.madeTitle.on', { asset: p.asset })].filter(Boolean).join(' ');
}

/** A promotion rule's name in the reader's language: the national rules the platform ships are translated, others as written. */
export function useRuleName(): (name: string) => string {
  const { t } = useTranslation();
  return (name) => ruleName(t as unknown as Translate, name) ?? name;
}

/** `incidentTitle` bound to the current language. */
export function useIncidentTitle(): (i: Titled) => string {
  const { t } = useTranslation();
  return (i) => incidentTitle(t as unknown as Translate, i);
}
