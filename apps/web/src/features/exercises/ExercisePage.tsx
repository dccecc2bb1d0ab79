import { Anchor, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Exercise } from '@lachan/contracts';
import { QueryState } from '../../components/QueryState.tsx';
import { useConfirm } from '../../components/useConfirm.tsx';
import { useCurrentUser } from '../auth/auth.api.ts';
import { useExercise, useExerciseControl } from './exercises.api.ts';
import { ExerciseBanner } from './ExerciseBanner.tsx';
import { STATUS_COLOR } from './labels.ts';
import { Scoreboard } from './Scoreboard.tsx';
import { TeamInbox } from './TeamInbox.tsx';
import { ManualInjectForm } from './ManualInjectForm.tsx';
import { SpeedControl } from './SpeedControl.tsx';
import { ExerciseRecordLinks } from './ExerciseRecordLinks.tsx';

/** One exercise: the white team's run control and live scoreboard, or a team's view of what reached it. */
export function ExercisePage() {
  const { id = '' } = useParams();
  const query = useExercise(id);
  return <QueryState query={query}>{(e) => <ExerciseView exercise={e} />}</QueryState>;
}

function ExerciseView({ exercise: e }: { exercise: Exercise }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const control = useExerciseControl(e.id);
  const { confirm, modal } = useConfirm();
  const white = e.role === 'white';
  const myTeam = e.teams.find((x) => x.orgId === me.org.id)?.orgId ?? e.teams[0]?.orgId ?? null;
  const act = (a: 'start' | 'pause' | 'resume' | 'end' | 'replay') => () => control.mutate(a);
  return (
    <Stack gap="sm">
      {modal}
      <ExerciseBanner exercise={e} />
      <Group justify="space-between">
        <Stack gap={0}>
          <Title order={2} size="h3">{e.title}</Title>
          <Text size="sm" c="dimmed" data-testid="exercise-clock">{t('exercises.elapsed', { elapsed: Math.floor(e.elapsedMinutes), total: e.durationMinutes, speed: e.speed })}</Text>
        </Stack>
        <Badge size="lg" color={STATUS_COLOR[e.status]} data-testid="exercise-status">{t(`exercises.status.${e.status}`)}</Badge>
      </Group>
      <ExerciseRecordLinks exercise={e} />
      {white && (
        <Group gap="xs" data-testid="run-control">
          {e.status === 'scheduled' && <Button size="xs" onClick={act('start')} loading={control.isPending} data-testid="run-start">{t('exercises.control.start')}</Button>}
          {e.status === 'running' && <Button size="xs" variant="light" onClick={act('pause')} data-testid="run-pause">{t('exercises.control.pause')}</Button>}
          {e.status === 'paused' && <Button size="xs" onClick={act('resume')} data-testid="run-resume">{t('exercises.control.resume')}</Button>}
          {e.status !== 'ended' && (
            <Button size="xs" color="red" variant="light" data-testid="run-end" onClick={() => void confirm({ title: t('exercises.control.end'), message: t('exercises.confirmEnd'), confirmLabel: t('exercises.control.end'), danger: true }).then((ok) => ok && control.mutate('end'))}>
              {t('exercises.control.end')}
            </Button>
          )}
          {e.status === 'ended' && <Button size="xs" variant="light" onClick={act('replay')} data-testid="run-replay">{t('exercises.control.replay')}</Button>}
          {e.status !== 'ended' && <SpeedControl exercise={e} />}
        </Group>
      )}
      {white ? <Scoreboard exercise={e} /> : myTeam && <TeamInbox exerciseId={e.id} orgId={myTeam} />}
      {!white && e.status === 'ended' && myTeam && (
        <Anchor component={Link} to={`/exercises/${e.id}/teams/${myTeam}/report`} data-testid="team-report-link">{t('exercises.report')}</Anchor>
      )}
      {white && e.status !== 'ended' && <ManualInjectForm exercise={e} />}
    </Stack>
  );
}
