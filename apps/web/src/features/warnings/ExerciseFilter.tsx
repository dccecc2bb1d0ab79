import { useCallback, useMemo } from 'react';
import { Alert, Badge, Chip, Text } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { RecordExerciseBanner } from '../exercises/RecordExerciseBanner.tsx';
import type { ExerciseSide } from './warnings.api.ts';

const isUuid = (v: string | null): v is string => !!v && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);

/**
 * `?exercise=true` in the address: the warnings of exercises instead of real ones (issue 17), the
 * same convention as the incident queue, so a view can be shared; `?exerciseId=` those of one exercise.
 * Toggling off returns to the real warnings.
 */
export function useExerciseParam(): { side: ExerciseSide; on: boolean; toggle: () => void } {
  const [params, setParams] = useSearchParams();
  const exerciseId = params.get('exerciseId');
  const exercise = params.get('exercise') === 'true';
  const side = useMemo<ExerciseSide>(() => (isUuid(exerciseId) ? { exerciseId } : exercise ? { exercise: true } : {}), [exerciseId, exercise]);
  const on = side.exercise === true || side.exerciseId !== undefined;
  const toggle = useCallback(
    () =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (on) {
            next.delete('exercise');
            next.delete('exerciseId');
          } else next.set('exercise', 'true');
          return next;
        },
        { replace: true },
      ),
    [setParams, on],
  );
  return { side, on, toggle };
}

/** The "Exercise" filter chip of a warnings list. */
export function ExerciseChip({ on, onToggle }: { on: boolean; onToggle: () => void }) {
  const { t } = useTranslation();
  return (
    <Chip size="xs" checked={on} onChange={onToggle} color="orange" data-testid="warning-filter-exercise">
      {t('warnings.exercise.filter')}
    </Chip>
  );
}

/** The banner over a list of exercise warnings: naming the exercise when the list is one exercise's. */
export function ExerciseListBanner({ side }: { side: ExerciseSide }) {
  const { t } = useTranslation();
  if (side.exerciseId) return <RecordExerciseBanner exerciseId={side.exerciseId} list />;
  if (!side.exercise) return null;
  return (
    <Alert color="orange" variant="filled" py={6} role="status" data-testid="exercise-list-banner">
      <Text size="sm" fw={600}>{t('warnings.exercise.banner')}</Text>
    </Alert>
  );
}

/** The mark on a warning that belongs to an exercise. */
export function ExerciseBadge() {
  const { t } = useTranslation();
  return (
    <Badge size="xs" color="orange" variant="filled" data-testid="warning-exercise-badge">
      {t('warnings.exercise.badge')}
    </Badge>
  );
}
