import { useState } from 'react';
import { Group, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EmptyNote } from '../../components/EmptyNote.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { WarningCard } from './WarningCard.tsx';
import { useWarningInbox } from './warnings.api.ts';
import { ExerciseChip, ExerciseListBanner, useExerciseParam } from './ExerciseFilter.tsx';

/** Warnings sent to my organisation, unacknowledged first as the server orders them. */
export function WarningInboxPage() {
  const { t } = useTranslation();
  const { side, on, toggle } = useExerciseParam();
  const query = useWarningInbox(true, side);
  const [open, setOpen] = useState<string | null>(null);
  return (
    <Stack gap="sm" data-testid="warning-inbox">
      <Group justify="space-between">
        <Title order={2} size="h3">
          {t('warnings.inboxTitle')}
        </Title>
        <ExerciseChip on={on} onToggle={toggle} />
      </Group>
      <ExerciseListBanner side={side} />
      <QueryState query={query}>
        {(page) =>
          page.items.length === 0 ? (
            <EmptyNote>{t('warnings.inboxEmpty')}</EmptyNote>
          ) : (
            <Stack gap={6}>
              {page.items.map((w) => (
                <WarningCard key={w.id} warning={w} open={open === w.id} onToggle={() => setOpen(open === w.id ? null : w.id)} />
              ))}
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}
