import { List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

/** The problems a refused catalogue file has: the server's list of problems, or its schema errors, or the error itself. */
export function CatalogueProblems({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const details = error instanceof ApiError ? error.details : undefined;
  const problems: string[] = Array.isArray((details as { problems?: unknown })?.problems)
    ? (details as { problems: string[] }).problems
    : Array.isArray(details) ? (details as { path?: string; message?: string }[]).map((d) => `${d.path ?? ''} ${d.message ?? ''}`.trim()) : [];
  if (!problems.length) return <ErrorAlert error={error} />;
  return (
    <Stack gap={4} data-testid="catalogue-problems">
      <Text c="red" size="sm">{t('assessments.catalogue.problems', { count: problems.length })}</Text>
      <List size="xs" c="red">{problems.slice(0, 100).map((p, i) => <List.Item key={i}>{p}</List.Item>)}</List>
    </Stack>
  );
}
