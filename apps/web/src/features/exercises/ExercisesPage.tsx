import { useState } from 'react';
import { Anchor, Badge, Button, FileButton, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ScenarioDocument, ScenarioSummary } from '@lachan/contracts';
import { ListTable } from '../../components/ListTable.tsx';
import { Section } from '../../components/Section.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { usePermission } from '../auth/auth.api.ts';
import { apiUrl } from '../../api/client.ts';
import { useExercises, useImportScenario, useScenarios } from './exercises.api.ts';
import { STATUS_COLOR, usePick } from './labels.ts';
import { ScheduleModal } from './ScheduleModal.tsx';

/** Exercises the user runs or plays in; for organisers, the scenarios (templates and their own) to import, export and schedule. */
export function ExercisesPage() {
  const { t } = useTranslation();
  const pick = usePick();
  const organiser = usePermission('exercises.manage');
  const runs = useExercises();
  const scenarios = useScenarios(organiser);
  const [scheduling, setScheduling] = useState<ScenarioSummary | null>(null);
  const navigate = useNavigate();
  const importer = useImportScenario(t('exercises.imported'));
  const [fileError, setFileError] = useState<string | null>(null);
  const importFile = async (file: File | null) => {
    if (!file) return;
    setFileError(null);
    try {
      const doc = JSON.parse(await file.text()) as ScenarioDocument;
      importer.mutate(doc, { onSuccess: (s) => void navigate(`/exercises/scenarios/${s.id}`) });
    } catch {
      setFileError(t('exercises.badJson'));
    }
  };
  return (
    <Stack gap="md">
      <Title order={2} size="h3">{t('exercises.title')}</Title>
      <Section title={t('exercises.runs')}>
        <ListTable
          query={runs}
          empty={t('exercises.noRuns')}
          testId="exercises-table"
          head={
            <>
              <Table.Th>{t('exercises.col.title')}</Table.Th>
              <Table.Th w={140}>{t('exercises.col.status')}</Table.Th>
              <Table.Th w={150}>{t('exercises.col.role')}</Table.Th>
              <Table.Th w={80} ta="right">{t('exercises.col.teams')}</Table.Th>
              <Table.Th w={260}>{t('exercises.col.time')}</Table.Th>
            </>
          }
        >
          {(items) => items.map((e) => (
            <Table.Tr key={e.id} data-testid="exercise-row">
              <Table.Td><Anchor component={Link} to={`/exercises/${e.id}`} size="sm" fw={500}>{e.title}</Anchor></Table.Td>
              <Table.Td><Badge color={STATUS_COLOR[e.status]} variant="light">{t(`exercises.status.${e.status}`)}</Badge></Table.Td>
              <Table.Td>{t(`exercises.role.${e.role}`)}</Table.Td>
              <Table.Td ta="right">{e.teams.length}</Table.Td>
              <Table.Td><Text size="xs">{t('exercises.elapsed', { elapsed: Math.floor(e.elapsedMinutes), total: e.durationMinutes, speed: e.speed })}</Text></Table.Td>
            </Table.Tr>
          ))}
        </ListTable>
      </Section>
      {organiser && (
        <Section title={t('exercises.scenarios')}>
          <Stack gap="xs">
            <Group>
              <FileButton onChange={(f) => void importFile(f)} accept="application/json">
                {(props) => <Button {...props} size="xs" variant="light" loading={importer.isPending} data-testid="scenario-import">{t('exercises.importFile')}</Button>}
              </FileButton>
            </Group>
            {fileError && <Text c="red" size="sm">{fileError}</Text>}
            {importer.error && <ErrorAlert error={importer.error} />}
            <ListTable
              query={scenarios}
              empty={t('common.nothingFound')}
              testId="scenarios-table"
              head={
                <>
                  <Table.Th>{t('exercises.col.title')}</Table.Th>
                  <Table.Th w={90} ta="right">{t('exercises.col.injects')}</Table.Th>
                  <Table.Th w={90} ta="right">{t('exercises.col.points')}</Table.Th>
                  <Table.Th w={110}>{t('exercises.col.duration')}</Table.Th>
                  <Table.Th w={300}>{t('common.actions')}</Table.Th>
                </>
              }
            >
              {(items) => items.map((s) => (
                <Table.Tr key={s.id} data-testid="scenario-row" data-key={s.key}>
                  <Table.Td>
                    <Group gap={6}>
                      <Anchor component={Link} to={`/exercises/scenarios/${s.id}`} size="sm" fw={500}>{pick(s.title)}</Anchor>
                      {s.template && <Badge size="xs" variant="outline">{t('exercises.template')}</Badge>}
                    </Group>
                    <Text size="xs" c="dimmed" lineClamp={1}>{pick(s.summary)}</Text>
                  </Table.Td>
                  <Table.Td ta="right">{s.injects}</Table.Td>
                  <Table.Td ta="right">{s.points}</Table.Td>
                  <Table.Td>{t('exercises.minutes', { n: s.durationMinutes })}</Table.Td>
                  <Table.Td>
                    <Group gap="xs">
                      <Button size="compact-xs" onClick={() => setScheduling(s)} data-testid="scenario-schedule">{t('exercises.schedule')}</Button>
                      <Button size="compact-xs" variant="default" component="a" href={apiUrl(`/exercises/scenarios/${s.id}/export`)} download={`lachan-scenario-${s.key}.json`}>
                        {t('exercises.export')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </ListTable>
          </Stack>
        </Section>
      )}
      {scheduling && <ScheduleModal scenario={scheduling} onClose={() => setScheduling(null)} />}
    </Stack>
  );
}
