import { Anchor, Breadcrumbs, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { EmptyNote } from '../../components/EmptyNote.tsx';
import { Field } from '../../components/Field.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { Section } from '../../components/Section.tsx';
import { SeverityBadge } from '../../components/SeverityBadge.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import { IncidentStatusBadge, TlpBadge } from './IncidentBadges.tsx';
import { useIncident, usePromotionRules, type IncidentDetail } from './incidents.api.ts';

/** One incident: its summary and the alerts it gathers, each linking to the alert. */
export function IncidentDetailPage() {
  const { id = '' } = useParams();
  const query = useIncident(id);
  return <QueryState query={query}>{(incident) => <IncidentView incident={incident} />}</QueryState>;
}

function IncidentView({ incident: i }: { incident: IncidentDetail }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const rules = usePromotionRules();
  const rule = i.ruleId ? rules.data?.find((r) => r.id === i.ruleId) : undefined;
  return (
    <Stack gap="sm" data-testid="incident-detail">
      <Breadcrumbs separator="›" fz="xs">
        <Anchor component={Link} to="/incidents" size="xs">
          {t('incidents.title')}
        </Anchor>
        <Text size="xs">{i.title}</Text>
      </Breadcrumbs>
      <Group gap="sm" wrap="nowrap">
        <SeverityBadge level={i.severity} />
        <Title order={2} size="h3">
          {i.title}
        </Title>
      </Group>
      <Section title={t('incidents.summary')}>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm" verticalSpacing="xs">
          <Field label={t('incidents.fields.org')}>
            <Anchor component={Link} to={`/orgs/${i.orgId}`} size="sm">
              {i.orgName}
            </Anchor>
          </Field>
          <Field label={t('incidents.fields.status')}>
            <IncidentStatusBadge status={i.status} />
          </Field>
          <Field label={t('incidents.fields.tlp')}>
            <TlpBadge tlp={i.tlp} />
          </Field>
          <Field label={t('incidents.fields.rule')}>{i.ruleId && (rule?.name ?? '…')}</Field>
          <Field label={t('incidents.fields.created')}>{fmt.dateTime(i.createdAt)}</Field>
          <Field label={t('incidents.fields.firstAlert')}>{fmt.dateTime(i.firstAlertAt)}</Field>
          <Field label={t('incidents.fields.lastAlert')}>{fmt.dateTime(i.lastAlertAt)}</Field>
        </SimpleGrid>
      </Section>
      <Section title={t('incidents.alerts', { count: i.alerts.length })}>
        {i.alerts.length === 0 ? (
          <EmptyNote>{t('incidents.noAlerts')}</EmptyNote>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table striped highlightOnHover verticalSpacing={3} fz="sm" data-testid="incident-alerts">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={110}>{t('alerts.columns.severity')}</Table.Th>
                  <Table.Th>{t('alerts.columns.title')}</Table.Th>
                  <Table.Th w={90} ta="right">
                    {t('alerts.columns.occurrences')}
                  </Table.Th>
                  <Table.Th w={170}>{t('alerts.detail.lastSeen')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {i.alerts.map((a) => (
                  <Table.Tr key={a.id} data-testid="incident-alert" data-alert-id={a.id}>
                    <Table.Td>
                      <SeverityBadge level={a.severity} size="xs" />
                    </Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/alerts/${a.id}`} size="sm">
                        {a.title}
                      </Anchor>
                    </Table.Td>
                    <Table.Td ta="right">×{fmt.number(a.occurrences)}</Table.Td>
                    <Table.Td>
                      <Text size="xs">{fmt.dateTime(a.lastSeen)}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Section>
    </Stack>
  );
}
