import { Anchor, Button, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCampaignTitle } from './campaignTitle.ts';
import { useIncidentTitle } from '../incidents/madeTitle.ts';
import { shownCount, type CampaignDetail } from '@lachan/contracts';
import { QueryState } from '../../components/QueryState.tsx';
import { Section } from '../../components/Section.tsx';
import { SeverityBadge } from '../../components/SeverityBadge.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import { useCurrentUser } from '../auth/auth.api.ts';
import { ProvinceTileMap } from '../dashboard/ProvinceTileMap.tsx';
import { activityRegions, PROVINCE_CODES, ProvinceMap } from '../map/index.ts';
import { useOrgLabels } from '../orgs/useOrgLabels.ts';
import { CampaignStatusBadge, ConfidenceBadge } from './CampaignBadges.tsx';
import { CampaignEvidenceTable } from './CampaignEvidenceTable.tsx';
import { CampaignHistory, CampaignWhy } from './CampaignExplanation.tsx';
import { CampaignGraph } from './CampaignGraph.tsx';
import { CampaignTimeline } from './CampaignTimeline.tsx';
import { useCampaign, useCampaignDecision, useProposeWarning } from './campaigns.api.ts';
import { exactTotal, hiddenText, memberCountText } from '../../lib/memberCount.ts';
import { useOrgName } from '../orgs/useOrgName.ts';

/** Confirm and dismiss, for the centre while the campaign awaits review. */
function DecisionButtons({ campaign }: { campaign: CampaignDetail }) {
  const { t } = useTranslation();
  const confirm = useCampaignDecision('confirm', t('campaigns.confirmed'));
  const dismiss = useCampaignDecision('dismiss', t('campaigns.dismissed'));
  const navigate = useNavigate();
  const propose = useProposeWarning((w) => void navigate(`/warnings/${w.id}/edit`));
  if (campaign.status === 'merged' || campaign.status === 'retracted') return null;
  return (
    <Group gap="xs">
      <Button size="xs" variant="light" onClick={() => propose.mutate(campaign.id)} loading={propose.isPending} data-testid="campaign-propose-warning">
        {t('campaigns.proposeWarning')}
      </Button>
      {campaign.status !== 'confirmed' && (
        <Button size="xs" color="red" onClick={() => confirm.mutate(campaign.id)} loading={confirm.isPending} data-testid="campaign-confirm">
          {t('campaigns.confirm')}
        </Button>
      )}
      {campaign.status !== 'dismissed' && (
        <Button size="xs" variant="default" onClick={() => dismiss.mutate(campaign.id)} loading={dismiss.isPending} data-testid="campaign-dismiss">
          {t('campaigns.dismiss')}
        </Button>
      )}
    </Group>
  );
}

/** One campaign: who it touches (by name in scope, as counts outside), where, when, and the evidence. */
export function CampaignDetailPage() {
  const { id = '' } = useParams();
  const query = useCampaign(id);
  return <QueryState query={query}>{(c) => <CampaignView campaign={c} />}</QueryState>;
}

function CampaignView({ campaign: c }: { campaign: CampaignDetail }) {
  const { t } = useTranslation();
  const nameOf = useOrgName();
  const campaignTitle = useCampaignTitle();
  const incidentTitle = useIncidentTitle();
  const fmt = useFormat();
  const labels = useOrgLabels();
  const me = useCurrentUser();
  // Shaded by the least each province may hold; the tooltip reads the count as the server gave it.
  const byProvince = c.byProvince.map((p) => ({ key: p.key, alerts: shownCount(p), occurrences: shownCount(p) }));
  const provinceText = new Map(c.byProvince.map((p) => [p.key, memberCountText(p, t, fmt.number)]));
  const describe = (code: string, name: string) => t('campaigns.mapTile', { name, n: provinceText.get(code) ?? fmt.number(0) });
  const regions = activityRegions(PROVINCE_CODES, byProvince, (code) => describe(code, labels.province(code)));
  const total = exactTotal(c.members);
  return (
    <Stack gap="sm" data-testid="campaign-detail">
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="xs">
            <SeverityBadge level={c.severity} />
            <CampaignStatusBadge status={c.status} />
            <ConfidenceBadge confidence={c.confidence} />
            <Title order={2} size="h4">
              {campaignTitle(c)}
            </Title>
          </Group>
          <Text size="xs" c="dimmed" mt={4}>
            <span data-testid="campaign-members">{total !== null ? t('campaigns.orgsCount', { count: total }) : t('campaigns.orgsSome', { n: memberCountText(c.members, t, fmt.number) })}</span> · {t('campaigns.alertsCount', { count: c.alertCount })} · {fmt.dateTime(c.firstActivity)} – {fmt.dateTime(c.lastActivity)}
            {c.techniques.length > 0 && ` · ${c.techniques.join(', ')}`}
          </Text>
        </div>
        {me.permissions.includes('campaigns.manage') && <DecisionButtons campaign={c} />}
      </Group>
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="sm">
            <Section title={t('campaigns.timeline')}>
              <CampaignTimeline campaign={c} />
            </Section>
            <Section title={t('campaigns.graph')}>
              <CampaignGraph campaign={c} />
            </Section>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="sm">
            <Section title={t('campaignClusters.why')}>
              <CampaignWhy campaign={c} />
            </Section>
            <Section title={t('campaigns.map')}>
              <ProvinceMap regions={regions} height={380} linkTo={(code) => `/dashboard/province/${code}`}
                tiles={<ProvinceTileMap byProvince={byProvince} name={(code) => labels.province(code)} linkTo={(code) => `/dashboard/province/${code}`} describe={describe} />} />
            </Section>
            <Section title={t('campaigns.orgsTitle')}>
              <Stack gap={2}>
                {c.orgs.map((o) => (
                  <Text key={o.id} size="sm">
                    <Anchor component={Link} to={`/orgs/${o.id}`} size="sm">
                      {nameOf(o.id, o.name)}
                    </Anchor>{' '}
                    <Text span size="xs" c="dimmed">
                      · {o.sectors.map(labels.sector).join(', ')} · {labels.province(o.provinceCode)}
                    </Text>
                  </Text>
                ))}
                {c.members.hidden !== 0 && (
                  <Text size="xs" c="dimmed" data-testid="campaign-hidden-orgs">
                    {t('campaigns.hiddenOrgs', { n: hiddenText(c.members.hidden, t, fmt.number) })}:{' '}
                    {c.bySector.filter((s) => s.hidden !== 0).map((s) => t('campaigns.hiddenGroup', { n: hiddenText(s.hidden, t, fmt.number), sector: labels.sector(s.key) })).join(', ')}
                  </Text>
                )}
              </Stack>
            </Section>
            {c.incidents.length > 0 && (
              <Section title={t('campaigns.incidents')}>
                {c.incidents.map((i) => (
                  <Anchor key={i.id} component={Link} to={`/incidents/${i.id}`} size="sm" display="block">
                    {incidentTitle(i)}
                  </Anchor>
                ))}
              </Section>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
      <Section title={t('campaigns.evidence')}>
        <CampaignEvidenceTable evidence={c.evidence} />
      </Section>
      <Section title={t('campaignClusters.history')}>
        <CampaignHistory campaign={c} />
      </Section>
    </Stack>
  );
}
