import { useEffect, useState } from 'react';
import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { EmptyNote } from '../../components/EmptyNote.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { AlertFilterBar } from './AlertFilterBar.tsx';
import { AlertStreamToolbar } from './AlertStreamToolbar.tsx';
import { AlertTable } from './AlertTable.tsx';
import { useAlertFilters } from './useAlertFilters.ts';
import { useListKeys } from '../shell/useListKeys.ts';
import { useDensity } from './useDensity.ts';
import { useLiveAlerts } from './useLiveAlerts.ts';
import { useSelection } from './alertSelection.ts';
import { AlertBulkBar } from './AlertBulkBar.tsx';
import { useCurrentUser, usePermission } from '../auth/auth.api.ts';
import { RecordExerciseBanner } from '../exercises/RecordExerciseBanner.tsx';

/**
 * The live alert stream: filters, pause (counting what arrives), density, keyboard cursor, older pages;
 * for those who work on incidents, alerts chosen (x, a checkbox, shift-click for a range) for bulk actions.
 */
export function AlertStreamPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const filters = useAlertFilters();
  const [density, setDensity] = useDensity();
  const live = useLiveAlerts(filters.query);
  const { pages, items = [] } = live;
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const open = (id: string) => void navigate(`/alerts/${id}`);
  const me = useCurrentUser();
  const canAct = usePermission('incidents.write');
  const ids = items.map((a) => a.id);
  const selection = useSelection(ids);

  useListKeys({
    ids, cursorId: selectedId, onMove: setSelectedId, onOpen: open,
    keys: { p: () => live.togglePause(), ...(canAct ? { x: (id: string | null) => id && selection.toggle(id) } : {}) },
  });
  useEffect(() => {
    if (selectedId) document.querySelector(`[data-alert-id="${selectedId}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [selectedId]);

  return (
    <Stack gap="sm" data-testid="alert-stream" data-paused={live.paused}>
      <Group justify="space-between" align="flex-end">
        <Title order={2} size="h3">
          {t('alerts.title')}
        </Title>
        <AlertStreamToolbar paused={live.paused} newCount={live.newCount} density={density} onTogglePause={live.togglePause} onDensity={setDensity} />
      </Group>
      <AlertFilterBar filters={filters} />
      <RecordExerciseBanner exerciseId={filters.query.exerciseId} list />
      {filters.query.exercise && !filters.query.exerciseId && (
        <Alert color="orange" variant="filled" py={6} role="status" data-testid="exercise-list-banner">
          <Text size="sm" fw={600}>{t('alerts.exerciseBanner')}</Text>
        </Alert>
      )}
      {canAct && selection.chosen.length > 0 && <AlertBulkBar ids={selection.chosen} onDone={selection.clear} />}
      <Paper withBorder p={0}>
        <QueryState query={pages}>
          {() =>
            items.length === 0 ? (
              <Stack p="sm">
                <EmptyNote>{filters.narrowing ? t('alerts.noMatch') : t('alerts.empty')}</EmptyNote>
              </Stack>
            ) : (
              <AlertTable
                items={items} fresh={live.fresh} selectedId={selectedId} density={density} onSelect={setSelectedId} onOpen={open} meId={me.id}
                selection={canAct ? { selected: selection.selected, onToggle: selection.toggle, onToggleAll: selection.toggleAll } : undefined}
              />
            )
          }
        </QueryState>
      </Paper>
      {pages.isFetchNextPageError && <ErrorAlert error={pages.error} />}
      <Group justify="space-between">
        <Text size="xs" c="dimmed">
          {t('alerts.shown', { count: items.length })} · {canAct ? t('alerts.keysHintSelect') : t('alerts.keysHint')}
        </Text>
        {pages.hasNextPage ? (
          <Button size="xs" variant="light" onClick={() => void pages.fetchNextPage()} loading={pages.isFetchingNextPage} data-testid="alert-load-older">
            {t('alerts.loadOlder')}
          </Button>
        ) : (
          items.length > 0 && (
            <Text size="xs" c="dimmed">
              {t('alerts.allLoaded')}
            </Text>
          )
        )}
      </Group>
    </Stack>
  );
}
