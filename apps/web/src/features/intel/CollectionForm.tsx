import { useState } from 'react';
import { ActionIcon, Button, Checkbox, Group, Modal, Select, Stack, Table, Textarea, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { TLP_LEVELS, type CollectionGrant, type IntelCollection, type Tlp } from '@lachan/contracts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useOrgDirectory } from '../orgs/orgs.api.ts';
import { useCreateCollection, useUpdateCollection } from './intel.api.ts';

interface Draft { title: string; alias: string; description: string; tlpCeiling: Tlp; grants: CollectionGrant[] }

const draftOf = (c: IntelCollection | null): Draft => ({
  title: c?.title ?? '', alias: c?.alias ?? '', description: c?.description ?? '', tlpCeiling: c?.tlpCeiling ?? 'AMBER',
  grants: c?.grants.map(({ orgId, canRead, canWrite }) => ({ orgId, canRead, canWrite })) ?? [],
});

/** Create or edit a collection: title, alias (new only), description, TLP ceiling and each organisation's read / write grant. */
export function CollectionForm({ collection, opened, onClose }: { collection: IntelCollection | null; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const orgs = useOrgDirectory();
  const [d, setD] = useState<Draft>(() => draftOf(collection));
  const create = useCreateCollection(t('intel.collections.created'));
  const update = useUpdateCollection(t('intel.collections.updated'));
  const names = new Map((orgs.data?.items ?? []).map((o) => [o.id, o.name]));
  const choices = (orgs.data?.items ?? []).filter((o) => !d.grants.some((g) => g.orgId === o.id)).map((o) => ({ value: o.id, label: o.name }));
  const setGrant = (orgId: string, patch: Partial<CollectionGrant>) => setD((x) => ({ ...x, grants: x.grants.map((g) => (g.orgId === orgId ? { ...g, ...patch } : g)) }));
  const save = () => {
    const done = { onSuccess: onClose };
    if (collection) update.mutate({ id: collection.id, patch: { title: d.title, description: d.description || null, tlpCeiling: d.tlpCeiling, grants: d.grants } }, done);
    else create.mutate({ title: d.title, ...(d.alias ? { alias: d.alias } : {}), ...(d.description ? { description: d.description } : {}), tlpCeiling: d.tlpCeiling, grants: d.grants }, done);
  };
  const f = t('intel.collections.form', { returnObjects: true }) as Record<string, string>;
  return (
    <Modal opened={opened} onClose={onClose} title={collection ? collection.title : t('intel.collections.create')} size="lg">
      <form onSubmit={(e) => { e.preventDefault(); save(); }} data-testid="collection-form">
        <Stack gap="xs">
          <TextInput size="xs" required label={f.title} value={d.title} onChange={(e) => setD({ ...d, title: e.currentTarget.value })} data-testid="collection-title" />
          {!collection && <TextInput size="xs" label={f.alias} value={d.alias} onChange={(e) => setD({ ...d, alias: e.currentTarget.value })} />}
          <Textarea size="xs" label={f.description} value={d.description} onChange={(e) => setD({ ...d, description: e.currentTarget.value })} autosize minRows={2} />
          <Select size="xs" w={200} label={f.ceiling} data={TLP_LEVELS.map((v) => ({ value: v, label: `TLP:${v}` }))} value={d.tlpCeiling} onChange={(v) => v && setD({ ...d, tlpCeiling: v as Tlp })} allowDeselect={false} data-testid="collection-ceiling" />
          <Select size="xs" searchable label={f.grants} placeholder={f.addOrg} data={choices} value={null} limit={50}
            onChange={(v) => v && setD({ ...d, grants: [...d.grants, { orgId: v, canRead: true, canWrite: false }] })} data-testid="collection-add-org" />
          {d.grants.length > 0 && (
            <Table fz="sm" verticalSpacing={2} data-testid="collection-grants">
              <Table.Tbody>
                {d.grants.map((g) => (
                  <Table.Tr key={g.orgId} data-testid="collection-grant">
                    <Table.Td>{names.get(g.orgId) ?? g.orgId}</Table.Td>
                    <Table.Td w={80}><Checkbox size="xs" label={f.read} checked={g.canRead} onChange={(e) => setGrant(g.orgId, { canRead: e.currentTarget.checked })} /></Table.Td>
                    <Table.Td w={80}><Checkbox size="xs" label={f.write} checked={g.canWrite} onChange={(e) => setGrant(g.orgId, { canWrite: e.currentTarget.checked })} /></Table.Td>
                    <Table.Td w={40}>
                      <ActionIcon size="sm" variant="subtle" color="red" aria-label={f.remove} onClick={() => setD({ ...d, grants: d.grants.filter((x) => x.orgId !== g.orgId) })}><IconTrash size={14} /></ActionIcon>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <ErrorAlert error={create.error ?? update.error} />
          <Group justify="flex-end" gap="xs">
            <Button size="xs" variant="default" onClick={onClose}>{f.cancel}</Button>
            <Button size="xs" type="submit" loading={create.isPending || update.isPending} data-testid="collection-save">{f.save}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
