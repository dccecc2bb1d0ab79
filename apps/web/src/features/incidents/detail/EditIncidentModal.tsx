import { useState } from 'react';
import { Button, Checkbox, Group, Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PAP_LEVELS, SEVERITIES, TLP_LEVELS, type IncidentDetail, type IncidentPatch, type Tlp } from '@lachan/contracts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useApiMutation } from '../../../api/useApiMutation.ts';
import { incidentApi } from '../incidents.actions.ts';
import { incidentKeys } from '../incidents.api.ts';

type Editable = Pick<IncidentDetail, 'title' | 'description' | 'severity' | 'tlp' | 'pap' | 'serious' | 'personalData' | 'beyondCapacity'>;
const KEYS: (keyof Editable)[] = ['title', 'description', 'severity', 'tlp', 'pap', 'serious', 'personalData', 'beyondCapacity'];

/** Only what changed, so the server records (and the clocks react to) real changes. */
export function changedFields(before: Editable, after: Editable): IncidentPatch {
  const patch: Record<string, unknown> = {};
  for (const key of KEYS) if (before[key] !== after[key]) patch[key] = after[key];
  return patch as IncidentPatch;
}

/** Edits the incident's title, description, severity, markings (TLP, PAP, serious; TLP only for its managers) and flags. */
export function EditIncidentModal({ incident, opened, onClose }: { incident: IncidentDetail; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [v, setV] = useState<Editable>(() => ({ ...incident }));
  const set = <K extends keyof Editable>(key: K, value: Editable[K]) => setV((prev) => ({ ...prev, [key]: value }));
  const mutation = useApiMutation((patch: IncidentPatch) => incidentApi.update(incident.id, patch), { invalidate: [incidentKeys.all], success: t('common.saved'), onSuccess: onClose });
  const patch = changedFields(incident, v);
  const manage = incident.access.canManage;
  return (
    <Modal opened={opened} onClose={onClose} title={t('incidents.edit.title')} size="lg">
      <Stack gap="sm">
        <TextInput size="xs" label={t('incidents.report.fields.title')} value={v.title} onChange={(e) => set('title', e.currentTarget.value)} required data-testid="edit-title" />
        <Textarea size="xs" label={t('incidents.report.fields.description')} autosize minRows={3} maxRows={12} value={v.description} onChange={(e) => set('description', e.currentTarget.value)} />
        <SimpleGrid cols={3} spacing="sm">
          <Select size="xs" label={t('incidents.columns.severity')} data={SEVERITIES.map((s, i) => ({ value: String(i + 1), label: t(`severity.${s}`) }))} value={String(v.severity)} onChange={(x) => x && set('severity', Number(x))} allowDeselect={false} />
          <Select size="xs" label="TLP" disabled={!manage} data={TLP_LEVELS.map((l) => ({ value: l, label: `TLP:${l}` }))} value={v.tlp} onChange={(x) => x && set('tlp', x as Tlp)} allowDeselect={false} data-testid="edit-tlp" />
          <Select size="xs" label="PAP" data={PAP_LEVELS.map((l) => ({ value: l, label: `PAP:${l}` }))} value={v.pap} onChange={(x) => x && set('pap', x as Editable['pap'])} allowDeselect={false} />
        </SimpleGrid>
        <Checkbox size="xs" label={t('incidents.edit.serious')} description={t('incidents.seriousHint')} checked={v.serious} onChange={(e) => set('serious', e.currentTarget.checked)} />
        <Checkbox size="xs" label={t('incidents.fields.personalData')} checked={v.personalData} onChange={(e) => set('personalData', e.currentTarget.checked)} />
        <Checkbox size="xs" label={t('incidents.report.fields.beyondCapacity')} checked={v.beyondCapacity} onChange={(e) => set('beyondCapacity', e.currentTarget.checked)} />
        {mutation.error && <ErrorAlert error={mutation.error} />}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
          <Button loading={mutation.isPending} disabled={Object.keys(patch).length === 0 || !v.title.trim()} onClick={() => mutation.mutate(patch)} data-testid="edit-save">{t('common.save')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
