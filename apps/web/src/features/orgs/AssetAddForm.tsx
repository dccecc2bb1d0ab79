import { useState, type FormEvent } from 'react';
import { Button, Group, Select, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ASSET_KINDS, type AssetCreate } from '@lachan/contracts';
import { useApiMutation } from '../../api/useApiMutation.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { orgApi, orgKeys } from './orgs.api.ts';

type Kind = AssetCreate['kind'];
const PLACEHOLDERS: Record<Kind, string> = { cidr: '203.0.113.0/24', domain: 'example.gov.vn', hostname: 'mail01.example.gov.vn' };

/** One line to declare an asset: kind, value, optional description. The server normalises and checks the value. */
export function AssetAddForm({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<Kind>('cidr');
  const [value, setValue] = useState('');
  const [description, setDescription] = useState('');
  const [error, setError] = useState<string | undefined>();
  const add = useApiMutation((body: AssetCreate) => orgApi.addAsset(orgId, body), {
    invalidate: [orgKeys.assets(orgId)],
    success: t('orgs.assets.added'),
    onSuccess: () => {
      setValue('');
      setDescription('');
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = value.trim();
    const next = !trimmed ? t('validation.required') : trimmed.length > 255 ? t('validation.maxLength', { n: 255 }) : undefined;
    setError(next);
    if (next) return;
    add.mutate({ kind, value: trimmed, description: description.trim() || undefined });
  };

  return (
    <form onSubmit={submit} noValidate>
      {add.error && <ErrorAlert error={add.error} />}
      <Group gap="xs" align="flex-start" wrap="wrap" mt="xs">
        <Select
          size="xs"
          w={150}
          aria-label={t('orgs.assets.kind')}
          data={ASSET_KINDS.map((k) => ({ value: k, label: t(`orgs.assets.kinds.${k}`) }))}
          value={kind}
          onChange={(v) => setKind((v as Kind | null) ?? 'cidr')}
          allowDeselect={false}
          data-testid="asset-kind"
        />
        <TextInput
          size="xs"
          w={200}
          aria-label={t('orgs.assets.value')}
          placeholder={PLACEHOLDERS[kind]}
          value={value}
          onChange={(e) => setValue(e.currentTarget.value)}
          error={error}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          data-testid="asset-value"
        />
        <TextInput size="xs" style={{ flex: 1, minWidth: 160 }} aria-label={t('orgs.assets.description')} placeholder={t('orgs.assets.description')} value={description} onChange={(e) => setDescription(e.currentTarget.value)} maxLength={500} data-testid="asset-description" />
        <Button size="xs" type="submit" variant="light" leftSection={<IconPlus size={14} />} loading={add.isPending} data-testid="asset-add">
          {t('orgs.assets.add')}
        </Button>
      </Group>
    </form>
  );
}
