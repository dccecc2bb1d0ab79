import { ActionIcon, Badge, Code, Table, Text, Tooltip } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Asset, Organization } from '@lachan/contracts';
import { ApiError } from '../../api/client.ts';
import { useApiMutation } from '../../api/useApiMutation.ts';
import { EmptyNote } from '../../components/EmptyNote.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { Section } from '../../components/Section.tsx';
import { useConfirm } from '../../components/useConfirm.tsx';
import { usePermission } from '../auth/auth.api.ts';
import { AssetAddForm } from './AssetAddForm.tsx';
import { orgApi, orgKeys, useAssets } from './orgs.api.ts';

/** The organisation's networks, domains and hosts, which attribute incoming alerts to it; editable with orgs.update. */
export function AssetsCard({ org }: { org: Organization }) {
  const { t } = useTranslation();
  const canEdit = usePermission('orgs.update') && org.status === 'active';
  const query = useAssets(org.id);
  const { confirm, modal } = useConfirm();
  const remove = useApiMutation((asset: Asset) => orgApi.removeAsset(asset.id), { invalidate: [orgKeys.assets(org.id)], success: t('orgs.assets.removed') });

  // an organisation outside the user's scope keeps its assets to itself: no card rather than an error
  if (query.error instanceof ApiError && query.error.status === 403) return null;

  const askRemove = async (asset: Asset) => {
    const ok = await confirm({ title: t('orgs.assets.removeTitle'), message: t('orgs.assets.removeConfirm', { value: asset.value }), confirmLabel: t('common.remove'), danger: true });
    if (ok) remove.mutate(asset);
  };

  return (
    <Section title={t('orgs.assets.title')} testId="assets-card">
      <Text size="xs" c="dimmed" mb="xs">
        {t('orgs.assets.hint')}
      </Text>
      {remove.error && <ErrorAlert error={remove.error} />}
      <QueryState query={query}>
        {(assets) =>
          assets.length === 0 ? (
            <EmptyNote>{t('orgs.assets.empty')}</EmptyNote>
          ) : (
            <Table verticalSpacing={3} fz="sm" striped>
              <Table.Tbody>
                {assets.map((a) => (
                  <Table.Tr key={a.id} data-testid="asset-row" data-asset-id={a.id}>
                    <Table.Td w={130}>
                      <Badge size="xs" variant="light" color="gray" radius="sm">
                        {t(`orgs.assets.kinds.${a.kind}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Code>{a.value}</Code>
                    </Table.Td>
                    <Table.Td c="dimmed" fz="xs">
                      {a.description}
                    </Table.Td>
                    {canEdit && (
                      <Table.Td w={40}>
                        <Tooltip label={t('orgs.assets.remove', { value: a.value })}>
                          <ActionIcon size="sm" variant="subtle" color="red" onClick={() => void askRemove(a)} aria-label={t('orgs.assets.remove', { value: a.value })} loading={remove.isPending && remove.variables?.id === a.id} data-testid="asset-remove">
                            <IconX size={14} />
                          </ActionIcon>
                        </Tooltip>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )
        }
      </QueryState>
      {canEdit && <AssetAddForm orgId={org.id} />}
      {modal}
    </Section>
  );
}
