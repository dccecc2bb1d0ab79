import { useState } from 'react';
import { Button, Checkbox, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { IncidentTransfer } from '@lachan/contracts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useApiMutation } from '../../../api/useApiMutation.ts';
import { OrgPicker } from '../../orgs/OrgPicker.tsx';
import { incidentApi } from '../incidents.actions.ts';
import { incidentKeys } from '../incidents.api.ts';

/** Hands the incident to another organisation; by default the previous owner keeps an analyst share. */
export function TransferModal({ incidentId, ownerId, opened, onClose }: { incidentId: string; ownerId: string; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [orgId, setOrgId] = useState<string | null>(null);
  const [keepAccess, setKeepAccess] = useState(true);
  const mutation = useApiMutation((body: IncidentTransfer) => incidentApi.transfer(incidentId, body), {
    invalidate: [incidentKeys.all],
    success: t('incidents.transfer.done'),
    onSuccess: onClose,
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('incidents.transfer.title')} size="md">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">{t('incidents.transfer.hint')}</Text>
        <OrgPicker label={t('incidents.transfer.to')} value={orgId} onChange={setOrgId} exclude={new Set([ownerId])} required testId="transfer-org" />
        <Checkbox label={t('incidents.transfer.keepAccess')} checked={keepAccess} onChange={(e) => setKeepAccess(e.currentTarget.checked)} />
        {mutation.error && <ErrorAlert error={mutation.error} />}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
          <Button loading={mutation.isPending} disabled={!orgId} onClick={() => orgId && mutation.mutate({ orgId, keepAccess })} data-testid="transfer-confirm">
            {t('incidents.transfer.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
