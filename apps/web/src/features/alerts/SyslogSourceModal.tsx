import { useState, type FormEvent } from 'react';
import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../api/useApiMutation.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useCurrentUser } from '../auth/auth.api.ts';
import { OrgPicker } from '../orgs/index.ts';
import { FORMAT_LABELS } from './alertLabels.ts';
import { alertApi, alertKeys } from './alerts.api.ts';

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
/** Loose IPv4/IPv6 check so typos are caught here; the server has the final word. */
export const looksLikeIp = (value: string) => IPV4.test(value) || (value.includes(':') && /^[0-9a-fA-F:.]+$/.test(value));

/** Registers a syslog sender: messages from its address are recorded as the chosen organisation's. */
export function SyslogSourceModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('alerts.sources.register')}>
      <SyslogSourceForm onClose={onClose} />
    </Modal>
  );
}

function SyslogSourceForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [name, setName] = useState('');
  const [orgId, setOrgId] = useState<string | null>(me.org.id);
  const [address, setAddress] = useState('');
  const [format, setFormat] = useState<'syslog' | 'cef'>('syslog');
  const [errors, setErrors] = useState<Partial<Record<'name' | 'orgId' | 'address', string>>>({});
  const create = useApiMutation(alertApi.createSyslogSource, { invalidate: [alertKeys.sources], success: t('alerts.sources.registered'), onSuccess: onClose });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = { name: name.trim(), address: address.trim() };
    const next = {
      name: !trimmed.name ? t('validation.required') : trimmed.name.length > 200 ? t('validation.maxLength', { n: 200 }) : undefined,
      orgId: orgId ? undefined : t('validation.required'),
      address: !trimmed.address ? t('validation.required') : looksLikeIp(trimmed.address) ? undefined : t('alerts.sources.invalidAddress'),
    };
    setErrors(next);
    if (next.name || next.address || !orgId) return;
    create.mutate({ name: trimmed.name, orgId, address: trimmed.address, format });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        {create.error && <ErrorAlert error={create.error} />}
        <TextInput label={t('alerts.sources.fields.name')} description={t('alerts.sources.fields.nameHint')} required value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} data-autofocus data-testid="source-name" />
        <OrgPicker label={t('alerts.sources.fields.org')} value={orgId} onChange={setOrgId} error={errors.orgId} required clearable={false} testId="source-org" />
        <TextInput
          label={t('alerts.sources.fields.address')}
          description={t('alerts.sources.fields.addressHint')}
          required
          value={address}
          onChange={(e) => setAddress(e.currentTarget.value)}
          error={errors.address}
          placeholder="192.0.2.10"
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          data-testid="source-address"
        />
        <Select
          label={t('alerts.sources.fields.format')}
          data={(['syslog', 'cef'] as const).map((f) => ({ value: f, label: FORMAT_LABELS[f] }))}
          value={format}
          onChange={(v) => setFormat(v === 'cef' ? 'cef' : 'syslog')}
          allowDeselect={false}
          data-testid="source-format"
        />
        <Group justify="flex-end" gap="xs" mt="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending} data-testid="source-submit">
            {t('common.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
