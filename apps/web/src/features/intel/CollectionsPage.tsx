import { useState } from 'react';
import { Badge, Button, Code, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { IntelCollection } from '@lachan/contracts';
import { ListTable } from '../../components/ListTable.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import { CollectionForm } from './CollectionForm.tsx';
import { ObjectTlp } from './IntelBadges.tsx';
import { useCollections } from './intel.api.ts';
import { useOrgName } from '../orgs/useOrgName.ts';

/** The national centre's administration of TAXII collections: list, create, edit grants and TLP ceiling. */
export function CollectionsPage() {
  const { t } = useTranslation();
  const nameOf = useOrgName();
  const fmt = useFormat();
  const query = useCollections();
  const [editing, setEditing] = useState<IntelCollection | 'new' | null>(null);
  const rights = (g: IntelCollection['grants'][number]) => [g.canRead && t('intel.collections.form.read'), g.canWrite && t('intel.collections.form.write')].filter(Boolean).join(' + ');
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2} size="h3">{t('intel.collections.title')}</Title>
          <Text size="sm" c="dimmed">{t('intel.collections.intro')}</Text>
        </div>
        <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setEditing('new')} data-testid="collection-new">{t('intel.collections.create')}</Button>
      </Group>
      <ListTable
        query={query}
        empty={t('intel.collections.empty')}
        testId="intel-collections"
        head={
          <>
            <Table.Th>{t('intel.collections.col.title')}</Table.Th>
            <Table.Th w={160}>{t('intel.collections.col.alias')}</Table.Th>
            <Table.Th w={130}>{t('intel.collections.col.ceiling')}</Table.Th>
            <Table.Th w={100} ta="right">{t('intel.collections.col.objects')}</Table.Th>
            <Table.Th>{t('intel.collections.col.grants')}</Table.Th>
            <Table.Th w={80} />
          </>
        }
      >
        {(items) =>
          items.map((c) => (
            <Table.Tr key={c.id} data-testid="intel-collection" data-collection-id={c.id}>
              <Table.Td><Text size="sm" fw={500}>{c.title}</Text>{c.description && <Text size="xs" c="dimmed" lineClamp={1}>{c.description}</Text>}</Table.Td>
              <Table.Td>{c.alias ? <Code>{c.alias}</Code> : '—'}</Table.Td>
              <Table.Td><ObjectTlp tlp={c.tlpCeiling} /></Table.Td>
              <Table.Td ta="right">{fmt.number(c.objectCount)}</Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {c.grants.map((g) => <Badge key={g.orgId} size="xs" variant="light" tt="none">{t('intel.collections.readWrite', { org: nameOf(g.orgId, g.orgName), rights: rights(g) })}</Badge>)}
                </Group>
              </Table.Td>
              <Table.Td><Button size="compact-xs" variant="subtle" onClick={() => setEditing(c)} data-testid="collection-edit">{t('intel.collections.edit')}</Button></Table.Td>
            </Table.Tr>
          ))
        }
      </ListTable>
      {editing && <CollectionForm key={editing === 'new' ? 'new' : editing.id} collection={editing === 'new' ? null : editing} opened onClose={() => setEditing(null)} />}
    </Stack>
  );
}
