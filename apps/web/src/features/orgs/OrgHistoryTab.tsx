import { Paper, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EmptyNote } from '../../components/EmptyNote.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import { useOrgHistory } from './orgs.api.ts';

/** Structural history of the organisation: when, what, and who. */
export function OrgHistoryTab({ orgId }: { orgId: string }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const query = useOrgHistory(orgId);
  const actionLabel = (action: string) => {
    const key = `orgs.history.actions.${action.replace(/^org\./, '').replace(/[.-]/g, '_')}`;
    return i18n.exists(key) ? t(key as 'orgs.history.actions.create') : action;
  };
  return (
    <Paper withBorder p={0}>
      <QueryState query={query}>
        {(entries) =>
          entries.length === 0 ? (
            <EmptyNote>{t('orgs.history.empty')}</EmptyNote>
          ) : (
            <Table striped highlightOnHover verticalSpacing={4} fz="sm" data-testid="org-history">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={200}>{t('orgs.history.at')}</Table.Th>
                  <Table.Th>{t('orgs.history.action')}</Table.Th>
                  <Table.Th w={240}>{t('orgs.history.actor')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {entries.map((entry) => (
                  <Table.Tr key={entry.id}>
                    <Table.Td>
                      <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
                        {fmt.dateTime(entry.at)}
                      </Text>
                    </Table.Td>
                    <Table.Td>{actionLabel(entry.action)}</Table.Td>
                    <Table.Td>{entry.actorName ?? t('orgs.history.system')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )
        }
      </QueryState>
    </Paper>
  );
}
