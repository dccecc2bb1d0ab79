import type { ReactNode } from 'react';
import { Paper, Stack, Table } from '@mantine/core';
import { EmptyNote } from './EmptyNote.tsx';
import { QueryState } from './QueryState.tsx';

interface PageQuery<T> {
  data: { items: T[] } | undefined;
  error: unknown;
  isPending: boolean;
  refetch: () => unknown;
}

/** A framed, dense list table: loading and error states, an empty note, then the header and rows. */
export function ListTable<T>(props: { query: PageQuery<T>; empty: string; testId: string; minWidth?: number; head: ReactNode; children: (items: T[]) => ReactNode }) {
  return (
    <Paper withBorder p={0}>
      <QueryState query={props.query}>
        {(page) =>
          page.items.length === 0 ? (
            <Stack p="sm">
              <EmptyNote>{props.empty}</EmptyNote>
            </Stack>
          ) : (
            <Table.ScrollContainer minWidth={props.minWidth ?? 900}>
              <Table striped highlightOnHover verticalSpacing={4} fz="sm" data-testid={props.testId}>
                <Table.Thead>
                  <Table.Tr>{props.head}</Table.Tr>
                </Table.Thead>
                <Table.Tbody>{props.children(page.items)}</Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryState>
    </Paper>
  );
}
