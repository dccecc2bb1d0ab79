import { Alert, Anchor, Group, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { usePermission } from '../auth/auth.api.ts';
import { useVisibleExercise } from './exercises.api.ts';

/**
 * The banner on a record that belongs to an exercise (an incident, an alert, a warning): names the
 * exercise and links to it when the reader may see the exercise; otherwise says only that the record
 * is an exercise's, so that it is never taken for a real one. Renders nothing for a real record.
 * `list`: worded for a list of one exercise's records.
 */
export function RecordExerciseBanner({ exerciseId, list = false }: { exerciseId: string | null | undefined; list?: boolean }) {
  if (!exerciseId) return null;
  return <ExerciseRecordBanner exerciseId={exerciseId} list={list} />;
}

function ExerciseRecordBanner({ exerciseId, list }: { exerciseId: string; list: boolean }) {
  const { t } = useTranslation();
  const may = usePermission('exercises.read');
  const visible = useVisibleExercise(exerciseId, may).data;
  const exercise = may ? visible : undefined;
  return (
    <Alert color="orange" variant="filled" py={6} role="status" data-testid="record-exercise-banner" data-exercise-id={exerciseId}>
      <Group gap="sm" justify="space-between" wrap="nowrap">
        <Text size="sm" fw={600}>
          {exercise ? t(list ? 'exercises.listBannerOf' : 'exercises.recordBannerOf', { title: exercise.title }) : t(list ? 'exercises.listBanner' : 'exercises.recordBanner')}
        </Text>
        {exercise && (
          <Anchor component={Link} to={`/exercises/${exercise.id}`} c="white" size="sm" fw={600} data-testid="record-exercise-link">
            {t('exercises.bannerLink')}
          </Anchor>
        )}
      </Group>
    </Alert>
  );
}
