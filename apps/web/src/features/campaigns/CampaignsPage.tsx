import { Anchor, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCampaignTitle } from './campaignTitle.ts';
import { CAMPAIGN_STATUSES, CONFIDENCES, type CampaignListQuery, type CampaignSummary } from '@lachan/contracts';
import { FilterSelect } from '../../components/FilterSelect.tsx';
import { ListTable } from '../../components/ListTable.tsx';
import { SeverityBadge } from '../../components/SeverityBadge.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import { memberCountText } from '../../lib/memberCount.ts';
import { useOrgLabels } from '../orgs/useOrgLabels.ts';
import { CampaignStatusBadge, ConfidenceBadge } from './CampaignBadges.tsx';
import { useCampaigns } from './campaigns.api.ts';

/** Campaigns found across organisations, filtered by status, confidence and sector (kept in the address). */
export function CampaignsPage() {
  const { t } = useTranslation();
  const campaignTitle = useCampaignTitle();
  const fmt = useFormat();
  const labels = useOrgLabels();
  const [params, setParams] = useSearchParams();
  const filters: CampaignListQuery = {
    status: (params.get('status') as CampaignSummary['status'] | null) ?? undefined,
    confidence: (params.get('confidence') as CampaignSummary['confidence'] | null) ?? undefined,
    sector: params.get('sector') ?? undefined,
  };
  const setFilter = (key: 'status' | 'confidence' | 'sector') => (value: string | null) =>
    setParams((p) => {
      if (value) p.set(key, value);
      else p.delete(key);
      return p;
    });
  const query = useCampaigns(filters);
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2} size="h3">
          {t('campaigns.title')}
        </Title>
        <Anchor component={Link} to="/campaigns/mass-scanning" size="sm" data-testid="mass-scanning-link">
          {t('campaignClusters.scanning.link')}
        </Anchor>
      </Group>
      <Group gap="xs">
        <FilterSelect label={t('campaigns.filter.status')} testId="campaign-filter-status" value={filters.status ?? null} onChange={setFilter('status')} data={CAMPAIGN_STATUSES.map((s) => ({ value: s, label: t(`campaigns.status.${s}`) }))} />
        <FilterSelect label={t('campaigns.filter.confidence')} testId="campaign-filter-confidence" value={filters.confidence ?? null} onChange={setFilter('confidence')} data={CONFIDENCES.map((c) => ({ value: c, label: t(`campaigns.confidence.${c}`) }))} />
        <FilterSelect label={t('campaigns.filter.sector')} testId="campaign-filter-sector" value={filters.sector ?? null} onChange={setFilter('sector')} data={labels.sectorOptions} searchable w={220} />
      </Group>
      <ListTable
        query={query}
        empty={t('campaigns.empty')}
        testId="campaigns-table"
        minWidth={1100}
        head={
          <>
            <Table.Th w={110}>{t('campaigns.col.severity')}</Table.Th>
            <Table.Th>{t('campaigns.col.title')}</Table.Th>
            <Table.Th w={120}>{t('campaigns.col.status')}</Table.Th>
            <Table.Th w={110}>{t('campaigns.col.confidence')}</Table.Th>
            <Table.Th w={90} ta="right">
              {t('campaigns.col.orgs')}
            </Table.Th>
            <Table.Th w={240}>{t('campaigns.col.sectors')}</Table.Th>
            <Table.Th w={150}>{t('campaigns.col.first')}</Table.Th>
            <Table.Th w={150}>{t('campaigns.col.last')}</Table.Th>
          </>
        }
      >
        {(items) =>
          items.map((c) => (
            <Table.Tr key={c.id} data-testid="campaign-row" data-campaign-id={c.id}>
              <Table.Td>
                <SeverityBadge level={c.severity} size="xs" />
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/campaigns/${c.id}`} size="sm" fw={500}>
                  {campaignTitle(c)}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {t('campaigns.alertsCount', { count: c.alertCount })}
                  {c.techniques.length > 0 && ` · ${c.techniques.join(', ')}`}
                </Text>
              </Table.Td>
              <Table.Td>
                <CampaignStatusBadge status={c.status} />
              </Table.Td>
              <Table.Td>
                <ConfidenceBadge confidence={c.confidence} />
              </Table.Td>
              <Table.Td ta="right" data-testid="campaign-members">{memberCountText(c.members, t, fmt.number)}</Table.Td>
              <Table.Td>
                <Text size="xs">{c.bySector.map((s) => `${labels.sector(s.key)} (${memberCountText(s, t, fmt.number)})`).join(', ')}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="xs">{fmt.dateTime(c.firstActivity)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="xs">{fmt.dateTime(c.lastActivity)}</Text>
              </Table.Td>
            </Table.Tr>
          ))
        }
      </ListTable>
    </Stack>
  );
}
