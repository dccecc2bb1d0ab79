import { Paper, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/useFormat.ts';

/** One figure of the period, with the previous period's beside it when compared. */
export interface Kpi {
  key: 'alerts' | 'occurrences' | 'organisations' | 'incidentsOpened';
  value: number | undefined;
  previous?: number;
}

/** The period's headline figures. */
export function StatsKpis({ kpis }: { kpis: Kpi[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
      {kpis.map((k) => (
        <Paper key={k.key} withBorder p="sm">
          <Text size="xs" c="dimmed">
            {t(`statistics.kpi.${k.key}`)}
          </Text>
          <Text fz={24} fw={700} data-testid={`stats-kpi-${k.key}`} style={{ fontVariantNumeric: 'tabular-nums' }}>
            {k.value === undefined ? '…' : fmt.number(k.value)}
          </Text>
          {k.previous !== undefined && (
            <Text size="xs" c="dimmed" data-testid={`stats-kpi-${k.key}-previous`}>
              {t('statistics.kpi.previous', { n: fmt.number(k.previous) })}
            </Text>
          )}
        </Paper>
      ))}
    </SimpleGrid>
  );
}
