import { useState } from 'react';
import { Badge, Group, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/QueryState.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import { severityKey } from './severity.ts';
import { useConstituencyDigest } from './constituency.api.ts';
import { ConstituencyRowsTable } from './ConstituencyRowsTable.tsx';

const yesterday = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

/** The own organisation's daily digest: what outside monitoring reported that day, and how its e-mail went. */
export function ConstituencyDigestPanel() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [day, setDay] = useState(yesterday);
  const query = useConstituencyDigest(day);
  return (
    <Stack gap="xs">
      <Group align="end">
        <TextInput type="date" label={t('constituency.digest.day')} value={day} onChange={(e) => e.currentTarget.value && setDay(e.currentTarget.value)} data-testid="digest-day" />
      </Group>
      <QueryState query={query}>
        {(d) => (
          <Stack gap="xs">
            <Group gap="sm">
              <Text size="sm" data-testid="digest-total">{t('constituency.digest.total', { count: d.total })}</Text>
              <Badge size="sm" variant="light" color={d.email?.status === 'sent' ? 'teal' : d.email?.status === 'failed' ? 'red' : 'gray'} data-testid="digest-email">
                {t(`constituency.digest.email.${d.email?.status ?? 'none'}`)}
              </Badge>
              {d.email?.recipient && <Text size="xs" c="dimmed">{d.email.recipient}</Text>}
              {d.email?.sentAt && <Text size="xs" c="dimmed">{fmt.dateTime(d.email.sentAt)}</Text>}
            </Group>
            {d.byReportType.length > 0 && (
              <Paper withBorder p="xs">
                <Table fz="sm" verticalSpacing={2}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('constituency.rows.report')}</Table.Th>
                      <Table.Th ta="right">{t('constituency.digest.rows')}</Table.Th>
                      <Table.Th ta="right">{t('constituency.digest.hosts')}</Table.Th>
                      <Table.Th>{t('constituency.digest.maxSeverity')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {d.byReportType.map((s) => (
                      <Table.Tr key={s.reportType}>
                        <Table.Td>{s.reportType}</Table.Td>
                        <Table.Td ta="right">{s.rows}</Table.Td>
                        <Table.Td ta="right">{s.hosts}</Table.Td>
                        <Table.Td>{t(severityKey(s.maxSeverity))}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Paper>
            )}
            <ConstituencyRowsTable rows={d.rows} showOrg={false} />
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
