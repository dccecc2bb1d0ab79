import { Alert, Anchor, Group, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { usePermission } from '../auth/auth.api.ts';
import { useVisibleExercise } from './exercises.api.ts';

/**
 * The banner on a record that belongs to an exercise (an incident, an alert, a warning): names the
 * exercise and links to it when the reader may see the exercise; otherwise says only that the record
 * is an exercise's, so that it is never taken for a real one. Renders nothing for a real record.
 */
export function RecordExerciseBanner({ exerciseId }: { exerciseId: string | null | undefined }) {
  if (!exerciseId) return null;
  return <ExerciseRecordBanner exerciseId={exerciseId} />;
}

function ExerciseRecordBanner({ exerciseId }: { exerciseId: string }) {
  const { t } = useTranslation();
  const may = usePermission('exercises.read');
  const visible = useVisibleExercise(exerciseId, may).data;
  const exercise = may ? visible : undefined;
  return (
    <Alert color="orange" variant="filled" py={6} role="status" data-testid="record-exercise-banner" data-exercise-id={exerciseId}>
      <Group gap="sm" justify="space-between" wrap="nowrap">
        <Text size="sm" fw={600}>{exercise ? t('exercises.banner', { title: exercise.title }) : t('exercises.recordBanner')}</Text>
        {exercise && (
          <Anchor component={Link} to={`/exercises/${exercise.id}`} c="white" size="sm" fw={600} data-testid="record-exercise-link">
            {t('exercises.bannerLink')}
          </Anchor>
        )}
      </Group>
    </Alert>
  );
}
