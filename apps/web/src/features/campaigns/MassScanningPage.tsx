import { Code, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { MassScanner } from '@lachan/contracts';
import { api, type Page } from '../../api/client.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import { useOrgLabels } from '../orgs/useOrgLabels.ts';
import { useReasonText } from './CampaignExplanation.tsx';

/** GET /campaigns/mass-scanning: internet-wide scanners of the last 14 days. */
function useMassScanners() {
  return useQuery({ queryKey: ['campaigns', 'mass-scanning'], queryFn: () => api.get<Page<MassScanner>>('/campaigns/mass-scanning') });
}

/** Internet-wide scanners, kept apart from campaigns: a list to block at a low score. */
export function MassScanningPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const labels = useOrgLabels();
  const text = useReasonText();
  const query = useMassScanners();
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">{t('campaignClusters.scanning.title')}</Title>
      <Text size="sm" c="dimmed">{t('campaignClusters.scanning.intro')}</Text>
      <QueryState query={query}>
        {(page) => (page.items.length === 0 ? <Text size="sm">{t('campaignClusters.scanning.empty')}</Text> : (
          <Table striped verticalSpacing={4} fz="sm" data-testid="mass-scanners">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('campaignClusters.scanning.col.value')}</Table.Th>
                <Table.Th ta="right">{t('campaignClusters.scanning.col.orgs')}</Table.Th>
                <Table.Th>{t('campaignClusters.scanning.col.sectors')}</Table.Th>
                <Table.Th>{t('campaignClusters.scanning.col.reasons')}</Table.Th>
                <Table.Th>{t('campaignClusters.scanning.col.first')}</Table.Th>
                <Table.Th>{t('campaignClusters.scanning.col.last')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {page.items.map((s) => (
                <Table.Tr key={s.value}>
                  <Table.Td><Code>{s.value}</Code></Table.Td>
                  <Table.Td ta="right">{s.orgCount === null ? '—' : fmt.number(s.orgCount)}</Table.Td>
                  <Table.Td>{s.sectors.map(labels.sector).join(', ')}</Table.Td>
                  <Table.Td>{s.reasons.map((r) => text('reason', r)).join('; ')}</Table.Td>
                  <Table.Td>{fmt.dateTime(s.firstSeen)}</Table.Td>
                  <Table.Td>{fmt.dateTime(s.lastSeen)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ))}
      </QueryState>
    </Stack>
  );
}
