import { useMemo, useState } from 'react';
import { Alert, Button, Group, Kbd, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { EmptyNote } from '../../../components/EmptyNote.tsx';
import { QueryState } from '../../../components/QueryState.tsx';
import { usePermission } from '../../auth/auth.api.ts';
import { RecordExerciseBanner } from '../../exercises/RecordExerciseBanner.tsx';
import { useIncidentQueue } from '../incidents.api.ts';
import { BulkBar } from './BulkBar.tsx';
import { QueueFilterBar } from './QueueFilterBar.tsx';
import { QueueTable } from './QueueTable.tsx';
import { SavedViewsMenu } from './SavedViewsMenu.tsx';
import { SupportInbox } from './SupportInbox.tsx';
import { useQueueFilters } from './useQueueFilters.ts';
import { useLoadOnView } from './useLoadOnView.ts';
import { useListKeys } from '../../shell/useListKeys.ts';

/** The incident queue: filters, saved views, selection with bulk actions, j/k/Enter/x keys, keyset paging. */
export function IncidentsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canWrite = usePermission('incidents.write');
  const filters = useQueueFilters();
  const query = useIncidentQueue(filters.filters);
  const items = useMemo(() => query.data?.pages.flatMap((p) => p.items) ?? [], [query.data]);
  const ids = useMemo(() => items.map((i) => i.id), [items]);
  const [cursorId, setCursorId] = useState<string | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const toggle = (id: string) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const toggleAll = () => setSelected((prev) => (ids.every((id) => prev.has(id)) ? new Set() : new Set(ids)));
  useListKeys({ ids, cursorId, onMove: setCursorId, onOpen: (id) => void navigate(`/incidents/${id}`), keys: { x: (id) => id && toggle(id) } });
  const chosen = ids.filter((id) => selected.has(id));
  const more = useLoadOnView<HTMLDivElement>(() => void query.fetchNextPage(), Boolean(query.hasNextPage) && !query.isFetchingNextPage);

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end" wrap="nowrap">
        <div>
          <Title order={2} size="h3">{t('incidents.title')}</Title>
          <Text size="sm" c="dimmed">{t('incidents.intro')}</Text>
        </div>
        <Group gap="xs" wrap="nowrap">
          <SavedViewsMenu search={filters.search} onApply={filters.apply} />
          {canWrite && (
            <Button size="xs" component={Link} to="/incidents/new" leftSection={<IconPlus size={14} />} data-testid="incident-new">
              {t('incidents.report.open')}
            </Button>
          )}
        </Group>
      </Group>
      {canWrite && <SupportInbox />}
      <QueueFilterBar filters={filters} />
      <RecordExerciseBanner exerciseId={filters.filters.exerciseId} list />
      {filters.filters.exercise && !filters.filters.exerciseId && (
        <Alert color="orange" variant="filled" py={6} role="status" data-testid="exercise-list-banner">
          <Text size="sm" fw={600}>{t('incidents.exerciseBanner')}</Text>
        </Alert>
      )}
      {canWrite && chosen.length > 0 && <BulkBar ids={chosen} incidents={items.filter((i) => selected.has(i.id))} onDone={() => setSelected(new Set())} />}
      <Paper withBorder p={0}>
        <QueryState query={query}>
          {() =>
            items.length === 0 ? (
              <Stack p="sm">
                <EmptyNote>{filters.narrowing ? t('incidents.emptyFiltered') : t('incidents.empty')}</EmptyNote>
              </Stack>
            ) : (
              <QueueTable items={items} cursorId={cursorId} selected={selected} onToggle={toggle} onToggleAll={toggleAll} onCursor={setCursorId} />
            )
          }
        </QueryState>
      </Paper>
      <Group justify="space-between" ref={more}>
        <Group gap={6}>
          <Kbd size="xs">j</Kbd>
          <Kbd size="xs">k</Kbd>
          <Text size="xs" c="dimmed">{t('incidents.keys.move')}</Text>
          <Kbd size="xs">Enter</Kbd>
          <Text size="xs" c="dimmed">{t('incidents.keys.open')}</Text>
          <Kbd size="xs">x</Kbd>
          <Text size="xs" c="dimmed">{t('incidents.keys.select')}</Text>
        </Group>
        {query.hasNextPage && (
          <Button size="xs" variant="light" loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()} data-testid="incidents-more">
            {t('incidents.loadMore')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
