import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useStreamEvents } from '../stream/StreamProvider.tsx';
import { statsKeys } from './dashboard.api.ts';

/** Alert batches reach the roll-ups a moment after their event: refresh once per window, at its end. */
const REFRESH_EVERY_MS = 3_000;

/** Refreshes the statistics at most every few seconds while alerts arrive, so live counters move. */
export function useLiveRefresh(): Date {
  const queryClient = useQueryClient();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const [refreshedAt, setRefreshedAt] = useState(() => new Date());
  useStreamEvents((event) => {
    // Live batches and archives loaded as history both move the figures (the latter on past days).
    if ((event.type !== 'alerts.ingested' && event.type !== 'alerts.imported') || timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      void queryClient.invalidateQueries({ queryKey: statsKeys.all }).then(() => setRefreshedAt(new Date()));
    }, REFRESH_EVERY_MS);
  });
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  return refreshedAt;
}
