import type { QueryClient, QueryKey } from '@tanstack/react-query';

/** How long invalidations are gathered before one refresh: a burst of alert batches costs one refetch, not fifty. */
export const INVALIDATION_WINDOW_MS = 400;

/**
 * Gathers query keys and invalidates each once per window. Without it, a busy alert stream would
 * cancel and restart the same list request on every event and never let it finish.
 */
export function createInvalidationBatch(queryClient: QueryClient, windowMs = INVALIDATION_WINDOW_MS) {
  const pending = new Map<string, QueryKey>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const flush = () => {
    timer = undefined;
    const keys = [...pending.values()];
    pending.clear();
    for (const queryKey of keys) void queryClient.invalidateQueries({ queryKey });
  };

  return {
    add(keys: readonly QueryKey[]) {
      for (const key of keys) pending.set(JSON.stringify(key), key);
      if (pending.size > 0 && timer === undefined) timer = setTimeout(flush, windowMs);
    },
    dispose() {
      clearTimeout(timer);
      timer = undefined;
      pending.clear();
    },
  };
}
