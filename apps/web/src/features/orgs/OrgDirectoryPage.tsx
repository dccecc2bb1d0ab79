import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Button, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { EmptyNote } from '../../components/EmptyNote.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import { nameCollator } from '../../lib/text.ts';
import { usePermission } from '../auth/auth.api.ts';
import { OrgFilterBar } from './OrgFilterBar.tsx';
import { OrgFlatTable } from './OrgFlatTable.tsx';
import { OrgFormModal } from './OrgFormModal.tsx';
import { OrgTreeTable } from './OrgTreeTable.tsx';
import { orgNameIn } from './useOrgName.ts';
import { flattenTree, indexOrgs, matchesFilters } from './orgTree.ts';
import { useOrgDirectory } from './orgs.api.ts';
import { useDirectoryFilters, type DirectoryView } from './useDirectoryFilters.ts';

/** Organisation directory: hierarchy tree or flat table, with diacritic-insensitive search and filters. */
export function OrgDirectoryPage() {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const query = useOrgDirectory();
  const directory = useDirectoryFilters();
  const { filters, narrowing, raw } = directory;
  const canCreate = usePermission('orgs.create');
  const [creating, setCreating] = useState(false);
  const [expanded, setExpanded] = useState<Set<string> | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const location = useLocation();

  useEffect(() => {
    if ((location.state as { focusSearch?: boolean } | null)?.focusSearch) searchRef.current?.focus();
  }, [location.state]);

  const orgs = query.data?.items;
  const index = useMemo(() => indexOrgs(orgs ?? []), [orgs]);
  const matches = useMemo(() => (orgs ?? []).filter((o) => matchesFilters(o, filters)), [orgs, filters]);
  // top level open at first, so the national structure is visible without a click
  const open = useMemo(() => expanded ?? new Set(index.roots.map((r) => r.id)), [expanded, index]);
  const rows = useMemo(() => flattenTree(index, new Set(matches.map((m) => m.id)), open, narrowing), [index, matches, open, narrowing]);
  const flat = useMemo(() => [...matches].sort((a, b) => nameCollator.compare(a.name, b.name)), [matches]);

  const toggle = (id: string) => {
    const next = new Set(open);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setExpanded(next);
  };

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="center">
        <div>
          <Title order={2} size="h3">
            {t('orgs.title')}
          </Title>
          <Text size="xs" c="dimmed" data-testid="org-count">
            {narrowing
              ? t('orgs.countMatching', { shown: fmt.number(matches.length), total: fmt.number(orgs?.length ?? 0) })
              : t('orgs.count', { count: matches.length })}
          </Text>
        </div>
        <Group gap="xs">
          <SegmentedControl
            size="xs"
            value={raw.view}
            onChange={(v) => directory.set('view', v as DirectoryView)}
            data={[
              { value: 'tree', label: t('orgs.viewTree') },
              { value: 'table', label: t('orgs.viewTable') },
            ]}
            aria-label={t('orgs.view')}
            data-testid="org-view"
          />
          {canCreate && (
            <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setCreating(true)}>
              {t('orgs.create')}
            </Button>
          )}
        </Group>
      </Group>
      <OrgFilterBar directory={directory} ref={searchRef} />
      {query.data?.nextCursor && (
        <Alert color="yellow" p="xs">
          {t('orgs.truncated', { count: query.data.items.length })}
        </Alert>
      )}
      <Paper withBorder p={0}>
        <QueryState query={query}>
          {() =>
            rows.length === 0 ? (
              <Stack p="sm" gap={0}>
                <EmptyNote>{narrowing ? t('orgs.noMatch') : t('orgs.empty')}</EmptyNote>
              </Stack>
            ) : raw.view === 'tree' ? (
              <>
                {!narrowing && (
                  <Group gap="xs" p="xs">
                    <Button size="compact-xs" variant="subtle" onClick={() => setExpanded(new Set(index.children.keys()))}>
                      {t('common.expandAll')}
                    </Button>
                    <Button size="compact-xs" variant="subtle" onClick={() => setExpanded(new Set())}>
                      {t('common.collapseAll')}
                    </Button>
                  </Group>
                )}
                <OrgTreeTable rows={rows} expanded={open} forceExpanded={narrowing} onToggle={toggle} />
              </>
            ) : (
              <OrgFlatTable orgs={flat} parentName={(id) => { const parent = id ? index.byId.get(id) : undefined; return parent ? orgNameIn(i18n.language, parent) : null; }} />
            )
          }
        </QueryState>
      </Paper>
      {canCreate && <OrgFormModal opened={creating} onClose={() => setCreating(false)} mode={{ type: 'create', parentId: null }} />}
    </Stack>
  );
}
