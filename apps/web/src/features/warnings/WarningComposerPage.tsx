import { useEffect, useState } from 'react';
import { Button, Checkbox, Grid, Group, MultiSelect, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { TLP_LEVELS, type Tlp } from '@lachan/contracts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useConfirm } from '../../components/useConfirm.tsx';
import { useOrgDirectory } from '../orgs/orgs.api.ts';
import { useOrgLabels } from '../orgs/useOrgLabels.ts';
import { bodyOf, EMPTY_FORM, formOf, targetingOf, type ComposerForm } from './composerForm.ts';
import { RecipientPreviewCard } from './RecipientPreviewCard.tsx';
import { useDebouncedPreview } from './useDebouncedPreview.ts';
import { useDiscardWarning, useIssueWarning, useSaveWarning, useWarning } from './warnings.api.ts';
import { useOrgName } from '../orgs/useOrgName.ts';

/** New warning (/warnings/new) or a draft reopened (/warnings/:id/edit). */
export function WarningComposerPage() {
  const { id } = useParams();
  const existing = useWarning(id ?? '');
  if (id && !existing.data) return existing.error ? <ErrorAlert error={existing.error} /> : null;
  return <WarningComposer key={id ?? 'new'} id={id ?? null} initial={existing.data ? formOf(existing.data) : EMPTY_FORM} />;
}

/** The bilingual form beside the live recipient preview; Ctrl+S saves the draft. */
function WarningComposer({ id: initialId, initial }: { id: string | null; initial: ComposerForm }) {
  const { t } = useTranslation();
  const nameOf = useOrgName();
  const navigate = useNavigate();
  const labels = useOrgLabels();
  const orgs = useOrgDirectory();
  const [form, setForm] = useState(initial);
  const [id, setId] = useState(initialId);
  const save = useSaveWarning();
  const issue = useIssueWarning(t('warnings.form.issued'));
  const discard = useDiscardWarning(t('warnings.form.discarded'));
  const { confirm, modal } = useConfirm();
  const preview = useDebouncedPreview(targetingOf(form));
  const set = <K extends keyof ComposerForm>(key: K) => (value: ComposerForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const text = (key: 'titleVi' | 'titleEn' | 'bodyVi' | 'bodyEn' | 'actionsVi' | 'actionsEn' | 'indicators' | 'cves' | 'references' | 'keywords' | 'validFrom' | 'validUntil') => ({
    value: form[key],
    onChange: (e: { currentTarget: { value: string } }) => set(key)(e.currentTarget.value),
  });

  const saveDraft = async () => {
    const saved = await save.mutateAsync({ id, body: bodyOf(form) });
    setId(saved.id);
    return saved.id;
  };
  const onSave = async () => {
    await saveDraft();
    notifications.show({ color: 'teal', message: t('warnings.form.saved') });
  };
  const onIssue = async () => {
    const count = preview.data?.count ?? 0;
    if (!(await confirm({ title: t('warnings.form.issue'), message: t('warnings.form.issueConfirm', { count }), confirmLabel: t('warnings.form.issue') }))) return;
    const saved = await saveDraft();
    await issue.mutateAsync(saved);
    void navigate(`/warnings/${saved}/delivery`);
  };
  const onDiscard = async () => {
    if (!id || !(await confirm({ title: t('warnings.form.discard'), message: t('warnings.form.discardConfirm'), confirmLabel: t('warnings.form.discard') }))) return;
    await discard.mutateAsync(id);
    void navigate('/warnings');
  };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key === 's') {
        e.preventDefault();
        void onSave().catch(() => undefined);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const orgOptions = (orgs.data?.items ?? []).map((o) => ({ value: o.id, label: nameOf(o.id, o.name) }));
  return (
    <Stack gap="sm" data-testid="warning-composer">
      {modal}
      <Title order={2} size="h3">
        {t('warnings.editTitle')}
      </Title>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="xs">
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xs">
              <TextInput size="xs" required label={t('warnings.form.titleVi')} name="titleVi" {...text('titleVi')} />
              <TextInput size="xs" required label={t('warnings.form.titleEn')} name="titleEn" {...text('titleEn')} />
              <Textarea size="xs" required autosize minRows={4} label={t('warnings.form.bodyVi')} name="bodyVi" {...text('bodyVi')} />
              <Textarea size="xs" required autosize minRows={4} label={t('warnings.form.bodyEn')} name="bodyEn" {...text('bodyEn')} />
            </SimpleGrid>
            <Group gap="md" align="flex-end">
              <Stack gap={2}>
                <Text size="xs" fw={500}>
                  {t('warnings.form.severity')}
                </Text>
                <SegmentedControl size="xs" value={String(form.severity)} onChange={(v) => set('severity')(Number(v))} data={[1, 2, 3, 4].map((l) => ({ value: String(l), label: t(`severity.${(['low', 'medium', 'high', 'critical'] as const)[l - 1]!}`) }))} />
              </Stack>
              <Select size="xs" w={160} label={t('warnings.form.tlp')} value={form.tlp} onChange={(v) => v && set('tlp')(v as Tlp)} data={[...TLP_LEVELS]} allowDeselect={false} />
              <TextInput size="xs" type="datetime-local" label={t('warnings.form.validFrom')} {...text('validFrom')} />
              <TextInput size="xs" type="datetime-local" label={t('warnings.form.validUntil')} {...text('validUntil')} />
            </Group>
            <Text size="sm" fw={600} mt={4}>
              {t('warnings.form.targeting')}{' '}
              <Text span size="xs" c="dimmed" fw={400}>
                {t('warnings.form.targetingHint')}
              </Text>
            </Text>
            <SimpleGrid cols={{ base: 1, md: 3 }} spacing="xs">
              <MultiSelect size="xs" searchable clearable label={t('warnings.form.sectors')} data={labels.sectorOptions} value={form.sectors} onChange={set('sectors')} data-testid="target-sectors" />
              <MultiSelect size="xs" searchable clearable label={t('warnings.form.provinces')} data={labels.provinceOptions} value={form.provinces} onChange={set('provinces')} data-testid="target-provinces" />
              <MultiSelect size="xs" searchable clearable limit={50} label={t('warnings.form.orgs')} data={orgOptions} value={form.orgIds} onChange={set('orgIds')} data-testid="target-orgs" />
              <MultiSelect size="xs" clearable label={t('warnings.form.securityLevels')} data={['1', '2', '3', '4', '5'].map((l) => ({ value: l, label: t('warnings.form.level', { level: l }) }))} value={form.securityLevels} onChange={set('securityLevels')} data-testid="target-levels" />
              <Checkbox size="xs" mt="lg" label={t('warnings.form.criticalOnly')} checked={form.criticalOnly} onChange={(e) => set('criticalOnly')(e.currentTarget.checked)} data-testid="target-critical" />
              <Textarea size="xs" autosize minRows={1} label={t('warnings.form.keywords')} description={t('warnings.form.keywordsHint')} name="keywords" {...text('keywords')} />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xs">
              <Textarea size="xs" autosize minRows={2} label={t('warnings.form.actions')} {...text('actionsVi')} />
              <Textarea size="xs" autosize minRows={2} label={t('warnings.form.actionsEn')} {...text('actionsEn')} />
              <Textarea size="xs" autosize minRows={2} label={t('warnings.form.indicators')} {...text('indicators')} />
              <Textarea size="xs" autosize minRows={2} label={t('warnings.form.cves')} description={t('warnings.form.cvesHint')} name="cves" {...text('cves')} />
              <Textarea size="xs" autosize minRows={1} label={t('warnings.form.references')} description={t('warnings.form.referencesHint')} name="references" {...text('references')} />
            </SimpleGrid>
            {(save.error ?? issue.error ?? discard.error) ? <ErrorAlert error={save.error ?? issue.error ?? discard.error} /> : null}
            <Group gap="xs">
              <Button size="xs" variant="default" onClick={() => void onSave().catch(() => undefined)} loading={save.isPending} data-testid="warning-save">
                {t('warnings.form.saveDraft')}
              </Button>
              <Button size="xs" color="red" onClick={() => void onIssue().catch(() => undefined)} loading={issue.isPending} data-testid="warning-issue">
                {t('warnings.form.issue')}
              </Button>
              {id ? (
                <Button size="xs" variant="subtle" color="gray" onClick={() => void onDiscard().catch(() => undefined)} loading={discard.isPending} data-testid="warning-discard">
                  {t('warnings.form.discard')}
                </Button>
              ) : null}
            </Group>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <RecipientPreviewCard preview={preview} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
