import { useState } from 'react';
import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { IdentityProvider } from '@lachan/contracts';
import { useApiMutation } from '../../api/useApiMutation.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useConfirm } from '../../components/useConfirm.tsx';
import { IdentityProviderModal } from './IdentityProviderModal.tsx';
import { identityProvidersApi, identityProvidersKey, useIdentityProviders } from './identityProviders.api.ts';

/** The centre's identity providers (OpenID Connect): list, add, edit (mapping rules included), remove. */
export function IdentityProvidersTab() {
  const { t } = useTranslation();
  const providers = useIdentityProviders();
  const { confirm, modal } = useConfirm();
  const [editing, setEditing] = useState<IdentityProvider | 'new' | null>(null);
  const remove = useApiMutation(identityProvidersApi.remove, { invalidate: [identityProvidersKey], success: t('federation.removed') });
  const ask = async (p: IdentityProvider) => {
    if (await confirm({ title: t('federation.removeTitle'), message: t('federation.removeConfirm'), confirmLabel: t('federation.remove'), danger: true })) remove.mutate(p.id);
  };
  return (
    <>
      {modal}
      {editing && <IdentityProviderModal provider={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      <Group justify="space-between" align="flex-start" mb="xs" wrap="nowrap">
        <Text size="sm" c="dimmed" maw={800}>
          {t('federation.intro')}
        </Text>
        <Button size="xs" onClick={() => setEditing('new')} data-testid="idp-add">
          {t('federation.add')}
        </Button>
      </Group>
      {remove.error && <ErrorAlert error={remove.error} />}
      <QueryState query={providers}>
        {(items) =>
          items.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('federation.none')}
            </Text>
          ) : (
            <Table fz="sm" verticalSpacing={4} data-testid="idp-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('federation.fields.displayName')}</Table.Th>
                  <Table.Th>{t('federation.fields.issuer')}</Table.Th>
                  <Table.Th>{t('federation.fields.clientId')}</Table.Th>
                  <Table.Th>{t('federation.fields.rules')}</Table.Th>
                  <Table.Th>{t('federation.fields.status')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((p) => (
                  <Table.Tr key={p.id} data-testid="idp-row">
                    <Table.Td>{p.displayName}</Table.Td>
                    <Table.Td>
                      <Text size="xs" ff="monospace">
                        {p.issuer}
                      </Text>
                    </Table.Td>
                    <Table.Td>{p.clientId}</Table.Td>
                    <Table.Td>{t('federation.rules.count', { count: p.rules.length })}</Table.Td>
                    <Table.Td>
                      <Badge size="sm" variant="light" color={p.enabled ? 'teal' : 'gray'}>
                        {t(p.enabled ? 'federation.enabled' : 'federation.disabled')}
                      </Badge>
                    </Table.Td>
                    <Table.Td ta="right">
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        <Button size="compact-xs" variant="light" onClick={() => setEditing(p)} data-testid="idp-edit">
                          {t('federation.edit')}
                        </Button>
                        <Button size="compact-xs" variant="light" color="red" onClick={() => void ask(p)}>
                          {t('federation.remove')}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )
        }
      </QueryState>
    </>
  );
}
