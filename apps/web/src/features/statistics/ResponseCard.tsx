import { Button, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseRow, StatsQuery } from '@lachan/contracts';
import { EmptyNote } from '../../components/EmptyNote.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { Section } from '../../components/Section.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import { useOrgLabels } from '../orgs/index.ts';
import { breakdownCsv } from './breakdown.ts';
import { downloadText } from './download.ts';
import { durationText } from './responseText.ts';
import { useResponseTimes } from './statistics.api.ts';

type Grouping = 'bySector' | 'byOrganisation';

/** Median times to detect, acknowledge, contain and resolve, and reporting-deadline compliance, overall and per sector or organisation. */
export function ResponseCard({ query }: { query: StatsQuery }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const labels = useOrgLabels();
  const response = useResponseTimes(query);
  const [grouping, setGrouping] = useState<Grouping>('bySector');
  const duration = (h: number | null) => durationText(h, t, (n) => String(fmt.number(n)));
  const name = (g: Grouping | 'total', r: ResponseRow) => (g === 'total' ? t('statistics.response.total') : g === 'bySector' ? labels.sector(r.key) : (r.label ?? r.key));
  const compliance = (r: ResponseRow) => (r.compliance === null ? '—' : `${Math.round(r.compliance * 100)} %`);
  const exportCsv = () => {
    const o = response.data;
    if (!o) return;
    const rows = [...[o.total].map((r) => ['total', name('total', r), r]), ...o.bySector.map((r) => ['sector', name('bySector', r), r]), ...o.byOrganisation.map((r) => ['organisation', name('byOrganisation', r), r])] as [string, string, ResponseRow][];
    const csv = breakdownCsv(
      ['group', 'key', 'name', 'incidents', 'detect_h', 'acknowledge_h', 'contain_h', 'resolve_h', 'deadlines_met', 'deadlines_late', 'deadlines_overdue', 'deadlines_open', 'compliance'],
      rows.map(([g, n, r]) => [g, r.key, n, r.incidents, r.medianHours.detect, r.medianHours.acknowledge, r.medianHours.contain, r.medianHours.resolve, r.deadlines.met, r.deadlines.late, r.deadlines.overdue, r.deadlines.open, r.compliance]),
    );
    downloadText(`lachan-response-${o.period.from}-${o.period.to}.csv`, csv);
  };
  return (
    <Section
      title={t('statistics.response.title')}
      testId="stats-response"
      actions={
        <Button size="compact-xs" variant="default" leftSection={<IconDownload size={12} />} onClick={exportCsv} disabled={!response.data} data-testid="stats-response-export">
          {t('statistics.export.response')}
        </Button>
      }
    >
      <QueryState query={response}>
        {(o) =>
          o.total.incidents === 0 ? (
            <EmptyNote>{t('statistics.response.none')}</EmptyNote>
          ) : (
            <Stack gap="xs">
              <Text size="xs" c="dimmed">
                {t('statistics.response.hint')}
              </Text>
              <SegmentedControl size="xs" value={grouping} onChange={(v) => setGrouping(v as Grouping)} data={[{ value: 'bySector', label: t('statistics.response.bySector') }, { value: 'byOrganisation', label: t('statistics.response.byOrganisation') }]} w="fit-content" />
              <Table.ScrollContainer minWidth={640} mah={420}>
                <Table striped verticalSpacing={4} fz="xs" stickyHeader>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('statistics.response.group')}</Table.Th>
                      <Table.Th ta="right">{t('statistics.response.incidents')}</Table.Th>
                      <Table.Th ta="right">{t('statistics.response.detect')}</Table.Th>
                      <Table.Th ta="right">{t('statistics.response.acknowledge')}</Table.Th>
                      <Table.Th ta="right">{t('statistics.response.contain')}</Table.Th>
                      <Table.Th ta="right">{t('statistics.response.resolve')}</Table.Th>
                      <Table.Th ta="right">{t('statistics.response.compliance')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {[['total', o.total] as const, ...o[grouping].map((r) => [grouping, r] as const)].map(([g, r]) => (
                      <Table.Tr key={`${g}:${r.key}`} data-testid={g === 'total' ? 'stats-response-total' : 'stats-response-row'} fw={g === 'total' ? 600 : undefined}>
                        <Table.Td>{name(g, r)}</Table.Td>
                        <Table.Td ta="right">{fmt.number(r.incidents)}</Table.Td>
                        <Table.Td ta="right" data-testid="median-detect">{duration(r.medianHours.detect)}</Table.Td>
                        <Table.Td ta="right" data-testid="median-acknowledge">{duration(r.medianHours.acknowledge)}</Table.Td>
                        <Table.Td ta="right">{duration(r.medianHours.contain)}</Table.Td>
                        <Table.Td ta="right">{duration(r.medianHours.resolve)}</Table.Td>
                        <Table.Td ta="right" title={t('statistics.response.deadlines', r.deadlines)}>
                          {compliance(r)}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Stack>
          )
        }
      </QueryState>
    </Section>
  );
}
