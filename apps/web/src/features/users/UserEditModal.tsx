import { useState, type FormEvent } from 'react';
import { Alert, Button, Checkbox, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { USER_ROLES, type User, type UserPatch } from '@lachan/contracts';
import { useApiMutation } from '../../api/useApiMutation.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useConfirm } from '../../components/useConfirm.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import { grantableRoles } from '../../lib/roles.ts';
import { useCurrentUser } from '../auth/auth.api.ts';
import { userApi } from './users.api.ts';
import { UserCredentialsPanel } from './UserCredentialsPanel.tsx';
import { useOrgName } from '../orgs/useOrgName.ts';

/** Changes a user's name, role or status, or lifts a lock; disabling asks for confirmation. */
export function UserEditModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={user !== null} onClose={onClose} title={user ? t('users.editTitle', { name: user.name }) : ''}>
      {user && <UserEditForm user={user} onClose={onClose} />}
    </Modal>
  );
}

function UserEditForm({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const nameOf = useOrgName();
  const fmt = useFormat();
  const me = useCurrentUser();
  const { confirm, modal } = useConfirm();
  const [name, setName] = useState(user.name);
  const [role, setRole] = useState<string>(user.role);
  const [status, setStatus] = useState<string>(user.status);
  const [unlock, setUnlock] = useState(false);
  const [nameError, setNameError] = useState<string | undefined>();
  const locked = user.lockedUntil !== null && new Date(user.lockedUntil).getTime() > Date.now();
  const roles = grantableRoles(USER_ROLES, me.role);
  const save = useApiMutation((patch: UserPatch) => userApi.update(user.id, patch), { invalidate: [['users']], success: t('common.saved'), onSuccess: onClose });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    const error = !trimmed ? t('validation.required') : trimmed.length > 200 ? t('validation.maxLength', { n: 200 }) : undefined;
    setNameError(error);
    if (error) return;
    const patch: UserPatch = {};
    if (trimmed !== user.name) patch.name = trimmed;
    if (role !== user.role) patch.role = role as User['role'];
    if (status !== user.status) patch.status = status as User['status'];
    if (unlock) patch.unlock = true;
    if (Object.keys(patch).length === 0) {
      notifications.show({ message: t('common.unchanged') });
      onClose();
      return;
    }
    if (patch.status === 'disabled') {
      const ok = await confirm({ title: t('users.disableTitle'), message: t('users.disableConfirm', { name: user.name }), confirmLabel: t('users.disable'), danger: true });
      if (!ok) return;
    }
    save.mutate(patch);
  };

  return (
    <>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="xs">
          {save.error && <ErrorAlert error={save.error} />}
          <Text size="sm" c="dimmed">
            {user.email} · {nameOf(user.orgId, user.orgName)}
          </Text>
          <TextInput label={t('users.fields.name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} error={nameError} data-autofocus />
          <Select
            label={t('users.fields.role')}
            data={[...new Set([...roles, user.role])].map((r) => ({ value: r, label: t(`roles.${r}`), disabled: !roles.includes(r) }))}
            value={role}
            onChange={(v) => v && setRole(v)}
            allowDeselect={false}
          />
          <Select
            label={t('users.fields.status')}
            data={(['active', 'disabled'] as const).map((s) => ({ value: s, label: t(`userStatus.${s}`) }))}
            value={status}
            onChange={(v) => v && setStatus(v)}
            allowDeselect={false}
            disabled={user.id === me.id}
          />
          {user.id !== me.id && <UserCredentialsPanel user={user} />}
          {locked && (
            <Alert color="red" variant="light" p="xs">
              <Stack gap={6}>
                <Text size="sm">{t('users.lockedUntil', { at: fmt.dateTime(user.lockedUntil) })}</Text>
                <Checkbox label={t('users.unlock')} checked={unlock} onChange={(e) => setUnlock(e.currentTarget.checked)} data-testid="user-unlock" />
              </Stack>
            </Alert>
          )}
          <Group justify="flex-end" gap="xs" mt="xs">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
      {modal}
    </>
  );
}
