import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Warning } from '@lachan/contracts';
import { useOrgLabels } from '../orgs/useOrgLabels.ts';

/** The first `n` names, and how many more there are. */
function some(t: (k: 'warnings.targets.more', o: { list: string; count: number }) => string, names: string[], n = 2): string {
  return names.length > n ? t('warnings.targets.more', { list: names.slice(0, n).join(', '), count: names.length - n }) : names.join(', ');
}

/** Whom a warning is for, in one line: its sectors, provinces and named organisations (everyone when none). */
export function WarningTargets({ targeting }: { targeting: Warning['targeting'] }) {
  const { t } = useTranslation();
  const labels = useOrgLabels();
  const parts = [
    ...(targeting.sectors?.length ? [some(t, targeting.sectors.map(labels.sector))] : []),
    ...(targeting.provinces?.length ? [t('warnings.targets.provinces', { list: some(t, targeting.provinces.map(labels.province)) })] : []),
    ...(targeting.orgIds?.length ? [t('warnings.targets.orgs', { count: targeting.orgIds.length })] : []),
  ];
  return (
    <Text size="xs" data-testid="warning-targets">
      {parts.length ? parts.join(' · ') : t('warnings.targets.all')}
    </Text>
  );
}
