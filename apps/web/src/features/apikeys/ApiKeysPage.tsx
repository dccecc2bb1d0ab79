import { useState } from 'react';
import { Badge, Button, Code, Group, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ApiKey } from '@lachan/contracts';
import { useApiMutation } from '../../api/useApiMutation.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { ListTable } from '../../components/ListTable.tsx';
import { useConfirm } from '../../components/useConfirm.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import { OrgPicker } from '../orgs/index.ts';
import { ApiKeyCreateModal } from './ApiKeyCreateModal.tsx';
import { apiKeyApi, useApiKeys } from './apikeys.api.ts';
import { useOrgName } from '../orgs/useOrgName.ts';

/** API keys for machines (connectors): list by organisation, create (shown once), revoke. */
export function ApiKeysPage() {
  const { t } = useTranslation();
  const nameOf = useOrgName();
  const fmt = useFormat();
  const [orgId, setOrgId] = useState<string | null>(null);
  const [includeRevoked, setIncludeRevoked] = useState(false);
  const [creating, setCreating] = useState(false);
  const query = useApiKeys({ orgId, includeRevoked });
  const { confirm, modal } = useConfirm();
  const revoke = useApiMutation(apiKeyApi.revoke, { invalidate: [['apikeys']], success: t('apiKeys.revoked') });

  const askRevoke = async (key: ApiKey) => {
    const ok = await confirm({ title: t('apiKeys.revokeTitle'), message: t('apiKeys.revokeConfirm', { name: key.name, org: nameOf(key.orgId, key.orgName) }), confirmLabel: t('apiKeys.revoke'), danger: true });
    if (ok) revoke.mutate(key.id);
  };

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2} size="h3">
          {t('apiKeys.title')}
        </Title>
        <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setCreating(true)} data-testid="apikey-create">
          {t('apiKeys.create')}
        </Button>
      </Group>
      <Group gap="md" align="center">
        <div style={{ width: 300 }}>
          <OrgPicker size="xs" value={orgId} onChange={setOrgId} placeholder={t('common.allOrgs')} includeInactive testId="apikey-org-filter" />
        </div>
        <Switch size="xs" label={t('apiKeys.includeRevoked')} checked={includeRevoked} onChange={(e) => setIncludeRevoked(e.currentTarget.checked)} />
      </Group>
      {revoke.error && <ErrorAlert error={revoke.error} />}
      <ListTable
        query={query}
        empty={t('apiKeys.empty')}
        testId="apikeys-table"
        minWidth={960}
        head={
          <>
            <Table.Th>{t('apiKeys.columns.name')}</Table.Th>
            <Table.Th w={120}>{t('apiKeys.columns.prefix')}</Table.Th>
            <Table.Th>{t('apiKeys.columns.org')}</Table.Th>
            <Table.Th w={150}>{t('apiKeys.columns.role')}</Table.Th>
            <Table.Th w={170}>{t('apiKeys.columns.created')}</Table.Th>
            <Table.Th w={170}>{t('apiKeys.columns.lastUsed')}</Table.Th>
            <Table.Th w={110} />
          </>
        }
      >
        {(items) =>
          items.map((key) => (
            <Table.Tr key={key.id} data-testid="apikey-row" style={{ opacity: key.revokedAt ? 0.6 : 1 }}>
              <Table.Td>{key.name}</Table.Td>
              <Table.Td>
                <Code>{key.prefix}…</Code>
              </Table.Td>
              <Table.Td>{nameOf(key.orgId, key.orgName)}</Table.Td>
              <Table.Td>{t(`roles.${key.role}`)}</Table.Td>
              <Table.Td>
                <Text size="xs">{fmt.dateTime(key.createdAt)}</Text>
                {key.createdByName && (
                  <Text size="xs" c="dimmed">
                    {key.createdByName}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="xs">{key.lastUsedAt ? fmt.dateTime(key.lastUsedAt) : t('apiKeys.neverUsed')}</Text>
              </Table.Td>
              <Table.Td>
                {key.revokedAt ? (
                  <Badge size="xs" color="gray" variant="light" radius="sm" title={fmt.dateTime(key.revokedAt)}>
                    {t('apiKeys.revokedBadge')}
                  </Badge>
                ) : (
                  <Button size="compact-xs" color="red" variant="subtle" onClick={() => void askRevoke(key)} loading={revoke.isPending && revoke.variables === key.id} data-testid="apikey-revoke">
                    {t('apiKeys.revoke')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))
        }
      </ListTable>
      <ApiKeyCreateModal opened={creating} onClose={() => setCreating(false)} defaultOrgId={orgId} />
      {modal}
    </Stack>
  );
}
