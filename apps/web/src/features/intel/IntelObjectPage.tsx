import { Alert, Anchor, Breadcrumbs, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/QueryState.tsx';
import { ObjectTlp, StixTypeBadge } from './IntelBadges.tsx';
import { useIntelObject } from './intel.api.ts';
import { ObjectOverview } from './ObjectOverview.tsx';
import { ObjectRelations } from './ObjectRelations.tsx';
import { ObjectVersions } from './ObjectVersions.tsx';

const TABS = ['overview', 'relationships', 'versions'] as const;

/** One knowledge-base object: overview, relationships (graph and list) and versions, the tab held in the address. */
export function IntelObjectPage() {
  const { t } = useTranslation();
  const id = decodeURIComponent(useParams().id ?? '');
  const [params, setParams] = useSearchParams();
  const tab = TABS.find((x) => x === params.get('tab')) ?? 'overview';
  const exerciseId = params.get('exerciseId') ?? undefined;
  const query = useIntelObject(id, exerciseId);
  return (
    <Stack gap="sm">
      <Breadcrumbs>
        <Anchor component={Link} to={exerciseId ? `/intel?exerciseId=${encodeURIComponent(exerciseId)}` : '/intel'} size="sm">{t('intel.title')}</Anchor>
        <Text size="sm" c="dimmed">{id}</Text>
      </Breadcrumbs>
      {exerciseId && (
        <Alert color="orange" variant="filled" py={6} role="status" data-testid="exercise-list-banner">
          <Text size="sm" fw={600}>{t('intel.exerciseBanner')}</Text>
        </Alert>
      )}
      <QueryState query={query}>
        {(d) => (
          <Stack gap="sm">
            <Group gap="sm" align="center">
              <StixTypeBadge type={d.type} />
              <Title order={2} size="h3" data-testid="intel-object-name" style={{ wordBreak: 'break-all' }}>{d.name}</Title>
              <ObjectTlp tlp={d.tlp} />
            </Group>
            <Tabs value={tab} onChange={(v) => setParams((p) => { p.set('tab', v ?? 'overview'); return p; }, { replace: true })} keepMounted={false}>
              <Tabs.List>
                <Tabs.Tab value="overview">{t('intel.object.overview')}</Tabs.Tab>
                <Tabs.Tab value="relationships" data-testid="intel-tab-relationships">{t('intel.object.relationships')} ({d.edges.length})</Tabs.Tab>
                <Tabs.Tab value="versions" data-testid="intel-tab-versions">{t('intel.object.versions')} ({d.versionCount})</Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="overview" pt="sm"><ObjectOverview d={d} /></Tabs.Panel>
              <Tabs.Panel value="relationships" pt="sm"><ObjectRelations d={d} exerciseId={exerciseId} /></Tabs.Panel>
              <Tabs.Panel value="versions" pt="sm"><ObjectVersions id={d.id} exerciseId={exerciseId} /></Tabs.Panel>
            </Tabs>
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
