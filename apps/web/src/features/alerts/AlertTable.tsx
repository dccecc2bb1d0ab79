import { Anchor, Badge, Checkbox, Group, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AlertSummary } from '@lachan/contracts';
import { SeverityBadge } from '../../components/SeverityBadge.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import { useNow } from '../../lib/useNow.ts';
import { FORMAT_LABELS, useRsitLabel } from './alertLabels.ts';
import type { Density } from './useDensity.ts';
import { useOrgName } from '../orgs/useOrgName.ts';

interface AlertTableProps {
  items: readonly AlertSummary[];
  fresh: ReadonlySet<string>;
  selectedId: string | null;
  density: Density;
  onSelect: (id: string) => void;
  onOpen: (id: string) => void;
  /** Rows chosen for a bulk action (absent: the reader may not act on alerts). */
  selection?: { selected: ReadonlySet<string>; onToggle: (id: string, shift: boolean) => void; onToggleAll: () => void };
  /** The reader, to mark the alerts given to them. */
  meId?: string;
}

const mono = { fontFamily: 'var(--mantine-font-family-monospace)' };

/** "src → dst" with ports left out: the detail page has them. */
function flowOf(a: AlertSummary): string {
  if (!a.srcIp && !a.dstIp) return '—';
  return `${a.srcIp ?? '?'} → ${a.dstIp ?? '?'}`;
}

/** A false-positive verdict or an owner, as small marks after the title. */
function TriageMarks({ alert: a, meId }: { alert: AlertSummary; meId?: string }) {
  const { t } = useTranslation();
  if (!a.falsePositive && !a.assigneeUserId) return null;
  return (
    <Group gap={4} wrap="nowrap">
      {a.falsePositive && (
        <Badge size="xs" color="gray" variant="outline" title={t('alerts.falsePositive.by', { by: a.falsePositive.by, reason: a.falsePositive.reason })} data-testid="alert-false-positive">
          {t('alerts.falsePositive.badge')}
        </Badge>
      )}
      {a.assigneeUserId && (
        <Badge size="xs" color="blue" variant="light" data-testid="alert-assigned">
          {a.assigneeUserId === meId ? t('alerts.assigned.me') : t('alerts.assigned.other')}
        </Badge>
      )}
    </Group>
  );
}

/** The dense alert table: one line per alert, the cursor row marked, fresh rows flashing once; chosen rows for bulk actions. */
export function AlertTable({ items, fresh, selectedId, density, onSelect, onOpen, selection, meId }: AlertTableProps) {
  const { t } = useTranslation();
  const nameOf = useOrgName();
  const fmt = useFormat();
  const now = useNow(60_000);
  const rsitLabel = useRsitLabel();
  const compact = density === 'compact';
  const all = items.length > 0 && selection !== undefined && items.every((a) => selection.selected.has(a.id));
  const some = selection !== undefined && items.some((a) => selection.selected.has(a.id));
  return (
    <Table.ScrollContainer minWidth={960}>
      <Table striped highlightOnHover verticalSpacing={compact ? 2 : 5} horizontalSpacing="xs" fz={compact ? 'xs' : 'sm'} styles={{ th: { whiteSpace: 'nowrap' } }} data-testid="alert-table">
        <Table.Thead>
          <Table.Tr>
            {selection && (
              <Table.Th w={32}>
                <Checkbox size="xs" checked={all} indeterminate={some && !all} onChange={selection.onToggleAll} aria-label={t('alerts.selectAll')} data-testid="alert-select-all" />
              </Table.Th>
            )}
            <Table.Th>{t('alerts.columns.time')}</Table.Th>
            <Table.Th>{t('alerts.columns.severity')}</Table.Th>
            <Table.Th>{t('alerts.columns.title')}</Table.Th>
            <Table.Th>{t('alerts.columns.org')}</Table.Th>
            <Table.Th>{t('alerts.columns.rsitClass')}</Table.Th>
            <Table.Th>{t('alerts.columns.flow')}</Table.Th>
            <Table.Th ta="right">{t('alerts.columns.occurrences')}</Table.Th>
            <Table.Th>{t('alerts.columns.format')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((a) => (
            <Table.Tr
              key={a.id}
              className={fresh.has(a.id) ? 'alert-row alert-row-fresh' : 'alert-row'}
              data-testid="alert-row"
              data-alert-id={a.id}
              data-selected={a.id === selectedId || undefined}
              data-chosen={selection?.selected.has(a.id) || undefined}
              aria-selected={a.id === selectedId}
              // shift-click chooses the range from the last chosen row; a plain click moves the cursor
              onClick={(e) => (e.shiftKey && selection ? selection.onToggle(a.id, true) : onSelect(a.id))}
              onDoubleClick={() => onOpen(a.id)}
            >
              {selection && (
                <Table.Td onClick={(e) => e.stopPropagation()}>
                  <Checkbox
                    size="xs"
                    checked={selection.selected.has(a.id)}
                    onChange={() => {}}
                    onClick={(e) => selection.onToggle(a.id, e.shiftKey)}
                    aria-label={t('alerts.select', { title: a.title })}
                    data-testid="alert-select"
                  />
                </Table.Td>
              )}
              <Table.Td fz="xs" style={{ ...mono, whiteSpace: 'nowrap' }} title={fmt.dateTime(a.lastSeen)}>
                {fmt.timeOfDay(a.lastSeen, now)}
              </Table.Td>
              <Table.Td style={{ minWidth: 100 }}>
                <SeverityBadge level={a.severity} size="xs" />
              </Table.Td>
              {/* maxWidth 0 lets the title take the room left and truncate, rather than push other columns */}
              <Table.Td style={{ maxWidth: 0, minWidth: 160 }}>
                {a.exerciseId && (
                  <Badge size="xs" color="orange" variant="filled" data-testid="alert-exercise-badge">
                    {t('alerts.exerciseBadge')}
                  </Badge>
                )}
                <Anchor component={Link} to={`/alerts/${a.id}`} size={compact ? 'xs' : 'sm'} c="inherit" fw={500} truncate="end" display="block" title={a.title}>
                  {a.title}
                </Anchor>
                {!compact && (
                  <Text size="xs" c="dimmed" truncate="end">
                    {[a.product, a.ruleId && `#${a.ruleId}`, a.assetHostname].filter(Boolean).join(' · ') || '—'}
                  </Text>
                )}
                <TriageMarks alert={a} meId={meId} />
              </Table.Td>
              <Table.Td style={{ maxWidth: 170 }}>
                <Text size={compact ? 'xs' : 'sm'} truncate="end" c={a.attributed ? undefined : 'dimmed'} title={a.attributed ? nameOf(a.orgId, a.orgName) : `${nameOf(a.orgId, a.orgName)} — ${t('alerts.unattributed')}`}>
                  {nameOf(a.orgId, a.orgName)}
                </Text>
              </Table.Td>
              <Table.Td style={{ maxWidth: 150 }}>
                <Text size={compact ? 'xs' : 'sm'} truncate="end" title={a.rsitType ?? undefined}>
                  {rsitLabel(a.rsitClass)}
                </Text>
              </Table.Td>
              <Table.Td fz="xs" style={{ ...mono, whiteSpace: 'nowrap' }}>
                {flowOf(a)}
              </Table.Td>
              <Table.Td ta="right" style={{ ...mono, whiteSpace: 'nowrap' }} c={a.occurrences > 1 ? undefined : 'dimmed'}>
                ×{fmt.number(a.occurrences)}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{FORMAT_LABELS[a.format]}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
