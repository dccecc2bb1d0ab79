import type { ReactNode } from 'react';
import { Button, Center, Loader, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './ErrorAlert.tsx';

interface QueryLike<T> {
  data: T | undefined;
  error: unknown;
  isPending: boolean;
  refetch: () => unknown;
}

/** Renders loading, error (with retry) or the children given the loaded data. */
export function QueryState<T>({ query, children }: { query: QueryLike<T>; children: (data: T) => ReactNode }) {
  const { t } = useTranslation();
  if (query.data !== undefined) return <>{children(query.data)}</>;
  if (query.isPending)
    return (
      <Center py="xl" aria-busy="true">
        <Loader size="sm" aria-label={t('app.loading')} />
      </Center>
    );
  return (
    <Stack gap="xs" align="flex-start">
      <ErrorAlert error={query.error} title={t('common.loadError')} />
      <Button size="xs" variant="light" onClick={() => void query.refetch()}>
        {t('common.retry')}
      </Button>
    </Stack>
  );
}
