import { useState } from 'react';
import { Button, Group, Paper, Progress, Select, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { INCIDENT_STATUSES, type IncidentStatus, type IncidentSummary } from '@lachan/contracts';
import { useCurrentUser } from '../../auth/auth.api.ts';
import { incidentApi } from '../incidents.actions.ts';
import { incidentKeys } from '../incidents.api.ts';
import { runEach } from './runEach.ts';

/** Actions on the selected incidents: move to a status, assign to me (one by one, with progress), merge them into the oldest. */
export function BulkBar({ ids, incidents, onDone }: { ids: string[]; incidents: IncidentSummary[]; onDone: () => void }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<IncidentStatus | null>(null);
  const [finished, setFinished] = useState<number | null>(null);

  const run = async (action: (id: string) => Promise<unknown>) => {
    setFinished(0);
    const outcome = await runEach(ids, action, setFinished);
    setFinished(null);
    await queryClient.invalidateQueries({ queryKey: incidentKeys.all });
    notifications.show({
      color: outcome.failed.length ? 'orange' : 'teal',
      message: outcome.failed.length ? t('incidents.bulk.partly', { done: outcome.done, failed: outcome.failed.length }) : t('incidents.bulk.done', { count: outcome.done }),
    });
    onDone();
  };
  const busy = finished !== null;
  // the oldest keeps its reference, clocks and history; the others fold into it
  const oldest = [...incidents].sort((a, b) => a.createdAt.localeCompare(b.createdAt))[0];
  const merge = async () => {
    if (!oldest) return;
    setFinished(0);
    try {
      await incidentApi.merge(oldest.id, incidents.filter((i) => i.id !== oldest.id).map((i) => i.id));
      notifications.show({ color: 'teal', message: t('incidents.bulk.merged', { reference: oldest.reference }) });
    } catch (error) {
      notifications.show({ color: 'red', message: error instanceof Error ? error.message : String(error) });
    } finally {
      setFinished(null);
      await queryClient.invalidateQueries({ queryKey: incidentKeys.all });
      onDone();
    }
  };

  return (
    <Paper withBorder px="sm" py={6} data-testid="bulk-bar">
      <Group gap="sm" wrap="wrap">
        <Text size="sm" fw={600}>{t('incidents.bulk.selected', { count: ids.length })}</Text>
        <Select
          size="xs"
          w={170}
          placeholder={t('incidents.bulk.moveTo')}
          aria-label={t('incidents.bulk.moveTo')}
          data={INCIDENT_STATUSES.filter((s) => s !== 'new').map((s) => ({ value: s, label: t(`incidents.statuses.${s}`) }))}
          value={status}
          onChange={(v) => setStatus(v as IncidentStatus | null)}
          disabled={busy}
          data-testid="bulk-status"
        />
        <Button size="xs" variant="light" disabled={!status || busy} onClick={() => status && void run((id) => incidentApi.transition(id, { to: status }))} data-testid="bulk-apply-status">
          {t('incidents.bulk.apply')}
        </Button>
        <Button size="xs" variant="light" disabled={busy} onClick={() => void run((id) => incidentApi.update(id, { assigneeUserId: me.id }))} data-testid="bulk-assign-me">
          {t('incidents.bulk.assignMe')}
        </Button>
        {oldest && incidents.length > 1 && (
          <Button size="xs" variant="light" disabled={busy} onClick={() => void merge()} data-testid="bulk-merge">
            {t('incidents.bulk.merge', { reference: oldest.reference })}
          </Button>
        )}
        <Button size="xs" variant="subtle" color="gray" disabled={busy} onClick={onDone}>
          {t('incidents.bulk.clear')}
        </Button>
        {busy && <Progress value={(finished / ids.length) * 100} w={160} size="sm" aria-label={t('incidents.bulk.progress')} animated />}
      </Group>
    </Paper>
  );
}
