import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlertFormat, StoredAlertFormat } from '@lachan/contracts';

/** The 11 classes of the ENISA Reference Security Incident Taxonomy (v1003), as alerts carry them. */
export const RSIT_CLASSES = [
  'abusive-content',
  'malicious-code',
  'information-gathering',
  'intrusion-attempts',
  'intrusions',
  'availability',
  'information-content-security',
  'fraud',
  'vulnerable',
  'other',
  'test',
] as const;
type RsitClass = (typeof RSIT_CLASSES)[number];

/** Product names of the formats: the same in every language. */
export const FORMAT_LABELS: Record<StoredAlertFormat, string> = {
  wazuh: 'Wazuh',
  suricata: 'Suricata',
  ecs: 'Elastic (ECS)',
  cef: 'CEF',
  syslog: 'Syslog',
  lachan: 'Lachan',
  constituency: 'Shadowserver · abuse.ch · CSV',
};

/** Formats in the order filters list them. */
export const FORMAT_ORDER: readonly AlertFormat[] = ['wazuh', 'suricata', 'ecs', 'cef', 'syslog', 'lachan'];

const isRsitClass = (value: string): value is RsitClass => (RSIT_CLASSES as readonly string[]).includes(value);

/** Full public id of an alert named by a stream event: `2026-11-21` + `4711` → `20261121-4711`. */
export function alertIdOf(day: string, id: string | number): string {
  return `${day.replaceAll('-', '')}-${id}`;
}

/** Translated RSIT class name; '' (the statistics' key of alerts without a class) is "unclassified"; a class outside the taxonomy is shown as received. */
export function useRsitLabel() {
  const { t } = useTranslation();
  return useCallback((value: string | null) => (value === null ? '—' : value === '' ? t('rsit.unclassified') : isRsitClass(value) ? t(`rsit.${value}`) : value), [t]);
}
