import { useMemo, useState, type FormEvent } from 'react';
import { Button, Group, Modal, Stack, TagsInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Organization } from '@lachan/contracts';
import { useApiMutation } from '../../api/useApiMutation.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { OrgPicker } from './OrgPicker.tsx';
import { orgApi } from './orgs.api.ts';

const SERVICE_SUGGESTIONS = ['monitoring', 'incident_response', 'threat_hunting', 'vulnerability_management', 'forensics'];

/** Adds a client organisation served by this SOC provider. */
export function SocClientModal({ org, opened, onClose }: { org: Organization; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('orgs.soc.addClientTitle', { name: org.name })} size="md">
      <SocClientForm org={org} onClose={onClose} />
    </Modal>
  );
}

function SocClientForm({ org, onClose }: { org: Organization; onClose: () => void }) {
  const { t } = useTranslation();
  const [clientId, setClientId] = useState<string | null>(null);
  const [services, setServices] = useState<string[]>(['monitoring']);
  const [errors, setErrors] = useState<{ clientId?: string; services?: string }>({});
  const exclude = useMemo(() => new Set([org.id, ...org.socClients.map((l) => l.clientId)]), [org]);
  const add = useApiMutation((body: { clientId: string; services: string[] }) => orgApi.addSocClient(org.id, body), {
    invalidate: [['org']],
    success: t('orgs.soc.added'),
    onSuccess: onClose,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = {
      clientId: clientId ? undefined : t('validation.required'),
      services: services.length === 0 ? t('validation.required') : services.some((s) => s.length > 60) ? t('validation.maxLength', { n: 60 }) : undefined,
    };
    setErrors(next);
    if (next.clientId || next.services || !clientId) return;
    add.mutate({ clientId, services });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        {add.error && <ErrorAlert error={add.error} />}
        <OrgPicker label={t('orgs.soc.client')} value={clientId} onChange={setClientId} exclude={exclude} error={errors.clientId} required testId="soc-client-picker" />
        <TagsInput label={t('orgs.soc.services')} description={t('orgs.soc.servicesHint')} data={SERVICE_SUGGESTIONS} value={services} onChange={setServices} maxTags={20} error={errors.services} clearable />
        <Group justify="flex-end" gap="xs" mt="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={add.isPending}>
            {t('common.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
