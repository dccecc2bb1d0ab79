import { Badge, Table, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { IntelIntakeRun } from '@lachan/contracts';
import { ListTable } from '../../components/ListTable.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import { useIntakeRuns } from './intel.api.ts';

const COLORS = { running: 'blue', done: 'teal', failed: 'red', interrupted: 'orange' } as const;

/** The status of an intake run as a badge. */
export function RunStatusBadge({ status }: { status: IntelIntakeRun['status'] }) {
  const { t } = useTranslation();
  return <Badge size="xs" variant="light" color={COLORS[status]} data-run-status={status}>{t(`intel.intake.status.${status}`)}</Badge>;
}

/** Intake runs, newest first, refreshed every second while one is running. */
export function IntakeRunsTable() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const query = useIntakeRuns();
  const num = (n: number) => <Table.Td ta="right">{fmt.number(n)}</Table.Td>;
  return (
    <ListTable
      query={query}
      empty={t('intel.intake.noRuns')}
      testId="intel-runs"
      minWidth={1000}
      head={
        <>
          <Table.Th w={120}>{t('intel.intake.col.kind')}</Table.Th>
          <Table.Th>{t('intel.intake.col.source')}</Table.Th>
          <Table.Th w={100}>{t('intel.intake.col.status')}</Table.Th>
          <Table.Th w={150}>{t('intel.intake.col.started')}</Table.Th>
          {(['received', 'stored', 'duplicates', 'invalid'] as const).map((k) => <Table.Th key={k} w={80} ta="right">{t(`intel.intake.col.${k}`)}</Table.Th>)}
          <Table.Th w={260}>{t('intel.intake.col.errors')}</Table.Th>
        </>
      }
    >
      {(runs) =>
        runs.map((r) => (
          <Table.Tr key={r.id} data-testid="intel-run" data-status={r.status}>
            <Table.Td><Text size="xs">{t(`intel.intake.kind.${r.kind as 'bundle'}`, { defaultValue: r.kind })}</Text></Table.Td>
            <Table.Td><Text size="xs" lineClamp={1} style={{ wordBreak: 'break-all' }}>{r.source}</Text></Table.Td>
            <Table.Td><RunStatusBadge status={r.status} /></Table.Td>
            <Table.Td><Text size="xs">{fmt.dateTime(r.startedAt)}</Text></Table.Td>
            {num(r.received)}
            {num(r.stored)}
            {num(r.duplicates)}
            {num(r.invalid)}
            <Table.Td>
              {r.status === 'interrupted' && (
                <Text size="xs" c="orange" data-testid="intel-run-interrupted">{t('intel.intake.interruptedNote')}</Text>
              )}
              {r.errors[0] && (
                <Tooltip label={r.errors.slice(0, 5).map((e) => `#${e.index}: ${e.message}`).join('\n')} multiline w={420} style={{ whiteSpace: 'pre-wrap' }}>
                  <Text size="xs" c="red" lineClamp={1}>{`#${r.errors[0].index}: ${r.errors[0].message}`}</Text>
                </Tooltip>
              )}
            </Table.Td>
          </Table.Tr>
        ))
      }
    </ListTable>
  );
}
