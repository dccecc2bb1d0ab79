import { useState } from 'react';
import { Button, Group, Modal, Select, Stack, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { IncidentStatus, IncidentTransition } from '@lachan/contracts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useApiMutation } from '../../../api/useApiMutation.ts';
import { incidentApi } from '../incidents.actions.ts';
import { incidentKeys } from '../incidents.api.ts';

type Resolution = NonNullable<IncidentTransition['resolution']>;

/** Confirms a status change, with a reason and, when closing, how the incident was resolved. */
export function TransitionModal({ incidentId, to, onClose }: { incidentId: string; to: IncidentStatus | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [resolution, setResolution] = useState<Resolution>('resolved');
  const mutation = useApiMutation((body: IncidentTransition) => incidentApi.transition(incidentId, body), {
    invalidate: [incidentKeys.all],
    success: t('incidents.transition.done'),
    onSuccess: () => {
      setReason('');
      onClose();
    },
  });
  const finishing = to === 'closed' || to === 'rejected';
  return (
    <Modal opened={to !== null} onClose={onClose} title={to ? t('incidents.transition.title', { status: t(`incidents.statuses.${to}`) }) : ''} size="md">
      <Stack gap="sm">
        {to === 'closed' && (
          <Select
            label={t('incidents.transition.resolution')}
            data={(['resolved', 'false_positive', 'duplicate'] as const).map((r) => ({ value: r, label: t(`incidents.resolutions.${r}`) }))}
            value={resolution}
            onChange={(v) => v && setResolution(v as Resolution)}
            allowDeselect={false}
          />
        )}
        <Textarea label={t('incidents.transition.reason')} autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} required={finishing} data-testid="transition-reason" />
        {mutation.error && <ErrorAlert error={mutation.error} />}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            loading={mutation.isPending}
            disabled={finishing && !reason.trim()}
            onClick={() => to && mutation.mutate({ to, reason: reason.trim() || undefined, resolution: to === 'closed' ? resolution : undefined })}
            data-testid="transition-confirm"
          >
            {t('incidents.transition.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
