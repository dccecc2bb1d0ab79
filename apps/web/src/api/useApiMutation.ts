import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';

interface ApiMutationOptions<TData> {
  /** Query keys refreshed after success (the event stream would do it too, but may be down). */
  invalidate?: QueryKey[];
  /** Translated text of the success notification. */
  success?: string;
  onSuccess?: (data: TData) => void;
}

/** A TanStack mutation that refreshes the given queries and confirms success with a notification. */
export function useApiMutation<TVars, TData>(fn: (vars: TVars) => Promise<TData>, options: ApiMutationOptions<TData> = {}) {
  const queryClient = useQueryClient();
  return useMutation<TData, Error, TVars>({
    mutationFn: fn,
    onSuccess: async (data) => {
      options.onSuccess?.(data);
      if (options.success) notifications.show({ color: 'teal', message: options.success });
      await Promise.all((options.invalidate ?? []).map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    },
  });
}
