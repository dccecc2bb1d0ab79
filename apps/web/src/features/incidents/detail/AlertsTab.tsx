import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { IncidentDetail } from '@lachan/contracts';
import { EmptyNote } from '../../../components/EmptyNote.tsx';
import { Section } from '../../../components/Section.tsx';
import { SeverityBadge } from '../../../components/SeverityBadge.tsx';
import { useFormat } from '../../../i18n/useFormat.ts';

/** The alerts gathered in the incident, each linking to its alert page. */
export function AlertsTab({ alerts }: { alerts: IncidentDetail['alerts'] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Section title={t('incidents.alerts', { count: alerts.length })}>
      {alerts.length === 0 ? (
        <EmptyNote>{t('incidents.noAlerts')}</EmptyNote>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover verticalSpacing={3} fz="sm" data-testid="incident-alerts">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={110}>{t('alerts.columns.severity')}</Table.Th>
                <Table.Th>{t('alerts.columns.title')}</Table.Th>
                <Table.Th w={90} ta="right">{t('alerts.columns.occurrences')}</Table.Th>
                <Table.Th w={170}>{t('alerts.detail.lastSeen')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {alerts.map((a) => (
                <Table.Tr key={a.id} data-testid="incident-alert" data-alert-id={a.id}>
                  <Table.Td><SeverityBadge level={a.severity} size="xs" /></Table.Td>
                  <Table.Td><Anchor component={Link} to={`/alerts/${a.id}`} size="sm">{a.title}</Anchor></Table.Td>
                  <Table.Td ta="right">×{fmt.number(a.occurrences)}</Table.Td>
                  <Table.Td><Text size="xs">{fmt.dateTime(a.lastSeen)}</Text></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}
