import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { EVENT_TYPES, type StreamEvent } from '@lachan/contracts';
import { createInvalidationBatch } from './invalidationBatch.ts';
import { parseStreamEvent, queryKeysFor } from './streamInvalidation.ts';

export type StreamState = 'connected' | 'disconnected';

const STREAM_URL = '/api/v1/stream';
const MAX_BACKOFF_MS = 30_000;

/**
 * Keeps one EventSource open while signed in, refreshes the queries each event touches (gathered over a
 * short window) and hands each event to `publish` for pages that follow the stream themselves.
 * The browser reconnects by itself (resending Last-Event-ID); only when it gives up (stream closed,
 * e.g. a 401 or 5xx answer) do we open a new one, then refetch everything since events may be missed.
 */
export function useEventStream(meId: string, publish?: (event: StreamEvent) => void): StreamState {
  const queryClient = useQueryClient();
  const [state, setState] = useState<StreamState>('disconnected');

  useEffect(() => {
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let attempts = 0;
    let stopped = false;
    const batch = createInvalidationBatch(queryClient);

    const onEvent = (message: MessageEvent) => {
      const event = parseStreamEvent(message.data);
      if (!event) return;
      batch.add(queryKeysFor(event, meId));
      publish?.(event);
    };

    const open = (reopened: boolean) => {
      const es = new EventSource(STREAM_URL);
      source = es;
      es.onopen = () => {
        attempts = 0;
        setState('connected');
        if (reopened) void queryClient.invalidateQueries();
      };
      es.onerror = () => {
        setState('disconnected');
        if (es.readyState !== EventSource.CLOSED || stopped) return;
        es.close();
        // the session may have ended: re-reading /me sends a signed-out user back to the login page
        void queryClient.invalidateQueries({ queryKey: ['me'] });
        const delay = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** attempts++);
        timer = setTimeout(() => open(true), delay);
      };
      for (const type of [...EVENT_TYPES, 'message']) es.addEventListener(type, onEvent);
    };

    open(false);
    return () => {
      stopped = true;
      clearTimeout(timer);
      batch.dispose();
      source?.close();
      setState('disconnected');
    };
  }, [queryClient, meId, publish]);

  return state;
}
