import { Anchor, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCampaignTitle } from '../campaigns/campaignTitle.ts';
import { Section } from '../../components/Section.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import { exactTotal, memberCountText } from '../../lib/memberCount.ts';
import { useActiveCampaigns } from './dashboard.api.ts';

/** The active campaigns, when the campaigns module answers; nothing at all otherwise. */
export function CampaignsCard() {
  const { t } = useTranslation();
  const campaignTitle = useCampaignTitle();
  const fmt = useFormat();
  const { data } = useActiveCampaigns();
  if (!data || data.items.length === 0) return null;
  return (
    <Section title={t('dashboard.campaigns.title')} testId="top-campaigns">
      <Stack gap={4}>
        {data.items.map((c) => (
          <Group key={c.id} justify="space-between" wrap="nowrap" gap="xs">
            <Anchor component={Link} to={`/campaigns/${c.id}`} size="xs" truncate>
              {campaignTitle(c)}
            </Anchor>
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {c.members && (exactTotal(c.members) !== null
                ? t('dashboard.campaigns.orgs', { count: exactTotal(c.members)!, n: fmt.number(exactTotal(c.members)!) })
                : t('dashboard.campaigns.orgsSome', { n: memberCountText(c.members, t, fmt.number) }))}
            </Text>
          </Group>
        ))}
      </Stack>
    </Section>
  );
}
