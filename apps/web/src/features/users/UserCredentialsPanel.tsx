import { useState } from 'react';
import { Badge, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { User } from '@lachan/contracts';
import { useApiMutation } from '../../api/useApiMutation.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { SecretOnceModal } from '../../components/SecretOnceModal.tsx';
import { useConfirm } from '../../components/useConfirm.tsx';
import { userApi } from './users.api.ts';

/** An administrator's credential actions on another account: reset its password, remove its second factor (both audited). */
export function UserCredentialsPanel({ user }: { user: User }) {
  const { t } = useTranslation();
  const { confirm, modal } = useConfirm();
  const [password, setPassword] = useState<string | null>(null);
  const reset = useApiMutation(() => userApi.resetPassword(user.id), { invalidate: [['users']], onSuccess: (r) => setPassword(r.initialPassword) });
  const removeFactor = useApiMutation(() => userApi.resetSecondFactor(user.id), { invalidate: [['users']], success: t('account.admin.secondFactorReset', { name: user.name }) });

  const askReset = async () => {
    if (await confirm({ title: t('account.admin.resetPasswordTitle'), message: t('account.admin.resetPasswordConfirm', { name: user.name }), confirmLabel: t('account.admin.resetPassword'), danger: true })) reset.mutate(undefined);
  };
  const askRemove = async () => {
    const ok = await confirm({ title: t('account.admin.resetSecondFactorTitle'), message: t('account.admin.resetSecondFactorConfirm', { name: user.name }), confirmLabel: t('account.admin.resetSecondFactor'), danger: true });
    if (ok) removeFactor.mutate(undefined);
  };

  return (
    <>
      <Group justify="space-between" gap="xs">
        <Group gap={6}>
          <Text size="sm">{t('account.admin.secondFactor')}</Text>
          <Badge size="sm" variant="light" color={user.secondFactor ? 'teal' : 'gray'} data-testid="user-second-factor">
            {user.secondFactor ? t('account.admin.secondFactorOn') : t('account.admin.secondFactorOff')}
          </Badge>
        </Group>
        <Group gap={4}>
          {user.secondFactor && (
            <Button size="compact-xs" variant="light" color="red" onClick={() => void askRemove()} loading={removeFactor.isPending} data-testid="user-reset-second-factor">
              {t('account.admin.resetSecondFactor')}
            </Button>
          )}
          <Button size="compact-xs" variant="default" onClick={() => void askReset()} loading={reset.isPending} data-testid="user-reset-password">
            {t('account.admin.resetPassword')}
          </Button>
        </Group>
      </Group>
      {(reset.error || removeFactor.error) && <ErrorAlert error={reset.error ?? removeFactor.error} />}
      <SecretOnceModal
        secret={password}
        title={t('account.admin.resetPasswordTitle')}
        label={t('users.initialPassword')}
        description={t('account.admin.newPasswordFor', { name: user.name, email: user.email })}
        onClose={() => setPassword(null)}
      />
      {modal}
    </>
  );
}
