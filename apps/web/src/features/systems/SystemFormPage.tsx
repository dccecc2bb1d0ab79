import { useState } from 'react';
import { Button, Checkbox, Group, MultiSelect, NumberInput, Paper, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { SYSTEM_DATA_CLASSES, SYSTEM_FUNCTION_TYPES, type InformationSystem, type SystemCreate } from '@lachan/contracts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { OrgPicker, useAssets } from '../orgs/index.ts';
import { useCurrentUser } from '../auth/auth.api.ts';
import { ClassificationGuide } from './ClassificationGuide.tsx';
import { useCreateSystem, useSystem, useSystems, useUpdateSystem } from './systems.api.ts';
import { useOrgName } from '../orgs/useOrgName.ts';

type Draft = Omit<SystemCreate, 'approval'> & { approvalNumber: string; approvalDate: string; approver: string };

const fromSystem = (s: InformationSystem): Draft => ({
  orgId: s.orgId, name: s.name, description: s.description, operatorOrgId: s.operatorOrgId, operatorName: s.operatorName, functionType: s.functionType,
  dataClasses: s.dataClasses, usersServed: s.usersServed, securityLevel: s.securityLevel, critical: s.critical, assetIds: s.assets.map((a) => a.id),
  dependsOn: s.dependsOn.map((d) => d.id), approvalNumber: s.approval?.number ?? '', approvalDate: s.approval?.date ?? '', approver: s.approval?.approver ?? '',
});

/** The body the API takes: the approval only when all three parts are given. */
function toBody(d: Draft): SystemCreate {
  const { approvalNumber, approvalDate, approver, ...rest } = d;
  const approval = approvalNumber.trim() && approvalDate && approver.trim() ? { number: approvalNumber.trim(), date: approvalDate, approver: approver.trim() } : null;
  return { ...rest, description: rest.description?.trim() || null, operatorName: rest.operatorName?.trim() || null, approval };
}

/** Every Decree 85 field of a system; the guide proposes the level. */
function SystemForm({ initial, existing }: { initial: Draft; existing?: InformationSystem }) {
  const { t } = useTranslation();
  const nameOf = useOrgName();
  const navigate = useNavigate();
  const [d, setD] = useState<Draft>(initial);
  const [guide, setGuide] = useState(false);
  const set = (patch: Partial<Draft>) => setD((x) => ({ ...x, ...patch }));
  const assets = useAssets(d.orgId);
  const systems = useSystems({});
  const done = (s: InformationSystem) => void navigate(`/systems/${s.id}`);
  const create = useCreateSystem(done);
  const update = useUpdateSystem(existing?.id ?? '', done);
  const mutation = existing ? update : create;
  const partialApproval = [d.approvalNumber.trim(), d.approvalDate, d.approver.trim()].filter(Boolean).length;
  const submit = () => {
    const body = toBody(d);
    if (existing) {
      // the patch leaves the owner out
      const patch: Omit<SystemCreate, 'orgId'> & { orgId?: string } = { ...body };
      delete patch.orgId;
      update.mutate({ ...patch, name: patch.name, functionType: patch.functionType, dataClasses: patch.dataClasses, description: patch.description ?? null, operatorOrgId: patch.operatorOrgId ?? null, operatorName: patch.operatorName ?? null,
        usersServed: patch.usersServed ?? null, securityLevel: patch.securityLevel ?? null, approval: patch.approval ?? null, critical: patch.critical ?? false,
        assetIds: patch.assetIds ?? [], dependsOn: patch.dependsOn ?? [] });
    } else create.mutate(body);
  };
  return (
    <form onSubmit={(e) => { e.preventDefault(); submit(); }} data-testid="system-form">
      <Stack gap="sm">
        <Paper withBorder p="sm">
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
            {existing ? (
              // the owner is fixed once registered
              <TextInput label={t('systems.field.owner')} value={nameOf(existing.orgId, existing.orgName)} readOnly />
            ) : (
              <OrgPicker label={t('systems.field.owner')} value={d.orgId} onChange={(v) => v && set({ orgId: v, assetIds: [] })} required clearable={false} testId="system-owner" />
            )}
            <TextInput label={t('systems.field.name')} value={d.name} onChange={(e) => set({ name: e.currentTarget.value })} required minLength={2} maxLength={300} data-testid="system-name" />
            <OrgPicker label={t('systems.field.operatorOrg')} value={d.operatorOrgId ?? null} onChange={(v) => set({ operatorOrgId: v })} testId="system-operator-org" />
            <TextInput label={t('systems.field.operatorName')} value={d.operatorName ?? ''} onChange={(e) => set({ operatorName: e.currentTarget.value })} maxLength={300} />
            <Select label={t('systems.field.functionType')} data={SYSTEM_FUNCTION_TYPES.map((f) => ({ value: f, label: t(`systems.functionType.${f}`) }))} value={d.functionType}
              onChange={(v) => v && set({ functionType: v as Draft['functionType'] })} allowDeselect={false} required data-testid="system-function" />
            <MultiSelect label={t('systems.field.dataClasses')} data={SYSTEM_DATA_CLASSES.map((c) => ({ value: c, label: t(`systems.dataClass.${c}`) }))} value={d.dataClasses}
              onChange={(v) => set({ dataClasses: v as Draft['dataClasses'] })} data-testid="system-data-classes" />
            <NumberInput label={t('systems.field.usersServed')} min={0} value={d.usersServed ?? ''} onChange={(v) => set({ usersServed: typeof v === 'number' ? v : null })} thousandSeparator="." decimalSeparator="," />
            <Textarea label={t('systems.field.description')} value={d.description ?? ''} onChange={(e) => set({ description: e.currentTarget.value })} autosize minRows={1} maxLength={4000} />
          </SimpleGrid>
        </Paper>
        <Paper withBorder p="sm">
          <Title order={3} size="h5" mb="xs">{t('systems.section.level')}</Title>
          <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
            <Group gap="xs" align="flex-end" wrap="nowrap">
              <Select label={t('systems.field.level')} data={['1', '2', '3', '4', '5'].map((l) => ({ value: l, label: t('systems.levelN', { n: l }) }))} value={d.securityLevel ? String(d.securityLevel) : null}
                onChange={(v) => set({ securityLevel: v ? Number(v) : null })} clearable placeholder={t('systems.unclassified')} data-testid="system-level" />
              <Button variant="light" onClick={() => setGuide(true)} data-testid="open-guide">{t('systems.guide.open')}</Button>
            </Group>
            <Checkbox mt="lg" label={t('systems.field.critical')} checked={d.critical ?? false} onChange={(e) => set({ critical: e.currentTarget.checked })} data-testid="system-critical" />
            <div />
            <TextInput label={t('systems.field.approvalNumber')} value={d.approvalNumber} onChange={(e) => set({ approvalNumber: e.currentTarget.value })} maxLength={100} data-testid="system-approval-number" />
            <TextInput type="date" label={t('systems.field.approvalDate')} value={d.approvalDate} onChange={(e) => set({ approvalDate: e.currentTarget.value })} data-testid="system-approval-date" />
            <TextInput label={t('systems.field.approver')} value={d.approver} onChange={(e) => set({ approver: e.currentTarget.value })} maxLength={300} data-testid="system-approver" />
          </SimpleGrid>
          {partialApproval > 0 && partialApproval < 3 && <Text c="red" size="xs" mt={4}>{t('systems.approvalIncomplete')}</Text>}
        </Paper>
        <Paper withBorder p="sm">
          <Title order={3} size="h5" mb="xs">{t('systems.section.assets')}</Title>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
            <MultiSelect label={t('systems.field.assets')} description={t('systems.field.assetsHint')} searchable data={(assets.data ?? []).map((a) => ({ value: a.id, label: `${a.value} (${a.kind})` }))}
              value={d.assetIds ?? []} onChange={(v) => set({ assetIds: v })} nothingFoundMessage={t('systems.noAssets')} data-testid="system-assets" />
            <MultiSelect label={t('systems.field.dependsOn')} searchable data={(systems.data?.items ?? []).filter((s) => s.id !== existing?.id).map((s) => ({ value: s.id, label: `${s.name} — ${nameOf(s.orgId, s.orgName)}` }))}
              value={d.dependsOn ?? []} onChange={(v) => set({ dependsOn: v })} data-testid="system-depends" />
          </SimpleGrid>
        </Paper>
        {mutation.error && <ErrorAlert error={mutation.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => void navigate(existing ? `/systems/${existing.id}` : '/systems')}>{t('common.cancel')}</Button>
          <Button type="submit" loading={mutation.isPending} disabled={partialApproval > 0 && partialApproval < 3} data-testid="system-save">{existing ? t('common.save') : t('common.create')}</Button>
        </Group>
      </Stack>
      {guide && (
        <ClassificationGuide initial={{ functionType: d.functionType, dataClasses: d.dataClasses }} onClose={() => setGuide(false)}
          onApply={(r) => { set({ securityLevel: r.level, critical: (d.critical ?? false) || r.criticalSuggested }); setGuide(false); }} />
      )}
    </form>
  );
}

/** /systems/new and /systems/:id/edit. */
export function SystemFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const me = useCurrentUser();
  return (
    <Stack gap="md">
      <Title order={2} size="h3">{id ? t('systems.editTitle') : t('systems.createTitle')}</Title>
      {id ? <EditLoader id={id} /> : (
        <SystemForm initial={{ orgId: me.org.id, name: '', functionType: 'internal_operations', dataClasses: [], critical: false, assetIds: [], dependsOn: [], approvalNumber: '', approvalDate: '', approver: '' }} />
      )}
    </Stack>
  );
}

function EditLoader({ id }: { id: string }) {
  const system = useSystem(id);
  return <QueryState query={system}>{(s) => <SystemForm initial={fromSystem(s)} existing={s} />}</QueryState>;
}
