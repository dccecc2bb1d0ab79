import { useState } from 'react';
import { Button, Group, Select, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ORG_LINK_TYPES, type OrgLink } from '@lachan/contracts';
import { useApiMutation } from '../../api/useApiMutation.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useConfirm } from '../../components/useConfirm.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import { OrgPicker } from '../orgs/OrgPicker.tsx';
import { settingsApi, settingsKeys, useOrgLinks } from './settings.api.ts';

type LinkType = (typeof ORG_LINK_TYPES)[number];

/** Organisation links: who sees whose incidents (made by the centre, or by an admin of the organisation seen). */
export function OrgLinksTab() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const links = useOrgLinks();
  const { confirm, modal } = useConfirm();
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [type, setType] = useState<LinkType>('notify');
  const [profile, setProfile] = useState<'read_only' | 'analyst'>('read_only');
  const [tlp, setTlp] = useState<'CLEAR' | 'GREEN' | 'AMBER'>('AMBER');
  const create = useApiMutation(settingsApi.createLink, { invalidate: [settingsKeys.links], success: t('settings.links.saved') });
  const remove = useApiMutation(settingsApi.deleteLink, { invalidate: [settingsKeys.links], success: t('settings.links.removed') });
  const ask = async (l: OrgLink) => {
    const ok = await confirm({ title: t('settings.links.removeTitle'), message: t('settings.links.removeConfirm', { from: l.fromOrgName, to: l.toOrgName }), confirmLabel: t('settings.links.remove'), danger: true });
    if (ok) remove.mutate(l.id);
  };
  return (
    <>
      {modal}
      <Text size="sm" c="dimmed" mb="xs">
        {t('settings.links.intro')}
      </Text>
      {(create.error ?? remove.error) && <ErrorAlert error={create.error ?? remove.error} />}
      <Group align="flex-end" gap="xs" mb="sm" data-testid="link-form">
        <OrgPicker size="xs" label={t('settings.links.from')} value={from} onChange={setFrom} testId="link-from" />
        <OrgPicker size="xs" label={t('settings.links.to')} value={to} onChange={setTo} testId="link-to" />
        <Select size="xs" w={200} label={t('settings.links.type')} data={ORG_LINK_TYPES.map((x) => ({ value: x, label: t(`settings.links.types.${x}`) }))} value={type} onChange={(v) => setType((v as LinkType) ?? 'notify')} allowDeselect={false} />
        <Select size="xs" w={150} label={t('settings.links.profile')} data={[{ value: 'read_only', label: t('settings.links.readOnly') }, { value: 'analyst', label: t('settings.links.analyst') }]} value={profile} onChange={(v) => setProfile(v === 'analyst' ? 'analyst' : 'read_only')} allowDeselect={false} />
        <Select size="xs" w={110} label={t('settings.links.tlp')} data={['CLEAR', 'GREEN', 'AMBER']} value={tlp} onChange={(v) => setTlp((v as typeof tlp) ?? 'AMBER')} allowDeselect={false} />
        <Button size="xs" disabled={!from || !to} loading={create.isPending} onClick={() => from && to && create.mutate({ fromOrgId: from, toOrgId: to, type, profile, tlpCeiling: tlp })} data-testid="link-add">
          {t('settings.links.add')}
        </Button>
      </Group>
      <QueryState query={links}>
        {(items) =>
          items.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('settings.links.none')}
            </Text>
          ) : (
            <Table fz="sm" verticalSpacing={4} data-testid="links-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('settings.links.from')}</Table.Th>
                  <Table.Th>{t('settings.links.to')}</Table.Th>
                  <Table.Th>{t('settings.links.type')}</Table.Th>
                  <Table.Th>{t('settings.links.profile')}</Table.Th>
                  <Table.Th>{t('settings.links.tlp')}</Table.Th>
                  <Table.Th>{t('settings.links.created')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((l) => (
                  <Table.Tr key={l.id} data-testid="link-row">
                    <Table.Td>{l.fromOrgName}</Table.Td>
                    <Table.Td>{l.toOrgName}</Table.Td>
                    <Table.Td>{t(`settings.links.types.${l.type}`)}</Table.Td>
                    <Table.Td>{t(l.profile === 'analyst' ? 'settings.links.analyst' : 'settings.links.readOnly')}</Table.Td>
                    <Table.Td>{l.tlpCeiling}</Table.Td>
                    <Table.Td>
                      {l.createdByName} · {fmt.dateTime(l.createdAt)}
                    </Table.Td>
                    <Table.Td ta="right">
                      <Button size="compact-xs" variant="light" color="red" onClick={() => void ask(l)}>
                        {t('settings.links.remove')}
                      </Button>
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
