import { useState } from 'react';
import { Button, FileButton, FileInput, Group, Progress, Select, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { IconUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { IntelIntakeRun } from '@lachan/contracts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Section } from '../../components/Section.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import { useCurrentUser } from '../auth/auth.api.ts';
import { useRunsIPlay } from '../exercises/exercises.api.ts';
import { intelKeys, useAttackImport, useIntakeRun } from './intel.api.ts';
import { RunStatusBadge } from './IntakeRunsTable.tsx';
import { uploadWithProgress } from './uploadWithProgress.ts';

const mb = (n: number): string => `${(n / 1048576).toFixed(1)} MB`;

/** How far a run has gone: bytes read of the total when the server reports them, else indeterminate (counts shown). */
export function runProgress(run: IntelIntakeRun): { percent: number | null; bytes: boolean } {
  if (run.status !== 'running') return { percent: 100, bytes: false };
  if (typeof run.bytesRead === 'number' && typeof run.bytesTotal === 'number' && run.bytesTotal > 0) return { percent: Math.min(100, (100 * run.bytesRead) / run.bytesTotal), bytes: true };
  return { percent: null, bytes: false };
}

/** Upload a STIX bundle with a progress bar, then follow its intake run; plus the ATT&CK import. */
export function BundleUpload() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [sent, setSent] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [runId, setRunId] = useState<string | null>(null);
  const run = useIntakeRun(runId);
  const attack = useAttackImport(t('intel.intake.attackStarted'));
  const me = useCurrentUser();
  const mayReplaceAttack = me.permissions.includes('intel.manage');
  // A team of a run under way may add the bundle in that exercise: kept apart from real knowledge (issue 17).
  const runs = useRunsIPlay(me.permissions.includes('exercises.read'), me.org.id);
  const [exerciseId, setExerciseId] = useState<string | null>(null);
  const inExercise = exerciseId && runs.some((e) => e.id === exerciseId) ? exerciseId : null;

  const send = async () => {
    if (!file) return;
    setError(null);
    setRunId(null);
    setSent(0);
    try {
      const path = inExercise ? `/intel/bundles?exerciseId=${encodeURIComponent(inExercise)}` : '/intel/bundles';
      const res = await uploadWithProgress<{ runId: string }>(path, file, (loaded, total) => setSent(total > 0 ? (100 * loaded) / total : 0));
      setRunId(res.runId);
      await queryClient.invalidateQueries({ queryKey: intelKeys.runs });
    } catch (e) {
      setError(e);
    } finally {
      setSent(null);
    }
  };
  const r = run.data;
  const progress = r ? runProgress(r) : null;
  return (
    <Section title={t('intel.intake.upload')} testId="intel-upload">
      <Stack gap="xs">
        <Text size="xs" c="dimmed">{t('intel.intake.uploadHint')}</Text>
        <Group gap="xs" align="flex-end">
          <FileInput size="xs" w={320} accept=".json,application/json" placeholder={t('intel.intake.chooseFile')} aria-label={t('intel.intake.chooseFile')} value={file} onChange={setFile} clearable data-testid="intel-bundle-file" />
          {runs.length > 0 && (
            <Select
              size="xs"
              w={260}
              label={t('intel.intake.exercise')}
              placeholder={t('intel.intake.realKnowledge')}
              data={runs.map((e) => ({ value: e.id, label: e.title }))}
              value={inExercise}
              onChange={setExerciseId}
              clearable
              data-testid="intel-bundle-exercise"
            />
          )}
          <Button size="xs" leftSection={<IconUpload size={14} />} disabled={!file || sent !== null} loading={sent !== null} onClick={() => void send()} data-testid="intel-bundle-send">{t('intel.intake.send')}</Button>
          {mayReplaceAttack && (
            <FileButton accept=".json,application/json" onChange={(f) => f && attack.mutate(f, { onSuccess: (x) => setRunId(x.runId) })}>
              {(props) => <Button {...props} size="xs" variant="default" loading={attack.isPending} title={t('intel.intake.attackHint')}>{t('intel.intake.attack')}</Button>}
            </FileButton>
          )}
        </Group>
        {inExercise && <Text size="xs" c="orange" fw={600} data-testid="intel-bundle-exercise-note">{t('intel.intake.exerciseNote')}</Text>}
        {sent !== null && (
          <Stack gap={2}>
            <Text size="xs">{t('intel.intake.sending', { percent: Math.round(sent) })}</Text>
            <Progress value={sent} size="sm" aria-label={t('intel.intake.sending', { percent: Math.round(sent) })} data-testid="intel-upload-progress" />
          </Stack>
        )}
        {r && progress && (
          <Stack gap={2} data-testid="intel-run-progress" data-status={r.status}>
            <Group gap="xs">
              <RunStatusBadge status={r.status} />
              <Text size="xs">
                {progress.bytes ? t('intel.intake.progressBytes', { read: mb(r.bytesRead ?? 0), total: mb(r.bytesTotal ?? 0) }) : t('intel.intake.progressCounts', { received: fmt.number(r.received) })}
                {` · ${t('intel.intake.col.stored')} ${fmt.number(r.stored)} · ${t('intel.intake.col.duplicates')} ${fmt.number(r.duplicates)} · ${t('intel.intake.col.invalid')} ${fmt.number(r.invalid)}`}
              </Text>
            </Group>
            <Progress value={progress.percent ?? 100} animated={r.status === 'running'} striped={progress.percent === null} color={r.status === 'failed' ? 'red' : r.status === 'done' ? 'teal' : r.status === 'interrupted' ? 'orange' : 'blue'} size="sm" />
          </Stack>
        )}
        {Boolean(error ?? attack.error) && <ErrorAlert error={error ?? attack.error} title={t('common.loadError')} />}
      </Stack>
    </Section>
  );
}
