import { Anchor, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ListTable } from '../../components/ListTable.tsx';
import { SeverityBadge } from '../../components/SeverityBadge.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import { IncidentStatusBadge } from './IncidentBadges.tsx';
import { useIncidents } from './incidents.api.ts';

/** Incidents opened from alerts: severity, title, organisation, status and alert activity. */
export function IncidentsPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const query = useIncidents();
  return (
    <Stack gap="sm">
      <div>
        <Title order={2} size="h3">
          {t('incidents.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('incidents.intro')}
        </Text>
      </div>
      <ListTable
        query={query}
        empty={t('incidents.empty')}
        testId="incidents-table"
        head={
          <>
            <Table.Th w={110}>{t('incidents.columns.severity')}</Table.Th>
            <Table.Th>{t('incidents.columns.title')}</Table.Th>
            <Table.Th w={220}>{t('incidents.columns.org')}</Table.Th>
            <Table.Th w={130}>{t('incidents.columns.status')}</Table.Th>
            <Table.Th w={100} ta="right">
              {t('incidents.columns.alertCount')}
            </Table.Th>
            <Table.Th w={170}>{t('incidents.columns.lastAlert')}</Table.Th>
          </>
        }
      >
        {(items) =>
          items.map((i) => (
            <Table.Tr key={i.id} data-testid="incident-row" data-incident-id={i.id}>
              <Table.Td>
                <SeverityBadge level={i.severity} size="xs" />
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/incidents/${i.id}`} size="sm" fw={500}>
                  {i.title}
                </Anchor>
              </Table.Td>
              <Table.Td>{i.orgName}</Table.Td>
              <Table.Td>
                <IncidentStatusBadge status={i.status} />
              </Table.Td>
              <Table.Td ta="right">{fmt.number(i.alertCount)}</Table.Td>
              <Table.Td>
                <Text size="xs">{fmt.dateTime(i.lastAlertAt)}</Text>
              </Table.Td>
            </Table.Tr>
          ))
        }
      </ListTable>
    </Stack>
  );
}
