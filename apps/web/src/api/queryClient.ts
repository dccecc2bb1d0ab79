import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError, setCsrfToken } from './client.ts';

/**
 * The session ended (401 unauthenticated) or the CSRF token went stale: re-read /me, which shows the
 * login page if needed. A 401 answering a credential (a wrong code at the second step) leaves the session be.
 */
function onApiError(error: unknown): void {
  if (!(error instanceof ApiError)) return;
  if (error.status === 401 && error.code === 'unauthenticated') {
    setCsrfToken(null);
    queryClient.setQueryData(['me'], null);
  } else if (error.code === 'csrf_failed') {
    void queryClient.invalidateQueries({ queryKey: ['me'] });
  }
}

/** Client errors (4xx) are answers, not glitches: retrying them only delays the message. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

/** The console's one query client; live updates come from the event stream, not window focus. */
export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onApiError }),
  mutationCache: new MutationCache({ onError: onApiError }),
  defaultOptions: {
    queries: { staleTime: 30_000, retry: shouldRetry, refetchOnWindowFocus: false },
    mutations: { retry: false },
  },
});
