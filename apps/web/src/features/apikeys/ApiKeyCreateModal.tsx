import { useState, type FormEvent } from 'react';
import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ROLES, type ApiKeyCreate, type ApiKeyCreated } from '@lachan/contracts';
import { useApiMutation } from '../../api/useApiMutation.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { SecretOnceModal } from '../../components/SecretOnceModal.tsx';
import { grantableRoles } from '../../lib/roles.ts';
import { useCurrentUser } from '../auth/auth.api.ts';
import { OrgPicker } from '../orgs/index.ts';
import { apiKeyApi } from './apikeys.api.ts';
import { useOrgName } from '../orgs/useOrgName.ts';

/** Creates an API key; the key itself is shown once, with a copy button and a warning. */
export function ApiKeyCreateModal({ opened, onClose, defaultOrgId }: { opened: boolean; onClose: () => void; defaultOrgId: string | null }) {
  const { t } = useTranslation();
  const nameOf = useOrgName();
  const [created, setCreated] = useState<ApiKeyCreated | null>(null);
  return (
    <>
      <Modal opened={opened} onClose={onClose} title={t('apiKeys.createTitle')}>
        <ApiKeyForm
          defaultOrgId={defaultOrgId}
          onClose={onClose}
          onCreated={(key) => {
            onClose();
            setCreated(key);
          }}
        />
      </Modal>
      <SecretOnceModal
        secret={created?.key ?? null}
        title={t('apiKeys.createdTitle')}
        label={t('apiKeys.key')}
        description={created ? t('apiKeys.createdFor', { name: created.name, org: nameOf(created.orgId, created.orgName) }) : undefined}
        onClose={() => setCreated(null)}
      />
    </>
  );
}

function ApiKeyForm({ defaultOrgId, onClose, onCreated }: { defaultOrgId: string | null; onClose: () => void; onCreated: (k: ApiKeyCreated) => void }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [name, setName] = useState('');
  const [orgId, setOrgId] = useState<string | null>(defaultOrgId ?? me.org.id);
  const [role, setRole] = useState<string | null>('connector');
  const [errors, setErrors] = useState<Partial<Record<'name' | 'orgId' | 'role', string>>>({});
  const create = useApiMutation(apiKeyApi.create, { invalidate: [['apikeys']], onSuccess: onCreated });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    const next = {
      name: !trimmed ? t('validation.required') : trimmed.length > 200 ? t('validation.maxLength', { n: 200 }) : undefined,
      orgId: orgId ? undefined : t('validation.required'),
      role: role ? undefined : t('validation.required'),
    };
    setErrors(next);
    if (next.name || !orgId || !role) return;
    create.mutate({ name: trimmed, orgId, role: role as ApiKeyCreate['role'] });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        {create.error && <ErrorAlert error={create.error} />}
        <TextInput label={t('apiKeys.fields.name')} description={t('apiKeys.fields.nameHint')} required value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} data-autofocus data-testid="apikey-name" />
        <OrgPicker label={t('apiKeys.fields.org')} value={orgId} onChange={setOrgId} error={errors.orgId} required clearable={false} testId="apikey-org" />
        <Select
          label={t('apiKeys.fields.role')}
          required
          data={grantableRoles(ROLES, me.role).map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          value={role}
          onChange={setRole}
          error={errors.role}
          allowDeselect={false}
        />
        <Group justify="flex-end" gap="xs" mt="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('common.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
