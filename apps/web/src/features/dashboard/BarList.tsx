import { Anchor, Box, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/useFormat.ts';
import { EmptyNote } from '../../components/EmptyNote.tsx';

/** One row of a bar list: its name, its figure and where clicking it leads. */
export interface BarRow {
  key: string;
  label: string;
  value: number;
  to: string;
  color?: string;
}

/**
 * Horizontal bars as a list of links (readable, keyboard-reachable and exact, where a canvas is not):
 * the bar's length is its share of the largest row.
 */
export function BarList({ rows, empty, testId, limit = 12 }: { rows: BarRow[]; empty: string; testId: string; limit?: number }) {
  const fmt = useFormat();
  if (rows.length === 0) return <EmptyNote>{empty}</EmptyNote>;
  const max = Math.max(1, ...rows.map((r) => r.value));
  return (
    <Stack gap={3} data-testid={testId}>
      {rows.slice(0, limit).map((r) => (
        <Anchor key={r.key} component={Link} to={r.to} underline="never" c="inherit" data-testid={`${testId}-row`} data-key={r.key} className="bar-row">
          <Group gap={6} wrap="nowrap" justify="space-between">
            <Text size="xs" truncate style={{ flex: 1 }} title={r.label}>
              {r.label}
            </Text>
            <Text size="xs" fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
              {fmt.number(r.value)}
            </Text>
          </Group>
          <Box h={5} bg="gray.1" style={{ borderRadius: 2 }}>
            <Box h={5} w={`${(r.value / max) * 100}%`} bg={r.color ?? 'indigo.5'} style={{ borderRadius: 2, minWidth: r.value > 0 ? 2 : 0 }} />
          </Box>
        </Anchor>
      ))}
    </Stack>
  );
}
