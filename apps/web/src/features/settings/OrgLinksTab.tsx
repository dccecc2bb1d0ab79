import { useState } from 'react';
import { Button, Group, Select, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ORG_LINK_TYPES } from '@lachan/contracts';
import { useApiMutation } from '../../api/useApiMutation.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { RemovableTable } from '../../components/RemovableTable.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import { OrgPicker } from '../orgs/OrgPicker.tsx';
import { useOrgName } from '../orgs/useOrgName.ts';
import { settingsApi, settingsKeys, useOrgLinks } from './settings.api.ts';

type LinkType = (typeof ORG_LINK_TYPES)[number];

/** Organisation links: who sees whose incidents (made by the centre, or by an admin of the organisation seen). */
export function OrgLinksTab() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const links = useOrgLinks();
  const nameOf = useOrgName();
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [type, setType] = useState<LinkType>('notify');
  const [profile, setProfile] = useState<'read_only' | 'analyst'>('read_only');
  const [tlp, setTlp] = useState<'CLEAR' | 'GREEN' | 'AMBER'>('AMBER');
  const create = useApiMutation(settingsApi.createLink, { invalidate: [settingsKeys.links], success: t('settings.links.saved') });
  const remove = useApiMutation(settingsApi.deleteLink, { invalidate: [settingsKeys.links], success: t('settings.links.removed') });
  return (
    <>
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
        {(items) => (
          <RemovableTable
            items={items}
            empty={t('settings.links.none')}
            testId="links-table"
            rowTestId="link-row"
            removeLabel={t('settings.links.remove')}
            confirm={(l) => ({ title: t('settings.links.removeTitle'), message: t('settings.links.removeConfirm', { from: nameOf(l.fromOrgId, l.fromOrgName), to: nameOf(l.toOrgId, l.toOrgName) }) })}
            onRemove={(l) => remove.mutate(l.id)}
            removingId={remove.isPending ? remove.variables : null}
            columns={[
              { header: t('settings.links.from'), cell: (l) => nameOf(l.fromOrgId, l.fromOrgName) },
              { header: t('settings.links.to'), cell: (l) => nameOf(l.toOrgId, l.toOrgName) },
              { header: t('settings.links.type'), cell: (l) => t(`settings.links.types.${l.type}`) },
              { header: t('settings.links.profile'), cell: (l) => t(l.profile === 'analyst' ? 'settings.links.analyst' : 'settings.links.readOnly') },
              { header: t('settings.links.tlp'), cell: (l) => l.tlpCeiling },
              { header: t('settings.links.created'), cell: (l) => `${l.createdByName} · ${fmt.dateTime(l.createdAt)}` },
            ]}
          />
        )}
      </QueryState>
    </>
  );
}
