import { useState } from 'react';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useApiMutation } from '../../../api/useApiMutation.ts';
import { incidentApi } from '../incidents.actions.ts';
import { incidentKeys } from '../incidents.api.ts';

/** Escalates the incident to the national centre with a message (the centre gains access at the incident's TLP). */
export function EscalateModal({ incidentId, opened, onClose }: { incidentId: string; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [message, setMessage] = useState('');
  const mutation = useApiMutation((text: string) => incidentApi.escalate(incidentId, text), {
    invalidate: [incidentKeys.all],
    success: t('incidents.escalate.done'),
    onSuccess: () => {
      setMessage('');
      onClose();
    },
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('incidents.escalate.title')} size="md">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">{t('incidents.escalate.hint')}</Text>
        <Textarea label={t('incidents.escalate.message')} autosize minRows={3} value={message} onChange={(e) => setMessage(e.currentTarget.value)} required data-testid="escalate-message" />
        {mutation.error && <ErrorAlert error={mutation.error} />}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
          <Button color="red" loading={mutation.isPending} disabled={!message.trim()} onClick={() => mutation.mutate(message.trim())} data-testid="escalate-confirm">
            {t('incidents.escalate.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
