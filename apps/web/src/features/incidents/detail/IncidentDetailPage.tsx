import { Anchor, Badge, Breadcrumbs, Stack, Tabs, Text } from '@mantine/core';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { IncidentDetail } from '@lachan/contracts';
import { QueryState } from '../../../components/QueryState.tsx';
import { RecordExerciseBanner } from '../../exercises/RecordExerciseBanner.tsx';
import { useIncident } from '../incidents.api.ts';
import { AlertsTab } from './AlertsTab.tsx';
import { AttachmentsTab } from './AttachmentsTab.tsx';
import { IncidentHeader } from './IncidentHeader.tsx';
import { ReportsTab } from './ReportsTab.tsx';
import { SharesTab } from './SharesTab.tsx';
import { SimilarTab } from './SimilarTab.tsx';
import { DecisionTab } from './DecisionTab.tsx';
import { SummaryTab } from './SummaryTab.tsx';
import { SupportTab } from './SupportTab.tsx';
import { TasksTab } from './TasksTab.tsx';
import { TimelineTab } from './TimelineTab.tsx';

const TABS = ['summary', 'timeline', 'tasks', 'sharing', 'reports', 'support', 'alerts', 'similar', 'decide', 'files'] as const;
type Tab = (typeof TABS)[number];
const isTab = (v: string | null): v is Tab => (TABS as readonly (string | null)[]).includes(v);

/** One incident: header with its lifecycle moves, then tabs for each side of the work (the tab is kept in ?tab=). */
export function IncidentDetailPage() {
  const { id = '' } = useParams();
  const query = useIncident(id);
  return <QueryState query={query}>{(incident) => <IncidentView incident={incident} />}</QueryState>;
}

function IncidentView({ incident: i }: { incident: IncidentDetail }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = isTab(params.get('tab')) ? (params.get('tab') as Tab) : 'summary';
  const overdue = i.deadlines.some((d) => d.state === 'overdue');
  const { canWrite } = i.access;
  return (
    <Stack gap="sm" data-testid="incident-detail">
      <Breadcrumbs separator="›" fz="xs">
        <Anchor component={Link} to="/incidents" size="xs">{t('incidents.title')}</Anchor>
        <Text size="xs">{i.reference}</Text>
      </Breadcrumbs>
      <RecordExerciseBanner exerciseId={i.exerciseId} />
      <IncidentHeader incident={i} />
      <Tabs value={tab} onChange={(v) => setParams(v && v !== 'summary' ? { tab: v } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List>
          {TABS.map((key) => (
            <Tabs.Tab key={key} value={key} data-testid={`tab-${key}`} rightSection={key === 'reports' && overdue ? <Badge size="xs" color="red" circle>!</Badge> : key === 'alerts' && i.alertCount > 0 ? <Badge size="xs" variant="light" color="gray">{i.alertCount}</Badge> : undefined}>
              {t(`incidents.tabs.${key}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Stack pt="sm" gap="sm">
          {tab === 'summary' && <SummaryTab incident={i} />}
          {tab === 'timeline' && <TimelineTab incidentId={i.id} canWrite={canWrite} />}
          {tab === 'tasks' && <TasksTab incidentId={i.id} canWrite={canWrite} />}
          {tab === 'sharing' && <SharesTab incident={i} />}
          {tab === 'reports' && <ReportsTab incident={i} />}
          {tab === 'support' && <SupportTab incidentId={i.id} ownerId={i.orgId} canWrite={canWrite} />}
          {tab === 'alerts' && <AlertsTab incidentId={i.id} alerts={i.alerts} canWrite={canWrite} />}
          {tab === 'similar' && <SimilarTab incidentId={i.id} />}
          {tab === 'decide' && <DecisionTab incidentId={i.id} />}
          {tab === 'files' && <AttachmentsTab incidentId={i.id} canWrite={canWrite} />}
        </Stack>
      </Tabs>
    </Stack>
  );
}
