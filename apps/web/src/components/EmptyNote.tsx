import type { ReactNode } from 'react';
import { Text } from '@mantine/core';

/** Quiet text standing in for an empty list. */
export function EmptyNote({ children }: { children: ReactNode }) {
  return (
    <Text size="sm" c="dimmed" py="sm">
      {children}
    </Text>
  );
}
