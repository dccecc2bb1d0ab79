import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { SEVERITIES } from '@lachan/contracts';
import { useFormat } from '../../i18n/useFormat.ts';
import { FORMAT_LABELS, useRsitLabel } from '../alerts/alertLabels.ts';
import { useOrgLabels } from '../orgs/index.ts';
import type { StatsDimension } from './breakdown.ts';

/** The name of a breakdown row in the reader's language: sector, province, class, severity, format, organisation or day. */
export function useStatsLabels() {
  const { t, i18n } = useTranslation();
  const labels = useOrgLabels();
  const rsit = useRsitLabel();
  const fmt = useFormat();
  const en = i18n.language === 'en';
  return useCallback(
    (dimension: StatsDimension, key: string, label?: string | null, labelEn?: string | null): string => {
      switch (dimension) {
        case 'sector':
          return labels.sector(key);
        case 'province':
          return key ? labels.province(key) : t('statistics.table.unknownProvince');
        case 'class':
          return rsit(key);
        case 'severity': {
          const name = SEVERITIES[Number(key) - 1];
          return name ? t(`severity.${name}`) : key;
        }
        case 'format':
          return FORMAT_LABELS[key as keyof typeof FORMAT_LABELS] ?? key;
        case 'org':
          return (en ? labelEn || label : label) ?? key;
        case 'day':
          return fmt.date(`${key}T12:00:00Z`);
      }
    },
    [labels, rsit, t, fmt, en],
  );
}
