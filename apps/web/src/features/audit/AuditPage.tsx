import { useState } from 'react';
import { Button, Group, Menu, Stack, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '@lachan/contracts';
import { QueryState } from '../../components/QueryState.tsx';
import { useCurrentUser } from '../auth/auth.api.ts';
import { auditExportUrl, useAuditLog } from './audit.api.ts';
import { AuditEntryModal } from './AuditEntryModal.tsx';
import { AuditFilterBar } from './AuditFilterBar.tsx';
import { AuditTable } from './AuditTable.tsx';
import { ChainPanel } from './ChainPanel.tsx';
import { EMPTY_FILTERS, filtersOf, type AuditFilterForm } from './auditFilters.ts';

/** The audit log: filtered, paged, exported; the centre also verifies the hash chain and takes its signed head. */
export function AuditPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [form, setForm] = useState<AuditFilterForm>(EMPTY_FILTERS);
  const filters = filtersOf(form);
  const log = useAuditLog(filters);
  const [open, setOpen] = useState<AuditEntry | null>(null);
  const items = log.data?.pages.flatMap((p) => p.items);
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2} size="h3">
            {t('audit.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t(me.role === 'national_coordinator' ? 'audit.introCentre' : 'audit.introOrg')}
          </Text>
        </div>
        <Menu position="bottom-end">
          <Menu.Target>
            <Button size="xs" variant="light" leftSection={<IconDownload size={14} />} data-testid="audit-export">
              {t('audit.export')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item component="a" href={auditExportUrl(filters, 'csv')} download data-testid="audit-export-csv">CSV</Menu.Item>
            <Menu.Item component="a" href={auditExportUrl(filters, 'ndjson')} download>NDJSON</Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Group>
      {me.role === 'national_coordinator' && <ChainPanel />}
      <AuditFilterBar value={form} onChange={setForm} />
      <QueryState query={{ data: items, error: log.error, isPending: log.isPending, refetch: log.refetch }}>
        {(rows) => (
          <>
            <AuditTable entries={rows} onOpen={setOpen} />
            {log.hasNextPage && (
              <Button size="xs" variant="default" style={{ alignSelf: 'center' }} loading={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
                {t('audit.more')}
              </Button>
            )}
          </>
        )}
      </QueryState>
      {open && <AuditEntryModal entry={open} onClose={() => setOpen(null)} />}
    </Stack>
  );
}
