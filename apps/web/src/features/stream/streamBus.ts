import type { StreamEvent } from '@lachan/contracts';

export type StreamListener = (event: StreamEvent) => void;

/** Hands every live event to the pages listening (e.g. the alert stream counting new alerts while paused). */
export interface StreamBus {
  publish: (event: StreamEvent) => void;
  subscribe: (listener: StreamListener) => () => void;
}

/** A bus with no memory: listeners hear only events published after they subscribe. */
export function createStreamBus(): StreamBus {
  const listeners = new Set<StreamListener>();
  return {
    publish: (event) => {
      for (const listener of listeners) listener(event);
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
