import { useState } from 'react';
import { Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EmptyNote } from '../../components/EmptyNote.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { nameCollator } from '../../lib/text.ts';
import { useNow } from '../../lib/useNow.ts';
import { usePermission } from '../auth/auth.api.ts';
import { useAlertSources } from './alerts.api.ts';
import { SourceRow } from './SourceRow.tsx';
import { SyslogSourceModal } from './SyslogSourceModal.tsx';

/** Connectors sending alerts, with their rate, silence and refusals; syslog senders are registered here. */
export function SourcesPage() {
  const { t } = useTranslation();
  const canManage = usePermission('alerts.manage');
  const [registering, setRegistering] = useState(false);
  const query = useAlertSources();
  const now = useNow(30_000);
  const cols = ['name', 'org', 'format', 'rate', 'lastSeen', 'accepted', 'duplicates', 'rejected', 'recentRejects'] as const;
  const numeric = new Set<string>(['rate', 'accepted', 'duplicates', 'rejected', 'recentRejects']);

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2} size="h3">
            {t('alerts.sources.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('alerts.sources.intro')}
          </Text>
        </div>
        {canManage && (
          <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setRegistering(true)} data-testid="source-register">
            {t('alerts.sources.register')}
          </Button>
        )}
      </Group>
      <Paper withBorder p={0}>
        <QueryState query={query}>
          {(sources) =>
            sources.length === 0 ? (
              <Stack p="sm">
                <EmptyNote>{t('alerts.sources.empty')}</EmptyNote>
              </Stack>
            ) : (
              <Table.ScrollContainer minWidth={1000}>
                <Table striped highlightOnHover verticalSpacing={4} fz="sm" data-testid="sources-table">
                  <Table.Thead>
                    <Table.Tr>
                      {cols.map((c) => (
                        <Table.Th key={c} ta={numeric.has(c) ? 'right' : undefined} style={{ whiteSpace: 'nowrap' }}>
                          {t(`alerts.sources.columns.${c}`)}
                        </Table.Th>
                      ))}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {[...sources]
                      .sort((a, b) => nameCollator.compare(a.orgName, b.orgName) || nameCollator.compare(a.name, b.name))
                      .map((s) => (
                        <SourceRow key={s.id} source={s} now={now} />
                      ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )
          }
        </QueryState>
      </Paper>
      {canManage && <SyslogSourceModal opened={registering} onClose={() => setRegistering(false)} />}
    </Stack>
  );
}
