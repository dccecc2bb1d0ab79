import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { EmptyNote } from '../../components/EmptyNote.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import { alertsBehind, incidentsBehind, type BreakdownRow, type StatsDimension, type StatsFilters } from './breakdown.ts';

/** A change as a coloured percentage: more alerts red, fewer green; "new" when there were none before. */
function Change({ value, hadBefore }: { value: number | null; hadBefore: boolean }) {
  const { t } = useTranslation();
  if (value === null) return hadBefore ? null : <Badge size="xs" variant="light" color="orange">{t('statistics.table.new')}</Badge>;
  const pct = Math.round(value * 100);
  return (
    <Text size="xs" c={pct > 0 ? 'red.7' : pct < 0 ? 'teal.7' : 'dimmed'} fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
      {pct > 0 ? `+${pct}` : pct} %
    </Text>
  );
}

/** The breakdown of the chosen dimension: figures, the previous period and the change, and links to the alerts and incidents behind each row. */
export function BreakdownTable({ dimension, rows, label, filters, period, compare }: {
  dimension: StatsDimension;
  rows: BreakdownRow[];
  label: (r: BreakdownRow) => string;
  filters: StatsFilters;
  period: { from: string; to: string };
  compare: boolean;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (rows.length === 0) return <EmptyNote>{t('statistics.table.empty')}</EmptyNote>;
  const num = (n: number) => <Text size="xs" ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>{fmt.number(n)}</Text>;
  return (
    <Table.ScrollContainer minWidth={560} mah={520}>
      <Table striped highlightOnHover stickyHeader verticalSpacing={4} fz="xs" data-testid="stats-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t(`statistics.dimensions.${dimension}`)}</Table.Th>
            <Table.Th ta="right">{t('statistics.table.alerts')}</Table.Th>
            <Table.Th ta="right">{t('statistics.table.occurrences')}</Table.Th>
            {compare && <Table.Th ta="right">{t('statistics.table.previous')}</Table.Th>}
            {compare && <Table.Th ta="right">{t('statistics.table.change')}</Table.Th>}
            <Table.Th>{t('statistics.table.behind')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => {
            const incidents = incidentsBehind(dimension, r.key, filters, period);
            return (
              <Table.Tr key={r.key} data-testid="stats-row" data-key={r.key}>
                <Table.Td>{label(r)}</Table.Td>
                <Table.Td data-testid="stats-row-alerts">{num(r.alerts)}</Table.Td>
                <Table.Td>{num(r.occurrences)}</Table.Td>
                {compare && <Table.Td data-testid="stats-row-previous">{num(r.previous?.alerts ?? 0)}</Table.Td>}
                {compare && (
                  <Table.Td ta="right" data-testid="stats-row-change">
                    <Change value={r.change} hadBefore={(r.previous?.alerts ?? 0) > 0 || r.alerts === 0} />
                  </Table.Td>
                )}
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Anchor component={Link} to={alertsBehind(dimension, r.key, filters, period)} size="xs" data-testid="stats-row-alerts-link">
                      {t('statistics.table.alertsLink')}
                    </Anchor>
                    {incidents && (
                      <Anchor component={Link} to={incidents} size="xs" data-testid="stats-row-incidents-link">
                        {t('statistics.table.incidentsLink')}
                      </Anchor>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
