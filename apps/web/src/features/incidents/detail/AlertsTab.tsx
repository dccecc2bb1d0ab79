import { useState } from 'react';
import { Anchor, Button, Checkbox, Group, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { IncidentDetail } from '@lachan/contracts';
import { EmptyNote } from '../../../components/EmptyNote.tsx';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { Section } from '../../../components/Section.tsx';
import { SeverityBadge } from '../../../components/SeverityBadge.tsx';
import { useApiMutation } from '../../../api/useApiMutation.ts';
import { useFormat } from '../../../i18n/useFormat.ts';
import { incidentApi } from '../incidents.actions.ts';
import { incidentKeys } from '../incidents.api.ts';

interface AlertsTabProps {
  incidentId: string;
  alerts: IncidentDetail['alerts'];
  canWrite: boolean;
}

/** The alerts gathered in the incident, each linking to its alert page; those who work on it may split some off into a new incident. */
export function AlertsTab({ incidentId, alerts, canWrite }: AlertsTabProps) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const navigate = useNavigate();
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const toggle = (id: string) => setChosen((prev) => {
    const next = new Set(prev);
    if (!next.delete(id)) next.add(id);
    return next;
  });
  const split = useApiMutation(() => incidentApi.split(incidentId, { alertIds: [...chosen] }), {
    invalidate: [incidentKeys.all],
    onSuccess: (part) => {
      notifications.show({ color: 'teal', message: t('incidents.split.done', { reference: part.reference }) });
      setChosen(new Set());
      void navigate(`/incidents/${part.id}`);
    },
  });
  // splitting every alert off would only rename the incident
  const canSplit = chosen.size > 0 && chosen.size < alerts.length;
  return (
    <Section title={t('incidents.alerts', { count: alerts.length })}>
      {alerts.length === 0 ? (
        <EmptyNote>{t('incidents.noAlerts')}</EmptyNote>
      ) : (
        <>
          {canWrite && (
            <Group gap="xs" mb="xs">
              <Button size="compact-xs" variant="light" disabled={!canSplit} loading={split.isPending} onClick={() => split.mutate(undefined)} title={t('incidents.split.hint')} data-testid="incident-split">
                {t('incidents.split.action', { count: chosen.size })}
              </Button>
            </Group>
          )}
          {split.error && <ErrorAlert error={split.error} />}
          <Table.ScrollContainer minWidth={640}>
            <Table striped highlightOnHover verticalSpacing={3} fz="sm" data-testid="incident-alerts">
              <Table.Thead>
                <Table.Tr>
                  {canWrite && <Table.Th w={32} />}
                  <Table.Th w={110}>{t('alerts.columns.severity')}</Table.Th>
                  <Table.Th>{t('alerts.columns.title')}</Table.Th>
                  <Table.Th w={90} ta="right">{t('alerts.columns.occurrences')}</Table.Th>
                  <Table.Th w={170}>{t('alerts.detail.lastSeen')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {alerts.map((a) => (
                  <Table.Tr key={a.id} data-testid="incident-alert" data-alert-id={a.id}>
                    {canWrite && (
                      <Table.Td>
                        <Checkbox size="xs" checked={chosen.has(a.id)} onChange={() => toggle(a.id)} aria-label={t('incidents.split.select', { id: a.id })} data-testid="incident-alert-select" />
                      </Table.Td>
                    )}
                    <Table.Td><SeverityBadge level={a.severity} size="xs" /></Table.Td>
                    <Table.Td><Anchor component={Link} to={`/alerts/${a.id}`} size="sm">{a.title}</Anchor></Table.Td>
                    <Table.Td ta="right">×{fmt.number(a.occurrences)}</Table.Td>
                    <Table.Td><Text size="xs">{fmt.dateTime(a.lastSeen)}</Text></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Section>
  );
}
