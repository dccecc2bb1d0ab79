import { Group, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ConstituencyStats } from '@lachan/contracts';
import { useOrgLabels } from '../orgs/useOrgLabels.ts';

function CountTable({ title, rows, label, testId }: { title: string; rows: { key: string; rows: number }[]; label: (key: string) => string; testId: string }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="xs">
      <Text fw={600} size="sm" mb={4}>{title}</Text>
      <Table fz="sm" verticalSpacing={2} data-testid={testId}>
        <Table.Tbody>
          {rows.slice(0, 12).map((r) => (
            <Table.Tr key={r.key}><Table.Td>{r.key === 'none' ? t('constituency.stats.none') : label(r.key)}</Table.Td><Table.Td ta="right">{r.rows}</Table.Td></Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

/** The period's counts by report type, sector and province; the centre also sees the rows of unknown owners. */
export function ConstituencyStatsPanel({ stats }: { stats: ConstituencyStats }) {
  const { t } = useTranslation();
  const labels = useOrgLabels();
  return (
    <Stack gap="xs">
      <Group gap="lg">
        <Text size="sm">{t('constituency.stats.period', { from: stats.period.from, to: stats.period.to })}</Text>
        <Text size="sm" data-testid="constituency-total">{t('constituency.stats.total', { count: stats.total })}</Text>
        {stats.unknownOwner > 0 && <Text size="sm" c="orange" data-testid="constituency-unknown">{t('constituency.stats.unknown', { count: stats.unknownOwner })}</Text>}
      </Group>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <CountTable title={t('constituency.stats.byReportType')} rows={stats.byReportType} label={(k) => k} testId="constituency-by-report" />
        <CountTable title={t('constituency.stats.bySector')} rows={stats.bySector} label={labels.sector} testId="constituency-by-sector" />
        <CountTable title={t('constituency.stats.byProvince')} rows={stats.byProvince} label={labels.province} testId="constituency-by-province" />
      </SimpleGrid>
    </Stack>
  );
}
