import { Anchor, Table } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { StatsOverview } from '@lachan/contracts';
import { useFormat } from '../../i18n/useFormat.ts';
import { EmptyNote } from '../../components/EmptyNote.tsx';

/** The organisations with the most alerts; each name opens that organisation's alerts. */
export function TopOrgsTable({ rows, alertsOf }: { rows: StatsOverview['topOrganisations']; alertsOf: (orgId: string) => string }) {
  const { t, i18n } = useTranslation();
  const nameOf = (o: StatsOverview['topOrganisations'][number]) => (i18n.language === 'en' && o.nameEn ? o.nameEn : o.name);
  const fmt = useFormat();
  if (rows.length === 0) return <EmptyNote>{t('dashboard.empty')}</EmptyNote>;
  return (
    <Table verticalSpacing={2} fz="xs" highlightOnHover data-testid="top-orgs" style={{ tableLayout: 'fixed' }}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('dashboard.topOrgs.org')}</Table.Th>
          <Table.Th ta="right" w={72}>
            {t('dashboard.kpi.alerts')}
          </Table.Th>
          <Table.Th ta="right" w={100}>
            {t('dashboard.kpi.occurrences')}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((o) => (
          <Table.Tr key={o.orgId}>
            <Table.Td style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
              <Anchor component={Link} to={alertsOf(o.orgId)} size="xs" title={nameOf(o)} data-testid="top-org-link">
                {nameOf(o)}
              </Anchor>
            </Table.Td>
            <Table.Td ta="right">{fmt.number(o.alerts)}</Table.Td>
            <Table.Td ta="right">{fmt.number(o.occurrences)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
