import { useEffect, useRef } from 'react';
import { Anchor, Checkbox, Group, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { IncidentSummary } from '@lachan/contracts';
import { SeverityBadge } from '../../../components/SeverityBadge.tsx';
import { useFormat } from '../../../i18n/useFormat.ts';
import { Countdown } from '../Countdown.tsx';
import { IncidentStatusBadge, SeriousBadge, TlpBadge } from '../IncidentBadges.tsx';
import { useIncidentTitle } from '../madeTitle.ts';
import { useOrgName } from '../../orgs/useOrgName.ts';

interface QueueTableProps {
  items: IncidentSummary[];
  cursorId: string | null;
  selected: ReadonlySet<string>;
  onToggle: (id: string) => void;
  onToggleAll: () => void;
  onCursor: (id: string) => void;
}

/** The queue's rows: selection, severity, reference, title, owner, status, TLP and the next reporting deadline. */
export function QueueTable({ items, cursorId, selected, onToggle, onToggleAll, onCursor }: QueueTableProps) {
  const { t } = useTranslation();
  const nameOf = useOrgName();
  const fmt = useFormat();
  const titleOf = useIncidentTitle();
  const cursorRow = useRef<HTMLTableRowElement>(null);
  // the cursor row takes the focus, so Enter opens it whatever was focused before (a nav link, say)
  useEffect(() => {
    cursorRow.current?.focus({ preventScroll: true });
    cursorRow.current?.scrollIntoView({ block: 'nearest' });
  }, [cursorId]);
  const all = items.length > 0 && items.every((i) => selected.has(i.id));
  const some = items.some((i) => selected.has(i.id));
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table highlightOnHover verticalSpacing={4} fz="sm" data-testid="incidents-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={32}>
              <Checkbox size="xs" checked={all} indeterminate={some && !all} onChange={onToggleAll} aria-label={t('incidents.bulk.selectAll')} />
            </Table.Th>
            <Table.Th w={100}>{t('incidents.columns.severity')}</Table.Th>
            <Table.Th w={88}>{t('incidents.columns.reference')}</Table.Th>
            <Table.Th>{t('incidents.columns.title')}</Table.Th>
            <Table.Th w={180}>{t('incidents.columns.org')}</Table.Th>
            <Table.Th w={112}>{t('incidents.columns.status')}</Table.Th>
            <Table.Th w={100}>TLP</Table.Th>
            <Table.Th w={140}>{t('incidents.columns.deadline')}</Table.Th>
            <Table.Th w={100}>{t('incidents.columns.updated')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((i) => {
            const isCursor = i.id === cursorId;
            return (
              <Table.Tr
                key={i.id}
                ref={isCursor ? cursorRow : undefined}
                data-testid="incident-row"
                data-incident-id={i.id}
                data-cursor={isCursor || undefined}
                tabIndex={isCursor ? 0 : -1}
                style={{ outline: 'none', cursor: 'default' }}
                bg={isCursor ? 'var(--mantine-primary-color-light)' : selected.has(i.id) ? 'var(--mantine-color-default-hover)' : undefined}
                onClick={() => onCursor(i.id)}
                aria-selected={isCursor}
              >
                <Table.Td onClick={(e) => e.stopPropagation()}>
                  <Checkbox size="xs" checked={selected.has(i.id)} onChange={() => onToggle(i.id)} aria-label={t('incidents.bulk.select', { reference: i.reference })} data-testid="incident-select" />
                </Table.Td>
                <Table.Td>
                  <SeverityBadge level={i.severity} size="xs" />
                </Table.Td>
                <Table.Td>
                  <Text size="xs" ff="monospace" data-testid="incident-reference">{i.reference}</Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Anchor component={Link} to={`/incidents/${i.id}`} size="sm" fw={500} lineClamp={2} data-testid="incident-title">
                      {titleOf(i)}
                    </Anchor>
                    {i.serious && <SeriousBadge />}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="xs" lineClamp={2}>{nameOf(i.orgId, i.orgName)}</Text>
                </Table.Td>
                <Table.Td>
                  <IncidentStatusBadge status={i.status} />
                </Table.Td>
                <Table.Td>
                  <TlpBadge tlp={i.tlp} />
                </Table.Td>
                <Table.Td>
                  <Countdown dueAt={i.nextDeadlineAt} testId="incident-deadline" />
                </Table.Td>
                <Table.Td>
                  <Text size="xs" c="dimmed">{fmt.relative(i.updatedAt)}</Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
