import { createContext, use, useEffect, useRef, useState, type ReactNode } from 'react';
import type { StreamEvent } from '@lachan/contracts';
import { useCurrentUser } from '../auth/auth.api.ts';
import { createStreamBus, type StreamBus } from './streamBus.ts';
import { useEventStream, type StreamState } from './useEventStream.ts';

const StreamContext = createContext<StreamState>('disconnected');
const BusContext = createContext<StreamBus>(createStreamBus());

/** Opens the live event stream for the signed-in user and shares its connection state and events. */
export function StreamProvider({ children }: { children: ReactNode }) {
  const me = useCurrentUser();
  const [bus] = useState(createStreamBus);
  const state = useEventStream(me.id, bus.publish);
  return (
    <StreamContext value={state}>
      <BusContext value={bus}>{children}</BusContext>
    </StreamContext>
  );
}

/** Whether the live event stream is connected. */
export function useStreamState(): StreamState {
  return use(StreamContext);
}

/** Calls `listener` for each live event while the component is mounted (the latest listener, no resubscribing). */
export function useStreamEvents(listener: (event: StreamEvent) => void): void {
  const bus = use(BusContext);
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => bus.subscribe((event) => latest.current(event)), [bus]);
}
