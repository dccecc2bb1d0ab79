import { useCallback } from 'react';
import { Alert, Badge, Chip, Text } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';

/**
 * `?exercise=true` in the address: the warnings of exercises instead of real ones (issue 17), the
 * same convention as the incident queue, so a view can be shared.
 */
export function useExerciseParam(): [boolean, () => void] {
  const [params, setParams] = useSearchParams();
  const on = params.get('exercise') === 'true';
  const toggle = useCallback(
    () =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (next.get('exercise') === 'true') next.delete('exercise');
          else next.set('exercise', 'true');
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return [on, toggle];
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

/** The banner over a list of exercise warnings. */
export function ExerciseListBanner() {
  const { t } = useTranslation();
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
