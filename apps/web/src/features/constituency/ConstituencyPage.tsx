import { Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/QueryState.tsx';
import { useCurrentUser } from '../auth/auth.api.ts';
import { useConstituencyRows, useConstituencyStats } from './constituency.api.ts';
import { ConstituencyRowsTable } from './ConstituencyRowsTable.tsx';
import { ConstituencyStatsPanel } from './ConstituencyStatsPanel.tsx';
import { ConstituencyDigestPanel } from './ConstituencyDigestPanel.tsx';
import { MappingsPanel } from './MappingsPanel.tsx';

function RowsTab({ owner, showOrg }: { owner?: 'unknown'; showOrg: boolean }) {
  const query = useConstituencyRows(owner ? { owner } : {});
  return <QueryState query={query}>{(page) => <ConstituencyRowsTable rows={page.items} showOrg={showOrg} />}</QueryState>;
}

/**
 * Constituency reports (Shadowserver, abuse.ch, providers' CSV): an organisation sees its rows, their
 * statistics and its daily digest; the centre also every organisation's, the rows no one registered,
 * and the CSV mappings it defines.
 */
export function ConstituencyPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const centre = me.role === 'national_coordinator';
  const stats = useConstituencyStats();
  return (
    <Stack gap="sm">
      <div>
        <Title order={2} size="h3">{t('constituency.title')}</Title>
        <Text size="sm" c="dimmed">{centre ? t('constituency.introCentre') : t('constituency.intro')}</Text>
      </div>
      <Paper withBorder p="sm">
        <QueryState query={stats}>{(s) => <ConstituencyStatsPanel stats={s} />}</QueryState>
      </Paper>
      <Tabs defaultValue="rows" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="rows" data-testid="tab-rows">{t('constituency.tabs.rows')}</Tabs.Tab>
          <Tabs.Tab value="digest" data-testid="tab-digest">{t('constituency.tabs.digest')}</Tabs.Tab>
          {centre && <Tabs.Tab value="unknown" data-testid="tab-unknown">{t('constituency.tabs.unknown')}</Tabs.Tab>}
          {centre && <Tabs.Tab value="mappings" data-testid="tab-mappings">{t('constituency.tabs.mappings')}</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="rows" pt="xs"><RowsTab showOrg={centre} /></Tabs.Panel>
        <Tabs.Panel value="digest" pt="xs"><ConstituencyDigestPanel /></Tabs.Panel>
        {centre && <Tabs.Panel value="unknown" pt="xs"><Text size="sm" c="dimmed" mb="xs">{t('constituency.unknownIntro')}</Text><RowsTab owner="unknown" showOrg /></Tabs.Panel>}
        {centre && <Tabs.Panel value="mappings" pt="xs"><MappingsPanel /></Tabs.Panel>}
      </Tabs>
    </Stack>
  );
}
