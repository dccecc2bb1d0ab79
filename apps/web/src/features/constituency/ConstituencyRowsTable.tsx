import { Anchor, Badge, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ConstituencyRow } from '@lachan/contracts';
import { EmptyNote } from '../../components/EmptyNote.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import { severityKey } from './severity.ts';
import { useOrgName } from '../orgs/useOrgName.ts';

const SEVERITY_COLOR = ['gray', 'gray', 'yellow', 'orange', 'red'];

/** Rows of constituency reports: the host, the report, whose queue the alert is in. */
export function ConstituencyRowsTable({ rows, showOrg }: { rows: ConstituencyRow[]; showOrg: boolean }) {
  const { t } = useTranslation();
  const nameOf = useOrgName();
  const fmt = useFormat();
  if (rows.length === 0) return <EmptyNote>{t('constituency.rows.empty')}</EmptyNote>;
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped verticalSpacing={4} fz="sm" data-testid="constituency-rows">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('constituency.rows.host')}</Table.Th>
            <Table.Th>{t('constituency.rows.report')}</Table.Th>
            <Table.Th>{t('constituency.rows.reportDay')}</Table.Th>
            <Table.Th>{t('constituency.rows.severity')}</Table.Th>
            {showOrg && <Table.Th>{t('constituency.rows.org')}</Table.Th>}
            <Table.Th>{t('constituency.rows.alert')}</Table.Th>
            <Table.Th>{t('constituency.rows.received')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.id} data-testid="constituency-row">
              <Table.Td><Text size="sm" ff="monospace">{r.host ?? '—'}</Text></Table.Td>
              <Table.Td><Badge size="xs" variant="default" tt="none">{r.reportType}</Badge> <Text span size="xs" c="dimmed">{r.feed}</Text></Table.Td>
              <Table.Td>{r.reportDay}</Table.Td>
              <Table.Td><Badge size="xs" color={SEVERITY_COLOR[r.severity]}>{t(severityKey(r.severity))}</Badge></Table.Td>
              {showOrg && (
                <Table.Td>{r.attributed ? nameOf(r.orgId, r.orgName) : <Badge size="xs" color="gray" variant="outline">{t('constituency.rows.unknownOwner')}</Badge>}</Table.Td>
              )}
              <Table.Td><Anchor component={Link} to={`/alerts/${r.alertId}`} size="sm" lineClamp={1}>{r.title}</Anchor></Table.Td>
              <Table.Td><Text size="xs">{fmt.dateTime(r.receivedAt)}</Text></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
