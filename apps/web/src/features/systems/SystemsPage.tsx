import { useState } from 'react';
import { Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { SYSTEM_FUNCTION_TYPES } from '@lachan/contracts';
import { ListTable } from '../../components/ListTable.tsx';
import { FilterSelect } from '../../components/FilterSelect.tsx';
import { SearchInput } from '../../components/SearchInput.tsx';
import { apiUrl } from '../../api/client.ts';
import { OrgPicker } from '../orgs/index.ts';
import { usePermission } from '../auth/auth.api.ts';
import { useSystems, type SystemFilters } from './systems.api.ts';
import { ImportSystemsModal } from './ImportSystemsModal.tsx';
import { LevelBadge } from './LevelBadge.tsx';
import { useOrgName } from '../orgs/useOrgName.ts';

const LEVELS = ['1', '2', '3', '4', '5'];

/** The registry of information systems the user may see, with filters, CSV import and export. */
export function SystemsPage() {
  const { t } = useTranslation();
  const nameOf = useOrgName();
  const mayWrite = usePermission('orgs.update');
  const [orgId, setOrgId] = useState<string | null>(null);
  const [level, setLevel] = useState<string | null>(null);
  const [critical, setCritical] = useState<string | null>(null);
  const [functionType, setFunctionType] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [monitored, setMonitored] = useState<string | null>(null);
  const [connected, setConnected] = useState<string | null>(null);
  const [q, setQ] = useState('');
  const [importing, setImporting] = useState(false);
  const filters: SystemFilters = {
    orgId: orgId ?? undefined,
    level: level ? Number(level) : undefined,
    critical: critical === null ? undefined : critical === 'yes',
    q: q.trim() || undefined,
    status: (status as SystemFilters['status']) ?? undefined,
    functionType: functionType ?? undefined,
    monitored: monitored === null ? undefined : monitored === 'yes',
    connected: connected === null ? undefined : connected === 'yes',
  };
  const systems = useSystems(filters);
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2} size="h3">{t('systems.title')}</Title>
        <Group gap="xs">
          <Button size="xs" variant="default" component="a" href={apiUrl('/systems/export.csv', { orgId: orgId ?? undefined })} data-testid="systems-export">
            {t('systems.exportCsv')}
          </Button>
          {mayWrite && <Button size="xs" variant="light" onClick={() => setImporting(true)} data-testid="systems-import">{t('systems.importCsv')}</Button>}
          {mayWrite && <Button size="xs" component={Link} to="/systems/new" data-testid="system-new">{t('systems.create')}</Button>}
        </Group>
      </Group>
      <Group gap="xs" wrap="wrap">
        <SearchInput label={t('systems.search')} value={q} onChange={setQ} placeholder={t('systems.search')} testId="systems-search" />
        <OrgPicker size="xs" placeholder={t('systems.filter.org')} value={orgId} onChange={setOrgId} testId="systems-filter-org" />
        <FilterSelect label={t('systems.filter.level')} data={LEVELS.map((l) => ({ value: l, label: t('systems.levelN', { n: l }) }))} value={level} onChange={setLevel} testId="systems-filter-level" w={120} />
        <FilterSelect label={t('systems.filter.critical')} data={[{ value: 'yes', label: t('systems.criticalYes') }, { value: 'no', label: t('systems.criticalNo') }]} value={critical} onChange={setCritical} testId="systems-filter-critical" w={170} />
        <FilterSelect label={t('systems.filter.functionType')} data={SYSTEM_FUNCTION_TYPES.map((f) => ({ value: f, label: t(`systems.functionType.${f}`) }))} value={functionType} onChange={setFunctionType} testId="systems-filter-function" w={200} />
        <FilterSelect label={t('systems.filter.monitored')} data={[{ value: 'yes', label: t('systems.filter.monitoredYes') }, { value: 'no', label: t('systems.filter.monitoredNo') }]} value={monitored} onChange={setMonitored} testId="systems-filter-monitored" w={200} />
        <FilterSelect label={t('systems.filter.connected')} data={[{ value: 'yes', label: t('systems.filter.connectedYes') }, { value: 'no', label: t('systems.filter.connectedNo') }]} value={connected} onChange={setConnected} testId="systems-filter-connected" w={200} />
        <FilterSelect label={t('systems.filter.status')} data={(['active', 'retired', 'all'] as const).map((s) => ({ value: s, label: t(`systems.statusFilter.${s}`) }))} value={status} onChange={setStatus} testId="systems-filter-status" w={140} />
      </Group>
      <ListTable
        query={systems}
        empty={t('systems.empty')}
        testId="systems-table"
        head={
          <>
            <Table.Th>{t('systems.col.name')}</Table.Th>
            <Table.Th>{t('systems.col.org')}</Table.Th>
            <Table.Th w={200}>{t('systems.col.functionType')}</Table.Th>
            <Table.Th w={90}>{t('systems.col.level')}</Table.Th>
            <Table.Th w={90} ta="right">{t('systems.col.assets')}</Table.Th>
            <Table.Th w={110}>{t('systems.col.status')}</Table.Th>
          </>
        }
      >
        {(items) => items.map((s) => (
          <Table.Tr key={s.id} data-testid="system-row" data-id={s.id}>
            <Table.Td>
              <Group gap={6}>
                <Anchor component={Link} to={`/systems/${s.id}`} size="sm" fw={500}>{s.name}</Anchor>
                {s.critical && <Badge size="xs" color="red" variant="light">{t('systems.critical')}</Badge>}
              </Group>
            </Table.Td>
            <Table.Td><Text size="sm">{nameOf(s.orgId, s.orgName)}</Text></Table.Td>
            <Table.Td>{t(`systems.functionType.${s.functionType as (typeof SYSTEM_FUNCTION_TYPES)[number]}`)}</Table.Td>
            <Table.Td><LevelBadge level={s.securityLevel} /></Table.Td>
            <Table.Td ta="right">{s.assetCount}</Table.Td>
            <Table.Td><Badge variant="light" color={s.status === 'active' ? 'teal' : 'gray'}>{t(`systems.status.${s.status as 'active' | 'retired'}`)}</Badge></Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
      {importing && <ImportSystemsModal defaultOrgId={orgId} onClose={() => setImporting(false)} />}
    </Stack>
  );
}
