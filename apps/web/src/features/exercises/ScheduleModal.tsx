import { useMemo, useState } from 'react';
import { Button, Group, Modal, MultiSelect, NumberInput, Stack, TextInput } from '@mantine/core';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ScenarioSummary } from '@lachan/contracts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useOrgDirectory } from '../orgs/orgs.api.ts';
import { foldedFilter } from '../orgs/OrgPicker.tsx';
import { useScheduleExercise } from './exercises.api.ts';
import { usePick } from './labels.ts';

/** Schedules a run of a scenario: teams (organisations the user manages), speed, optional start time. */
export function ScheduleModal({ scenario, onClose }: { scenario: ScenarioSummary; onClose: () => void }) {
  const { t } = useTranslation();
  const pick = usePick();
  const navigate = useNavigate();
  const directory = useOrgDirectory();
  const options = useMemo(() => (directory.data?.items ?? []).filter((o) => o.status === 'active').map((o) => ({ value: o.id, label: o.name })), [directory.data]);
  const [teams, setTeams] = useState<string[]>([]);
  const [speed, setSpeed] = useState<number | string>(1);
  const [title, setTitle] = useState(pick(scenario.title));
  const schedule = useScheduleExercise((e) => void navigate(`/exercises/${e.id}`));
  return (
    <Modal opened onClose={onClose} title={t('exercises.scheduleTitle', { title: pick(scenario.title) })} size="lg">
      <Stack gap="sm">
        <TextInput label={t('exercises.col.title')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
        <MultiSelect label={t('exercises.teams')} data={options} value={teams} onChange={setTeams} searchable filter={foldedFilter} limit={200} data-testid="schedule-teams"
          comboboxProps={{ withinPortal: true }} />
        <NumberInput label={t('exercises.speed')} value={speed} onChange={setSpeed} min={0.1} max={600} data-testid="schedule-speed" />
        {schedule.error && <ErrorAlert error={schedule.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
          <Button disabled={!teams.length} loading={schedule.isPending} data-testid="schedule-submit"
            onClick={() => schedule.mutate({ scenarioId: scenario.id, teamOrgIds: teams, speed: Number(speed) || 1, title: title.trim() || undefined })}>
            {t('exercises.schedule')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
