import { useState } from 'react';
import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ConstituencyMapping } from '@lachan/contracts';
import { EmptyNote } from '../../components/EmptyNote.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useApiMutation } from '../../api/useApiMutation.ts';
import { constituencyKeys, mappingApi, useConstituencyMappings } from './constituency.api.ts';
import { MappingForm } from './MappingForm.tsx';

/** The centre's CSV mappings: how a provider's own report layout is read (`POST /constituency/reports/csv?mappingId=`). */
export function MappingsPanel() {
  const { t } = useTranslation();
  const query = useConstituencyMappings(true);
  const [editing, setEditing] = useState<ConstituencyMapping | 'new' | null>(null);
  const remove = useApiMutation((id: string) => mappingApi.remove(id), { invalidate: [constituencyKeys.mappings], success: t('constituency.mappings.removed') });
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">{t('constituency.mappings.intro')}</Text>
        <Button size="xs" onClick={() => setEditing('new')} data-testid="mapping-new">{t('constituency.mappings.create')}</Button>
      </Group>
      {remove.error && <ErrorAlert error={remove.error} />}
      <QueryState query={query}>
        {(items) =>
          items.length === 0 ? (
            <EmptyNote>{t('constituency.mappings.empty')}</EmptyNote>
          ) : (
            <Table striped fz="sm" verticalSpacing={4} data-testid="mappings-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('constituency.mappings.name')}</Table.Th>
                  <Table.Th>{t('constituency.mappings.reportType')}</Table.Th>
                  <Table.Th>{t('constituency.mappings.columns')}</Table.Th>
                  <Table.Th>{t('constituency.mappings.id')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((m) => (
                  <Table.Tr key={m.id} data-testid="mapping-row">
                    <Table.Td>{m.name}</Table.Td>
                    <Table.Td><Badge size="xs" variant="default" tt="none">{m.reportType}</Badge></Table.Td>
                    <Table.Td><Text size="xs" ff="monospace">{Object.entries(m.columns).map(([f, c]) => `${f}←${c}`).join(' · ')}</Text></Table.Td>
                    <Table.Td><Text size="xs" ff="monospace">{m.id}</Text></Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Button size="compact-xs" variant="light" onClick={() => setEditing(m)}>{t('constituency.mappings.edit')}</Button>
                        <Button size="compact-xs" variant="subtle" color="red" loading={remove.isPending && remove.variables === m.id} onClick={() => remove.mutate(m.id)}>
                          {t('common.remove')}
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
      {editing && <MappingForm mapping={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
