import { useState } from 'react';
import { Button, Group, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SHARE_PROFILES, TLP_LEVELS, type IncidentShareCreate, type ShareProfile, type Tlp } from '@lachan/contracts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useApiMutation } from '../../../api/useApiMutation.ts';
import { OrgPicker } from '../../orgs/OrgPicker.tsx';
import { incidentApi } from '../incidents.actions.ts';
import { incidentKeys } from '../incidents.api.ts';

/** Shares the incident with an organisation: its profile (read-only, analyst, owner) and the highest TLP it may see. */
export function ShareForm({ incidentId, ownerId, tlp }: { incidentId: string; ownerId: string; tlp: Tlp }) {
  const { t } = useTranslation();
  const [orgId, setOrgId] = useState<string | null>(null);
  const [profile, setProfile] = useState<ShareProfile>('read_only');
  const [ceiling, setCeiling] = useState<Tlp>(tlp);
  const mutation = useApiMutation((body: IncidentShareCreate) => incidentApi.share(incidentId, body), {
    invalidate: [incidentKeys.detail(incidentId)],
    success: t('incidents.shares.done'),
    onSuccess: () => setOrgId(null),
  });
  return (
    <form onSubmit={(e) => { e.preventDefault(); if (orgId) mutation.mutate({ orgId, profile, tlpCeiling: ceiling }); }}>
      <Group gap="xs" align="flex-end" wrap="wrap">
        <div style={{ flex: 1, minWidth: 260 }}>
          <OrgPicker size="xs" label={t('incidents.shares.org')} value={orgId} onChange={setOrgId} exclude={new Set([ownerId])} required testId="share-org" />
        </div>
        <Select size="xs" w={150} label={t('incidents.shares.profile')} data={SHARE_PROFILES.map((p) => ({ value: p, label: t(`incidents.profiles.${p}`) }))} value={profile} onChange={(v) => v && setProfile(v as ShareProfile)} allowDeselect={false} data-testid="share-profile" />
        <Select size="xs" w={150} label={t('incidents.shares.ceiling')} data={TLP_LEVELS.map((l) => ({ value: l, label: `TLP:${l}` }))} value={ceiling} onChange={(v) => v && setCeiling(v as Tlp)} allowDeselect={false} data-testid="share-ceiling" />
        <Button size="xs" type="submit" loading={mutation.isPending} disabled={!orgId} data-testid="share-add">
          {t('incidents.shares.share')}
        </Button>
      </Group>
      {mutation.error && <ErrorAlert error={mutation.error} />}
    </form>
  );
}
