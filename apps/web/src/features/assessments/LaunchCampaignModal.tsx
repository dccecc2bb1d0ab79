import { useState } from 'react';
import { Button, Group, Modal, MultiSelect, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ORG_KINDS } from '@lachan/contracts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useProvinces, useSectors } from '../orgs/index.ts';
import { pickText, useCatalogues, useLaunchCampaign } from './assessments.api.ts';

/** The centre launches a campaign: title, catalogue, due date and the targeting (empty lists: everyone). */
export function LaunchCampaignModal({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const catalogues = useCatalogues();
  const sectors = useSectors();
  const provinces = useProvinces();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [catalogueId, setCatalogueId] = useState<string | null>(null);
  const [dueDate, setDueDate] = useState('');
  const [sectorList, setSectors] = useState<string[]>([]);
  const [provinceList, setProvinces] = useState<string[]>([]);
  const [kinds, setKinds] = useState<string[]>([]);
  const [levels, setLevels] = useState<string[]>([]);
  const launch = useLaunchCampaign((c) => { onClose(); void navigate(`/assessments/campaigns/${c.id}`); });
  const submit = () => catalogueId && launch.mutate({
    title: title.trim(), description: description.trim() || null, catalogueId, dueDate,
    targeting: { sectors: sectorList, provinces: provinceList, orgKinds: kinds, levels: levels.map(Number) },
  });
  return (
    <Modal opened onClose={onClose} title={t('assessments.launch.title')} size="lg">
      <form onSubmit={(e) => { e.preventDefault(); submit(); }} data-testid="launch-form">
        <Stack gap="xs">
          <TextInput label={t('assessments.launch.campaignTitle')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required minLength={3} maxLength={300} data-testid="launch-title" />
          <Textarea label={t('assessments.launch.description')} value={description} onChange={(e) => setDescription(e.currentTarget.value)} autosize minRows={2} maxLength={4000} />
          <Group grow>
            <Select label={t('assessments.launch.catalogue')} required data={(catalogues.data?.items ?? []).map((c) => ({ value: c.id, label: `${pickText(c.name, i18n.language)} (${c.version})` }))}
              value={catalogueId} onChange={setCatalogueId} data-testid="launch-catalogue" searchable comboboxProps={{ withinPortal: true }} />
            <TextInput type="date" label={t('assessments.launch.dueDate')} value={dueDate} onChange={(e) => setDueDate(e.currentTarget.value)} required data-testid="launch-due" />
          </Group>
          <MultiSelect label={t('assessments.launch.sectors')} placeholder={t('assessments.launch.anyTarget')} data={(sectors.data ?? []).map((s) => ({ value: s.code, label: i18n.language === 'en' ? s.nameEn : s.nameVi }))}
            value={sectorList} onChange={setSectors} searchable data-testid="launch-sectors" comboboxProps={{ withinPortal: true }} />
          <MultiSelect label={t('assessments.launch.provinces')} placeholder={t('assessments.launch.anyTarget')} data={(provinces.data ?? []).map((p) => ({ value: p.code, label: i18n.language === 'en' ? p.nameEn : p.nameVi }))}
            value={provinceList} onChange={setProvinces} searchable data-testid="launch-provinces" comboboxProps={{ withinPortal: true }} />
          <Group grow>
            <MultiSelect label={t('assessments.launch.orgKinds')} placeholder={t('assessments.launch.anyTarget')} data={ORG_KINDS.map((k) => ({ value: k, label: t(`orgKinds.${k}`) }))}
              value={kinds} onChange={setKinds} data-testid="launch-kinds" comboboxProps={{ withinPortal: true }} />
            <MultiSelect label={t('assessments.launch.levels')} placeholder={t('assessments.launch.anyTarget')} data={['1', '2', '3', '4', '5'].map((l) => ({ value: l, label: t('systems.levelN', { n: l }) }))}
              value={levels} onChange={setLevels} data-testid="launch-levels" comboboxProps={{ withinPortal: true }} />
          </Group>
          {launch.error && <ErrorAlert error={launch.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={launch.isPending} disabled={!catalogueId || !dueDate} data-testid="launch-submit">{t('assessments.launch.submit')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
