import type { ReactNode } from 'react';
import { Button, Table, Text } from '@mantine/core';
import { useConfirm } from './useConfirm.tsx';

/** One column of a removable list: its header and how a row shows in it. */
export interface RemovableColumn<T> {
  header: string;
  cell: (row: T) => ReactNode;
  /** A hover hint for the cell (the raw value a short label stands for). */
  hint?: (row: T) => string | undefined;
}

interface RemovableTableProps<T extends { id: string }> {
  items: T[];
  columns: RemovableColumn<T>[];
  /** Shown instead of the table when there is no row. */
  empty: string;
  testId: string;
  rowTestId: string;
  removeLabel: string;
  /** The confirmation asked before a row goes (title and message). */
  confirm: (row: T) => { title: string; message: string };
  onRemove: (row: T) => void;
  /** The row whose removal is under way (its button spins). */
  removingId?: string | null;
  /** Shown in place of the remove button for a row that may not be removed (the current session). */
  fixed?: (row: T) => ReactNode | null;
}

/**
 * A dense list whose rows each end in a remove button that asks first: organisation links, warning
 * policies and account sessions share it.
 */
export function RemovableTable<T extends { id: string }>(p: RemovableTableProps<T>) {
  const { confirm, modal } = useConfirm();
  const ask = async (row: T) => {
    if (await confirm({ ...p.confirm(row), confirmLabel: p.removeLabel, danger: true })) p.onRemove(row);
  };
  if (p.items.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {p.empty}
      </Text>
    );
  }
  return (
    <>
      {modal}
      <Table fz="sm" verticalSpacing={4} data-testid={p.testId}>
        <Table.Thead>
          <Table.Tr>
            {p.columns.map((c) => <Table.Th key={c.header}>{c.header}</Table.Th>)}
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {p.items.map((row) => (
            <Table.Tr key={row.id} data-testid={p.rowTestId}>
              {p.columns.map((c) => <Table.Td key={c.header} title={c.hint?.(row)}>{c.cell(row)}</Table.Td>)}
              <Table.Td ta="right">
                {p.fixed?.(row) ?? (
                  <Button size="compact-xs" variant="light" color="red" onClick={() => void ask(row)} loading={p.removingId === row.id}>
                    {p.removeLabel}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
