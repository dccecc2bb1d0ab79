import { Anchor, Breadcrumbs, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AlertDetail } from '@lachan/contracts';
import { QueryState } from '../../components/QueryState.tsx';
import { SeverityBadge } from '../../components/SeverityBadge.tsx';
import { RecordExerciseBanner } from '../exercises/RecordExerciseBanner.tsx';
import { FORMAT_LABELS } from './alertLabels.ts';
import { useAlert } from './alerts.api.ts';
import { AlertSummaryCard } from './AlertSummaryCard.tsx';
import { ObservablesCard } from './ObservablesCard.tsx';
import { RawRecordCard } from './RawRecordCard.tsx';
import { useOrgName } from '../orgs/useOrgName.ts';

/** One alert: summary, observables and the raw record as received. */
export function AlertDetailPage() {
  const { id = '' } = useParams();
  const query = useAlert(id);
  return <QueryState query={query}>{(alert) => <AlertDetailView alert={alert} />}</QueryState>;
}

function AlertDetailView({ alert }: { alert: AlertDetail }) {
  const { t } = useTranslation();
  const nameOf = useOrgName();
  return (
    <Stack gap="sm" data-testid="alert-detail" data-alert-id={alert.id}>
      <Breadcrumbs separator="›" fz="xs">
        <Anchor component={Link} to="/alerts" size="xs">
          {t('alerts.title')}
        </Anchor>
        <Text size="xs" ff="monospace">
          {alert.id}
        </Text>
      </Breadcrumbs>
      <RecordExerciseBanner exerciseId={alert.exerciseId} />
      <div>
        <Group gap="sm" wrap="nowrap" align="center">
          <SeverityBadge level={alert.severity} />
          <Title order={2} size="h3" data-testid="alert-title">
            {alert.title}
          </Title>
        </Group>
        <Text size="xs" c="dimmed" mt={4}>
          {FORMAT_LABELS[alert.format]} · {nameOf(alert.orgId, alert.orgName)}
        </Text>
      </div>
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <AlertSummaryCard alert={alert} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <ObservablesCard observables={alert.observables} matches={alert.indicatorMatches} />
        </Grid.Col>
      </Grid>
      <RawRecordCard raw={alert.raw} />
    </Stack>
  );
}
