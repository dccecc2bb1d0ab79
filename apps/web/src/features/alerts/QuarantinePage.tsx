import { useMemo, useState } from 'react';
import { Button, CloseButton, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { EmptyNote } from '../../components/EmptyNote.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useConfirm } from '../../components/useConfirm.tsx';
import { usePermission } from '../auth/auth.api.ts';
import { useAlertSources, useQuarantine, type QuarantineState } from './alerts.api.ts';
import { QuarantineTable } from './QuarantineTable.tsx';
import { useQuarantineReplay } from './useQuarantineReplay.ts';

const STATES: readonly QuarantineState[] = ['open', 'replayed', 'all'];

/** Records that failed to parse: filter by state (and source), inspect, and replay selected or all open ones. */
export function QuarantinePage() {
  const { t } = useTranslation();
  const canReplay = usePermission('alerts.manage');
  const [params, setParams] = useSearchParams();
  const state = STATES.find((s) => s === params.get('state')) ?? 'open';
  const sourceId = params.get('sourceId');
  const query = useQuarantine({ state, sourceId });
  const items = useMemo(() => query.data?.pages.flatMap((p) => p.items) ?? [], [query.data]);
  const sourceName = useAlertSources().data?.find((s) => s.id === sourceId)?.name ?? sourceId;
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const replay = useQuarantineReplay(() => setSelected(new Set()));
  const { confirm, modal } = useConfirm();

  const setParam = (key: 'state' | 'sourceId', value: string | null) => {
    setSelected(new Set());
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (!value || (key === 'state' && value === 'open')) next.delete(key);
        else next.set(key, value);
        return next;
      },
      { replace: true },
    );
  };

  const replayAll = async () => {
    const message = sourceId ? t('alerts.quarantine.replaySourceConfirm', { name: sourceName }) : t('alerts.quarantine.replayAllConfirm');
    if (await confirm({ title: t('alerts.quarantine.replayAllTitle'), message, confirmLabel: t('alerts.quarantine.replayAll') }))
      replay.mutate(sourceId ? { sourceId } : { all: true });
  };

  return (
    <Stack gap="sm">
      <div>
        <Title order={2} size="h3">
          {t('alerts.quarantine.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('alerts.quarantine.intro')}
        </Text>
      </div>
      <Group justify="space-between" gap="xs">
        <Group gap="xs">
          <SegmentedControl
            size="xs"
            aria-label={t('alerts.quarantine.state')}
            data={STATES.map((s) => ({ value: s, label: t(`alerts.quarantine.states.${s}`) }))}
            value={state}
            onChange={(v) => setParam('state', v)}
            data-testid="quarantine-state"
          />
          {sourceId && (
            <Group gap={2} wrap="nowrap" data-testid="quarantine-source-filter">
              <Text size="xs">{t('alerts.quarantine.sourceFilter', { name: sourceName })}</Text>
              <CloseButton size="xs" onClick={() => setParam('sourceId', null)} aria-label={t('alerts.quarantine.clearSource')} />
            </Group>
          )}
        </Group>
        {canReplay && (
          <Group gap="xs">
            {selected.size > 0 && (
              <Text size="xs" c="dimmed">
                {t('alerts.quarantine.selected', { count: selected.size })}
              </Text>
            )}
            <Button size="xs" variant="light" leftSection={<IconRefresh size={14} />} disabled={selected.size === 0} loading={replay.isPending && Boolean(replay.variables?.ids)} onClick={() => replay.mutate({ ids: [...selected] })} data-testid="quarantine-replay-selected">
              {t('alerts.quarantine.replaySelected')}
            </Button>
            <Button size="xs" variant="default" loading={replay.isPending && !replay.variables?.ids} onClick={() => void replayAll()} data-testid="quarantine-replay-all">
              {t('alerts.quarantine.replayAll')}
            </Button>
          </Group>
        )}
      </Group>
      {replay.error && <ErrorAlert error={replay.error} />}
      <Paper withBorder p={0}>
        <QueryState query={query}>
          {() =>
            items.length === 0 ? (
              <Stack p="sm">
                <EmptyNote>{t('alerts.quarantine.empty')}</EmptyNote>
              </Stack>
            ) : (
              <QuarantineTable items={items} selected={selected} canReplay={canReplay} onSelected={setSelected} />
            )
          }
        </QueryState>
      </Paper>
      {query.hasNextPage && (
        <Group justify="flex-end">
          <Button size="xs" variant="light" onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>
            {t('alerts.quarantine.loadMore')}
          </Button>
        </Group>
      )}
      {modal}
    </Stack>
  );
}
