import { useState } from 'react';
import { Button, Group, Paper, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useApiMutation } from '../../api/useApiMutation.ts';
import { useCurrentUser } from '../auth/auth.api.ts';
import { AddToIncidentModal } from './AddToIncidentModal.tsx';
import { FalsePositiveModal } from './FalsePositiveModal.tsx';
import { alertApi } from './alerts.api.ts';

/** What an analyst does with the chosen alerts at once: open an incident, add them to one, mark them false positive, take them. */
export function AlertBulkBar({ ids, onDone }: { ids: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<'falsePositive' | 'addToIncident' | null>(null);
  const open = useApiMutation(() => alertApi.openIncident({ alertIds: ids }), {
    invalidate: [['alerts'], ['incidents']],
    onSuccess: (incident) => {
      notifications.show({ color: 'teal', message: t('alerts.bulk.opened', { reference: incident.reference }) });
      onDone();
      void navigate(`/incidents/${incident.id}`);
    },
  });
  const assign = useApiMutation((userId: string | null) => alertApi.assign({ alertIds: ids, assigneeUserId: userId }), {
    invalidate: [['alerts']],
    onSuccess: (r) => {
      notifications.show({ color: 'teal', message: t('alerts.bulk.assigned', { count: r.updated }) });
      onDone();
    },
  });
  const busy = open.isPending || assign.isPending;
  return (
    <Paper withBorder px="sm" py={6} data-testid="alert-bulk-bar">
      <Group gap="sm" wrap="wrap">
        <Text size="sm" fw={600} data-testid="alert-bulk-count">{t('alerts.bulk.selected', { count: ids.length })}</Text>
        <Button size="xs" disabled={busy} loading={open.isPending} onClick={() => open.mutate(undefined)} data-testid="alert-bulk-open">
          {t('alerts.bulk.openIncident')}
        </Button>
        <Button size="xs" variant="light" disabled={busy} onClick={() => setDialog('addToIncident')} data-testid="alert-bulk-add">
          {t('alerts.bulk.addToIncident')}
        </Button>
        <Button size="xs" variant="light" color="gray" disabled={busy} onClick={() => setDialog('falsePositive')} data-testid="alert-bulk-fp">
          {t('alerts.bulk.falsePositive')}
        </Button>
        <Button size="xs" variant="light" disabled={busy} loading={assign.isPending} onClick={() => assign.mutate(me.id)} data-testid="alert-bulk-assign">
          {t('alerts.bulk.assignMe')}
        </Button>
        <Button size="xs" variant="subtle" color="gray" disabled={busy} onClick={() => assign.mutate(null)}>
          {t('alerts.bulk.unassign')}
        </Button>
        <Button size="xs" variant="subtle" color="gray" disabled={busy} onClick={onDone}>
          {t('alerts.bulk.clear')}
        </Button>
      </Group>
      {(open.error ?? assign.error) && <ErrorAlert error={(open.error ?? assign.error)!} />}
      <FalsePositiveModal ids={ids} opened={dialog === 'falsePositive'} onClose={() => setDialog(null)} onDone={onDone} />
      <AddToIncidentModal ids={ids} opened={dialog === 'addToIncident'} onClose={() => setDialog(null)} onDone={onDone} />
    </Paper>
  );
}
