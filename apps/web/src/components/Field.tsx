import type { ReactNode } from 'react';
import { Stack, Text } from '@mantine/core';

/** A labelled value of a summary card; an empty value shows a dash. */
export function Field({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Stack gap={0} data-testid={testId}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children || '—'}
      </Text>
    </Stack>
  );
}
