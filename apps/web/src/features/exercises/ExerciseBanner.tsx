import { Alert, Anchor, Group, Text } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Exercise } from '@lachan/contracts';
import { usePermission } from '../auth/auth.api.ts';
import { useExercises } from './exercises.api.ts';

/** The exercise banner: on every page while the user's team plays, and on every page of an exercise. */
export function ExerciseBanner({ exercise }: { exercise?: Exercise }) {
  const { t } = useTranslation();
  const may = usePermission('exercises.read');
  const onExercisePage = useLocation().pathname.startsWith('/exercises/');
  const list = useExercises(may && !exercise);
  const live = exercise ? [exercise] : (list.data?.items ?? []).filter((e) => e.role === 'team' && (e.status === 'running' || e.status === 'paused'));
  if (!live.length || (!exercise && onExercisePage)) return null;
  return (
    <>
      {live.map((e) => (
        <Alert key={e.id} color="orange" variant="filled" radius={0} mb="sm" py={6} data-testid="exercise-banner" role="status">
          <Group gap="sm" justify="space-between" wrap="nowrap">
            <Text size="sm" fw={600}>{t('exercises.banner', { title: e.title })}</Text>
            {!exercise && <Anchor component={Link} to={`/exercises/${e.id}`} c="white" size="sm" fw={600}>{t('exercises.bannerLink')}</Anchor>}
          </Group>
        </Alert>
      ))}
    </>
  );
}
