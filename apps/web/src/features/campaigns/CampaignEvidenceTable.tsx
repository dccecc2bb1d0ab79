import { Code, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CampaignDetail } from '@lachan/contracts';
import { useFormat } from '../../i18n/useFormat.ts';
import { memberCountText } from '../../lib/memberCount.ts';

/** What ties the members together: each shared value the reader saw too, how many members carry it, and when. */
export function CampaignEvidenceTable({ evidence }: { evidence: CampaignDetail['evidence'] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Table striped verticalSpacing={4} fz="sm" data-testid="campaign-evidence">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={110}>{t('campaigns.ev.kind')}</Table.Th>
          <Table.Th>{t('campaigns.ev.value')}</Table.Th>
          <Table.Th w={110} ta="right">
            {t('campaigns.ev.orgs')}
          </Table.Th>
          <Table.Th w={190}>{t('campaigns.ev.first')}</Table.Th>
          <Table.Th w={190}>{t('campaigns.ev.last')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {evidence.map((e) => (
          <Table.Tr key={`${e.kind}:${e.value}`}>
            <Table.Td>{t(`campaigns.evKind.${e.kind}`)}</Table.Td>
            <Table.Td>
              <Code>{e.value}</Code>
            </Table.Td>
            <Table.Td ta="right">{memberCountText(e.members, t, fmt.number)}</Table.Td>
            <Table.Td>{fmt.dateTime(e.firstSeen)}</Table.Td>
            <Table.Td>{fmt.dateTime(e.lastSeen)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
