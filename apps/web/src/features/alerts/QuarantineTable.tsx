import { useState } from 'react';
import { Checkbox, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { QuarantineItem } from '@lachan/contracts';
import { QuarantineRow } from './QuarantineRow.tsx';

interface QuarantineTableProps {
  items: readonly QuarantineItem[];
  selected: ReadonlySet<string>;
  canReplay: boolean;
  onSelected: (next: Set<string>) => void;
}

/** Quarantined records with selection (open ones only) and expandable details. */
export function QuarantineTable({ items, selected, canReplay, onSelected }: QuarantineTableProps) {
  const { t } = useTranslation();
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const open = items.filter((i) => !i.replayedAt);
  const allSelected = open.length > 0 && open.every((i) => selected.has(i.id));

  const toggle = (set: ReadonlySet<string>, id: string, on: boolean) => {
    const next = new Set(set);
    if (on) next.add(id);
    else next.delete(id);
    return next;
  };

  return (
    <Table.ScrollContainer minWidth={980}>
      <Table highlightOnHover verticalSpacing={3} fz="sm" data-testid="quarantine-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={36}>
              <Checkbox
                size="xs"
                checked={allSelected}
                indeterminate={!allSelected && open.some((i) => selected.has(i.id))}
                disabled={!canReplay || open.length === 0}
                onChange={(e) => onSelected(e.currentTarget.checked ? new Set(open.map((i) => i.id)) : new Set())}
                aria-label={t('alerts.quarantine.selectAll')}
                data-testid="quarantine-select-all"
              />
            </Table.Th>
            <Table.Th w={36} />
            <Table.Th w={130}>{t('alerts.quarantine.columns.receivedAt')}</Table.Th>
            <Table.Th w={110}>{t('alerts.quarantine.columns.format')}</Table.Th>
            <Table.Th w={170}>{t('alerts.quarantine.columns.code')}</Table.Th>
            <Table.Th>{t('alerts.quarantine.columns.message')}</Table.Th>
            <Table.Th w={96} ta="right" style={{ whiteSpace: 'nowrap' }}>
              {t('alerts.quarantine.columns.attempts')}
            </Table.Th>
            <Table.Th w={170}>{t('alerts.quarantine.columns.state')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <QuarantineRow
              key={item.id}
              item={item}
              selected={selected.has(item.id)}
              selectable={canReplay && !item.replayedAt}
              expanded={expanded.has(item.id)}
              onSelect={(on) => onSelected(toggle(selected, item.id, on))}
              onToggle={() => setExpanded((prev) => toggle(prev, item.id, !prev.has(item.id)))}
            />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
