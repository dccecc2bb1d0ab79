import { Anchor, Group, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Exercise, Permission } from '@lachan/contracts';
import { useCurrentUser } from '../auth/auth.api.ts';

type Target = { key: 'alerts' | 'incidents' | 'warnings' | 'knowledge'; path: string; permission: Permission };

/** Where one exercise's records are listed: the white team reads the warnings it issued, a team its inbox. */
function targets(e: Exercise): Target[] {
  const q = `?exerciseId=${encodeURIComponent(e.id)}`;
  return [
    { key: 'alerts', path: `/alerts${q}`, permission: 'alerts.read' },
    { key: 'incidents', path: `/incidents${q}`, permission: 'incidents.read' },
    e.role === 'white'
      ? { key: 'warnings', path: `/warnings${q}`, permission: 'warnings.read' }
      : { key: 'warnings', path: `/warnings/inbox${q}`, permission: 'warnings.ack' },
    // a team reads the run's knowledge while it is under way only (as the server decides)
    ...(e.role === 'white' || e.status === 'running' || e.status === 'paused' ? [{ key: 'knowledge', path: `/intel${q}`, permission: 'intel.read' } as const] : []),
  ];
}

/** Links to the lists of this exercise's alerts, incidents, warnings and knowledge (each filtered to it), as far as the user may open them. */
export function ExerciseRecordLinks({ exercise }: { exercise: Exercise }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const shown = targets(exercise).filter((x) => me.permissions.includes(x.permission));
  if (!shown.length) return null;
  return (
    <Group gap="sm" data-testid="exercise-record-links">
      <Text size="sm" c="dimmed">{t('exercises.records.title')}</Text>
      {shown.map((x) => (
        <Anchor key={x.key} component={Link} to={x.path} size="sm" data-testid={`exercise-records-${x.key}`}>{t(`exercises.records.${x.key}`)}</Anchor>
      ))}
    </Group>
  );
}
