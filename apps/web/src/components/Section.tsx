import type { ReactNode } from 'react';
import { Group, Paper, Title } from '@mantine/core';

/** A titled card of a detail page, with optional actions on the right. */
export function Section({ title, actions, children, testId }: { title: string; actions?: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <Paper withBorder p="sm" data-testid={testId}>
      <Group justify="space-between" mb="xs" gap="xs">
        <Title order={3} size="h5">
          {title}
        </Title>
        {actions && <Group gap={4}>{actions}</Group>}
      </Group>
      {children}
    </Paper>
  );
}
