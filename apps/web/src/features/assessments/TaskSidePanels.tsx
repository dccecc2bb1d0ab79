import { useState } from 'react';
import { Button, Group, Paper, Table, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AssessmentTask } from '@lachan/contracts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import { OrgPicker, useOrgDirectory } from '../orgs/index.ts';
import { useAssignAssessor, useReopenTask, useSubmitTask, useVersions } from './assessments.api.ts';

/** The independent assessor: who it is, and for the owner's administrators a picker to assign it. */
export function AssessorPanel({ task, mayAssign }: { task: AssessmentTask; mayAssign: boolean }) {
  const { t } = useTranslation();
  const directory = useOrgDirectory();
  const [orgId, setOrgId] = useState<string | null>(task.assessorOrgId);
  const assign = useAssignAssessor(task.id, t('assessments.task.assessorAssigned'));
  const name = directory.data?.items.find((o) => o.id === task.assessorOrgId)?.name;
  return (
    <Paper withBorder p="sm" data-testid="assessor-panel">
      <Title order={3} size="h6" mb={4}>{t('assessments.task.assessor')}</Title>
      <Text size="sm" mb="xs" data-testid="assessor-name">{name ?? (task.assessorOrgId ? '…' : t('assessments.task.noAssessor'))}</Text>
      {mayAssign && task.status === 'open' && (
        <Group gap="xs" align="flex-end">
          <OrgPicker size="xs" value={orgId} onChange={setOrgId} exclude={new Set([task.orgId])} testId="assessor-picker" />
          <Button size="xs" disabled={!orgId || orgId === task.assessorOrgId} loading={assign.isPending} onClick={() => orgId && assign.mutate(orgId)} data-testid="assessor-assign">
            {t('assessments.task.assign')}
          </Button>
        </Group>
      )}
      {assign.error && <ErrorAlert error={assign.error} />}
    </Paper>
  );
}

/** Signing and submitting (what still blocks it is listed), or reopening a submitted assessment. */
export function SubmitPanel({ task }: { task: AssessmentTask }) {
  const { t } = useTranslation();
  const [signature, setSignature] = useState('');
  const submit = useSubmitTask(task.id, t('assessments.task.submitted'));
  const reopen = useReopenTask(task.id, t('assessments.task.reopened'));
  const blockers = [
    !task.assessorOrgId && t('assessments.task.blockAssessor'),
    task.answered < task.applicable && t('assessments.task.blockUnanswered', { count: task.applicable - task.answered }),
    task.confirmed < task.answered && t('assessments.task.blockUnconfirmed', { count: task.answered - task.confirmed }),
  ].filter((b): b is string => Boolean(b));
  if (task.status === 'submitted') {
    return (
      <Paper withBorder p="sm" data-testid="submit-panel">
        <Text size="sm" mb="xs" data-testid="submitted-note">{t('assessments.task.readOnly', { version: task.version, by: task.signedBy ?? '' })}</Text>
        <Button size="xs" variant="light" loading={reopen.isPending} onClick={() => reopen.mutate(undefined)} data-testid="task-reopen">{t('assessments.task.reopen')}</Button>
        {reopen.error && <ErrorAlert error={reopen.error} />}
      </Paper>
    );
  }
  return (
    <Paper withBorder p="sm" data-testid="submit-panel">
      <Title order={3} size="h6" mb={4}>{t('assessments.task.signTitle')}</Title>
      {blockers.map((b) => <Text key={b} size="xs" c="orange">{b}</Text>)}
      <form onSubmit={(e) => { e.preventDefault(); submit.mutate(signature.trim()); }}>
        <Group gap="xs" align="flex-end" mt="xs">
          <TextInput size="xs" style={{ flex: 1 }} label={t('assessments.task.signature')} placeholder={t('assessments.task.signatureHint')} value={signature} onChange={(e) => setSignature(e.currentTarget.value)} minLength={3} required data-testid="task-signature" />
          <Button size="xs" type="submit" disabled={blockers.length > 0 || signature.trim().length < 3} loading={submit.isPending} data-testid="task-submit">{t('assessments.task.submit')}</Button>
        </Group>
      </form>
      {submit.error && <ErrorAlert error={submit.error} />}
    </Paper>
  );
}

/** Submitted versions, each signed and kept read-only. */
export function VersionsPanel({ task }: { task: AssessmentTask }) {
  const { t } = useTranslation();
  const f = useFormat();
  const versions = useVersions(task.id, task.version > 0);
  if (task.version === 0) return null;
  return (
    <Paper withBorder p="sm" data-testid="versions-panel">
      <Title order={3} size="h6" mb={4}>{t('assessments.task.versions')}</Title>
      <Table fz="xs" verticalSpacing={2}>
        <Table.Tbody>
          {(versions.data ?? []).map((v) => {
            const c = (v.content as { task?: Partial<AssessmentTask> } | null)?.task;
            return (
              <Table.Tr key={v.version} data-testid="version-row">
                <Table.Td w={40}>v{v.version}</Table.Td>
                <Table.Td>{v.signedBy}</Table.Td>
                <Table.Td>{f.dateTime(v.submittedAt)}</Table.Td>
                <Table.Td>{c ? t('assessments.task.versionTally', { met: c.met ?? 0, partly: c.partly ?? 0, notMet: c.notMet ?? 0, na: c.notApplicable ?? 0 }) : ''}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {versions.error && <ErrorAlert error={versions.error} />}
    </Paper>
  );
}

/** Whether the user's organisation is the assessor or one of its units (the orgs above stay on the owner's side). */
export function useIsAssessor(task: AssessmentTask | undefined, myOrgId: string): boolean {
  const directory = useOrgDirectory();
  if (!task?.assessorOrgId) return false;
  const parents = new Map((directory.data?.items ?? []).map((o) => [o.id, o.parentId]));
  for (let id: string | null | undefined = myOrgId, hops = 0; id && hops < 20; id = parents.get(id), hops++) if (id === task.assessorOrgId) return true;
  return false;
}
