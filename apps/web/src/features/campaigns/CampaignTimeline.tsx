import { useMemo } from 'react';
import { Anchor, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CampaignDetail } from '@lachan/contracts';
import { SeverityBadge } from '../../components/SeverityBadge.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import { EChart } from '../dashboard/EChart.tsx';
import { timelineOption, type CampaignChartOption } from './campaignCharts.ts';
import { useOrgName } from '../orgs/useOrgName.ts';

/** Below this many alerts a plain list reads better than a chart. */
const LIST_BELOW = 8;

/** Member alerts in time: a list when few, a scatter by time and severity otherwise. */
export function CampaignTimeline({ campaign }: { campaign: CampaignDetail }) {
  const { t } = useTranslation();
  const nameOf = useOrgName();
  const fmt = useFormat();
  const names = useMemo(() => new Map(campaign.orgs.map((o) => [o.id, nameOf(o.id, o.name)])), [campaign.orgs, nameOf]);
  const orgName = (id: string) => names.get(id) ?? '—';
  const option = useMemo(() => timelineOption(campaign, (id) => names.get(id) ?? '—'), [campaign, names]);
  if (campaign.alerts.length >= LIST_BELOW) return <EChart<CampaignChartOption> option={option} height={200} label={t('campaigns.timeline')} testId="campaign-timeline" />;
  const sorted = [...campaign.alerts].sort((a, b) => a.lastSeen.localeCompare(b.lastSeen));
  return (
    <Stack gap={4} data-testid="campaign-timeline">
      {sorted.map((a) => (
        <Group key={a.id} gap="xs" wrap="nowrap">
          <Text size="xs" c="dimmed" w={170} style={{ flexShrink: 0, whiteSpace: 'nowrap' }}>
            {fmt.dateTime(a.lastSeen)}
          </Text>
          <SeverityBadge level={a.severity} size="xs" />
          <Anchor component={Link} to={`/alerts/${a.id}`} size="sm" truncate>
            {a.title}
          </Anchor>
          <Text size="xs" c="dimmed" truncate>
            {orgName(a.orgId)}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}
