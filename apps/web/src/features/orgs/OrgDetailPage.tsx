import { useMemo } from 'react';
import { Alert, Anchor, Breadcrumbs, Grid, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Organization } from '@lachan/contracts';
import { QueryState } from '../../components/QueryState.tsx';
import { AssetsCard } from './AssetsCard.tsx';
import { FocalPointsCard } from './FocalPointsCard.tsx';
import { OrgActions } from './OrgActions.tsx';
import { OrgKindBadge, OrgStatusBadge } from './OrgBadges.tsx';
import { OrgChildrenCard } from './OrgChildrenCard.tsx';
import { OrgHistoryTab } from './OrgHistoryTab.tsx';
import { OrgSummaryCard } from './OrgSummaryCard.tsx';
import { SocLinksCard } from './SocLinksCard.tsx';
import { ancestorIds, indexOrgs } from './orgTree.ts';
import { useOrg, useOrgDirectory } from './orgs.api.ts';
import { orgNameIn } from './useOrgName.ts';

/** One organisation: summary, hierarchy, 24/7 focal points, assets, SOC links, history, and the actions allowed. */
export function OrgDetailPage() {
  const { id = '' } = useParams();
  const query = useOrg(id);
  return <QueryState query={query}>{(org) => <OrgDetail org={org} />}</QueryState>;
}

function OrgDetail({ org }: { org: Organization }) {
  const { t, i18n } = useTranslation();
  const name = orgNameIn(i18n.language, org);
  const directory = useOrgDirectory();
  const index = useMemo(() => indexOrgs(directory.data?.items ?? []), [directory.data]);
  const ancestors = ancestorIds(index, org.id)
    .reverse()
    .flatMap((id) => index.byId.get(id) ?? []);
  const children = index.children.get(org.id) ?? [];
  const mergedInto = org.mergedIntoId ? index.byId.get(org.mergedIntoId) : undefined;

  return (
    <Stack gap="sm">
      <Breadcrumbs separator="›" fz="xs">
        <Anchor component={Link} to="/orgs" size="xs">
          {t('orgs.title')}
        </Anchor>
        {ancestors.map((a) => (
          <Anchor key={a.id} component={Link} to={`/orgs/${a.id}`} size="xs">
            {a.shortName ?? orgNameIn(i18n.language, a)}
          </Anchor>
        ))}
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Title order={2} size="h3" data-testid="org-name">
            {name}
          </Title>
          {name !== org.name && (
            <Text size="sm" c="dimmed" data-testid="org-name-registered">
              {org.name}
            </Text>
          )}
          <Group gap="xs" mt={4}>
            {org.shortName && (
              <Text size="sm" c="dimmed">
                {org.shortName}
              </Text>
            )}
            <OrgKindBadge kind={org.kind} />
            <OrgStatusBadge status={org.status} />
          </Group>
        </div>
        <OrgActions org={org} index={index} />
      </Group>
      {org.status === 'merged' && (
        <Alert color="orange" variant="light" p="xs">
          {t('orgs.mergedNotice')}{' '}
          {org.mergedIntoId && (
            <Anchor component={Link} to={`/orgs/${org.mergedIntoId}`} size="sm">
              {mergedInto ? orgNameIn(i18n.language, mergedInto) : t('orgs.mergedTarget')}
            </Anchor>
          )}
        </Alert>
      )}
      {org.status === 'retired' && (
        <Alert color="gray" variant="light" p="xs">
          {t('orgs.retiredNotice')}
        </Alert>
      )}
      <Tabs defaultValue="overview" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="overview">{t('orgs.tabs.overview')}</Tabs.Tab>
          <Tabs.Tab value="history" data-testid="org-history-tab">
            {t('orgs.tabs.history')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="overview" pt="sm">
          <Grid gap="sm">
            <Grid.Col span={{ base: 12, lg: 7 }}>
              <Stack gap="sm">
                <OrgSummaryCard org={org} parent={ancestors.at(-1) ?? null} />
                <FocalPointsCard org={org} />
                <AssetsCard org={org} />
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 5 }}>
              <Stack gap="sm">
                <OrgChildrenCard org={org} childOrgs={children} />
                <SocLinksCard org={org} />
              </Stack>
            </Grid.Col>
          </Grid>
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="sm">
          <OrgHistoryTab orgId={org.id} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
