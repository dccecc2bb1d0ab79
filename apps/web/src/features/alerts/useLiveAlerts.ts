import { useCallback, useMemo, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { StreamEvent } from '@lachan/contracts';
import { useStreamEvents } from '../stream/StreamProvider.tsx';
import { alertKeys, useAlertPages, type AlertFilters } from './alerts.api.ts';
import { useFreshRows } from './freshRows.ts';

/** Payload of an `alerts.ingested` event: one organisation's share of a batch, with the first summaries. */
interface IngestedData {
  count: number;
  exerciseId?: string;
  alerts: { severity: number; rsitClass: string | null; new: boolean }[];
}

/**
 * New alerts an event announces that the stream would show. Only severity and class can be checked
 * from the summary; alerts beyond the summaries the event carries are counted as new.
 */
export function countNewAlerts(event: StreamEvent, filters: AlertFilters): number {
  if (event.type !== 'alerts.ingested') return 0;
  const data = event.data as IngestedData;
  if (!data || !Array.isArray(data.alerts)) return 0;
  // an exercise's alerts are counted in the exercise view only (one exercise's in its own), real ones in the real stream only
  if (filters.exerciseId ? data.exerciseId !== filters.exerciseId : Boolean(data.exerciseId) !== Boolean(filters.exercise)) return 0;
  const listed = data.alerts.filter((a) => a.new && (!filters.severity || a.severity >= filters.severity) && (!filters.rsitClass || a.rsitClass === filters.rsitClass));
  return listed.length + Math.max(0, (data.count ?? 0) - data.alerts.length);
}

/**
 * The live alert list. While paused the query is switched off, so live refreshes leave the table still
 * and incoming alerts are only counted; resuming refetches.
 */
export function useLiveAlerts(filters: AlertFilters) {
  const queryClient = useQueryClient();
  const [paused, setPaused] = useState(false);
  const [newCount, setNewCount] = useState(0);
  // a filter changed while paused still has to load once
  const cached = queryClient.getQueryData(alertKeys.list(filters)) !== undefined;
  const pages = useAlertPages(filters, !paused || !cached);
  const items = useMemo(() => pages.data?.pages.flatMap((p) => p.items), [pages.data]);
  const fresh = useFreshRows(items, JSON.stringify(filters));

  useStreamEvents((event) => {
    if (paused) setNewCount((n) => n + countNewAlerts(event, filters));
  });

  const { refetch } = pages;
  const togglePause = useCallback(() => {
    if (!paused) {
      setPaused(true);
      return;
    }
    setPaused(false);
    setNewCount(0);
    void refetch();
  }, [paused, refetch]);

  return { pages, items, fresh, paused, newCount, togglePause };
}
