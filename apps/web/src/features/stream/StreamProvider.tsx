import { createContext, use, type ReactNode } from 'react';
import { useCurrentUser } from '../auth/auth.api.ts';
import { useEventStream, type StreamState } from './useEventStream.ts';

const StreamContext = createContext<StreamState>('disconnected');

/** Opens the live event stream for the signed-in user and shares its connection state. */
export function StreamProvider({ children }: { children: ReactNode }) {
  const me = useCurrentUser();
  const state = useEventStream(me.id);
  return <StreamContext value={state}>{children}</StreamContext>;
}

/** Whether the live event stream is connected. */
export function useStreamState(): StreamState {
  return use(StreamContext);
}
