import { useState } from 'react';
import { Button, Group, NumberInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Exercise } from '@lachan/contracts';
import { useExerciseSpeed } from './exercises.api.ts';

/** Speeds a run up or down from now on. */
export function SpeedControl({ exercise }: { exercise: Exercise }) {
  const { t } = useTranslation();
  const [speed, setSpeed] = useState<number | string>(exercise.speed);
  const set = useExerciseSpeed(exercise.id);
  return (
    <Group gap={4}>
      <NumberInput size="xs" w={90} min={0.1} max={600} value={speed} onChange={setSpeed} aria-label={t('exercises.speed')} data-testid="run-speed" />
      <Button size="xs" variant="default" loading={set.isPending} onClick={() => set.mutate(Number(speed) || 1)}>{t('exercises.control.setSpeed')}</Button>
    </Group>
  );
}
