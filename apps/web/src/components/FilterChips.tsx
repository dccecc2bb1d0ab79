import { CloseButton, Group, Pill } from '@mantine/core';

/** A filter a list received from a link (a statistics drill-down) that has no control of its own on the page. */
export interface FilterChip {
  key: string;
  label: string;
  onRemove: () => void;
}

/** The linked filters in force, each removable. */
export function FilterChips({ chips, removeLabel }: { chips: FilterChip[]; removeLabel: string }) {
  if (chips.length === 0) return null;
  return (
    <Group gap={6} data-testid="filter-chips">
      {chips.map((c) => (
        <Pill key={c.key} size="md" data-testid={`filter-chip-${c.key}`}>
          <Group gap={2} wrap="nowrap" component="span">
            {c.label}
            <CloseButton size="xs" aria-label={`${removeLabel}: ${c.label}`} onClick={c.onRemove} />
          </Group>
        </Pill>
      ))}
    </Group>
  );
}
