import { useState } from 'react';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { AlertsActionResult } from '@lachan/contracts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useApiMutation } from '../../api/useApiMutation.ts';
import { alertApi, alertKeys } from './alerts.api.ts';

/** Says what marking did: how many alerts, and each group a rule stopped opening incidents for (it stays until lifted). */
function announce(t: (key: string, o?: Record<string, unknown>) => string, r: AlertsActionResult): void {
  notifications.show({ color: 'teal', message: t('alerts.bulk.marked', { count: r.updated }) });
  for (const s of r.suppressed) {
    notifications.show({ color: 'orange', autoClose: false, title: t('alerts.suppressions.made'), message: t('alerts.suppressions.madeText', { rule: s.ruleName, group: Object.values(s.label).join(' · ') }) });
  }
}

/** Marks the chosen alerts false positive with a reason; promotion and the campaign engine learn from it. */
export function FalsePositiveModal({ ids, opened, onClose, onDone }: { ids: string[]; opened: boolean; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const mutation = useApiMutation((text: string) => alertApi.falsePositive({ alertIds: ids, reason: text }), {
    invalidate: [['alerts'], alertKeys.suppressions],
    onSuccess: (r) => {
      announce(t as never, r);
      setReason('');
      onClose();
      onDone();
    },
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('alerts.falsePositive.title', { count: ids.length })} size="md">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">{t('alerts.falsePositive.hint')}</Text>
        <Textarea label={t('alerts.falsePositive.reason')} autosize minRows={2} maxLength={1000} value={reason} onChange={(e) => setReason(e.currentTarget.value)} required data-testid="fp-reason" />
        {mutation.error && <ErrorAlert error={mutation.error} />}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
          <Button loading={mutation.isPending} disabled={!reason.trim()} onClick={() => mutation.mutate(reason.trim())} data-testid="fp-confirm">
            {t('alerts.falsePositive.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
