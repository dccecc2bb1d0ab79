import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Anchor, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { TLP_LEVELS, type IntelObjectQuery, type Tlp } from '@lachan/contracts';
import { FilterSelect } from '../../components/FilterSelect.tsx';
import { ListTable } from '../../components/ListTable.tsx';
import { SearchInput } from '../../components/SearchInput.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import { useListKeys } from '../shell/useListKeys.ts';
import { ObjectTlp, SEARCH_TYPES, StixTypeBadge, useTypeLabel } from './IntelBadges.tsx';
import { useIntelSearch } from './intel.api.ts';
import { useCurrentUser } from '../auth/auth.api.ts';
import { useKnowledgeRuns } from '../exercises/exercises.api.ts';
import { useOrgName } from '../orgs/useOrgName.ts';

type FilterKey = 'q' | 'type' | 'tlp' | 'actor' | 'technique' | 'exerciseId';

/** The address of an object's page (of an exercise's knowledge when `exerciseId` is given). */
export const objectPath = (id: string, exerciseId?: string | null): string =>
  `/intel/objects/${encodeURIComponent(id)}${exerciseId ? `?exerciseId=${encodeURIComponent(exerciseId)}` : ''}`;

/** Knowledge-base search: text (accents optional), type, TLP, actor and technique, all held in the address; j/k/Enter. */
export function KnowledgeSearchPage() {
  const { t } = useTranslation();
  const nameOf = useOrgName();
  const fmt = useFormat();
  const navigate = useNavigate();
  const typeLabel = useTypeLabel();
  const [params, setParams] = useSearchParams();
  const get = (k: FilterKey) => params.get(k) ?? '';
  // The knowledge added in one exercise instead of the real knowledge base (its teams, its white team).
  const runs = useKnowledgeRuns(useCurrentUser().permissions.includes('exercises.read'));
  const exerciseId = get('exerciseId') || undefined;
  const setFilter = (k: FilterKey) => (value: string | null) =>
    setParams((p) => {
      if (value) p.set(k, value);
      else p.delete(k);
      return p;
    }, { replace: true });
  const [text, setText] = useState(get('q'));
  const [debounced] = useDebouncedValue(text, 300);
  const setQ = useRef(setFilter('q'));
  setQ.current = setFilter('q');
  useEffect(() => setQ.current(debounced.trim() || null), [debounced]);

  const query: IntelObjectQuery = {
    q: get('q') || undefined, type: get('type') || undefined, tlp: (get('tlp') as Tlp) || undefined,
    actor: get('actor') || undefined, technique: get('technique') || undefined, exerciseId,
  };
  const search = useIntelSearch(query);
  const items = useMemo(() => search.data?.pages.flatMap((p) => p.items) ?? [], [search.data]);
  const ids = useMemo(() => items.map((i) => i.id), [items]);
  const [cursorId, setCursorId] = useState<string | null>(null);
  const cursorRow = useRef<HTMLTableRowElement>(null);
  useEffect(() => cursorRow.current?.focus({ preventScroll: true }), [cursorId]);
  useListKeys({ ids, cursorId, onMove: setCursorId, onOpen: (id) => void navigate(objectPath(id, exerciseId)) });
  const listQuery = { data: search.data ? { items } : undefined, error: search.error, isPending: search.isPending, refetch: search.refetch };

  return (
    <Stack gap="sm">
      <div>
        <Title order={2} size="h3">{t('intel.title')}</Title>
        <Text size="sm" c="dimmed">{t('intel.intro')}</Text>
      </div>
      <Group gap="xs">
        <SearchInput label={t('intel.search')} placeholder={t('intel.searchPlaceholder')} value={text} onChange={setText} testId="intel-search" w={340} />
        <FilterSelect label={t('intel.type')} testId="intel-filter-type" value={get('type') || null} onChange={setFilter('type')} data={SEARCH_TYPES.map((v) => ({ value: v, label: typeLabel(v) }))} searchable w={190} />
        <FilterSelect label={t('intel.tlp')} testId="intel-filter-tlp" value={get('tlp') || null} onChange={setFilter('tlp')} data={TLP_LEVELS.map((v) => ({ value: v, label: `TLP:${v}` }))} w={140} />
        <TextInput size="xs" w={170} aria-label={t('intel.actor')} placeholder={t('intel.actor')} defaultValue={get('actor')} onBlur={(e) => setFilter('actor')(e.currentTarget.value.trim() || null)} onKeyDown={(e) => e.key === 'Enter' && setFilter('actor')(e.currentTarget.value.trim() || null)} data-testid="intel-filter-actor" />
        {(runs.length > 0 || exerciseId) && (
          <FilterSelect label={t('intel.exercise')} testId="intel-filter-exercise" value={exerciseId ?? null} onChange={setFilter('exerciseId')} data={runs.map((e) => ({ value: e.id, label: e.title }))} w={220} />
        )}
        <TextInput size="xs" w={170} aria-label={t('intel.technique')} placeholder={t('intel.technique')} defaultValue={get('technique')} onBlur={(e) => setFilter('technique')(e.currentTarget.value.trim() || null)} onKeyDown={(e) => e.key === 'Enter' && setFilter('technique')(e.currentTarget.value.trim() || null)} data-testid="intel-filter-technique" />
      </Group>
      {exerciseId && (
        <Alert color="orange" variant="filled" py={6} role="status" data-testid="exercise-list-banner">
          <Text size="sm" fw={600}>{t('intel.exerciseBanner')}</Text>
        </Alert>
      )}
      <ListTable
        query={listQuery}
        empty={t('intel.empty')}
        testId="intel-objects"
        head={
          <>
            <Table.Th w={170}>{t('intel.col.type')}</Table.Th>
            <Table.Th>{t('intel.col.name')}</Table.Th>
            <Table.Th w={120}>{t('intel.col.tlp')}</Table.Th>
            <Table.Th w={160}>{t('intel.col.modified')}</Table.Th>
            <Table.Th w={240}>{t('intel.col.owner')}</Table.Th>
          </>
        }
      >
        {(rows) =>
          rows.map((o) => {
            const isCursor = o.id === cursorId;
            return (
              <Table.Tr key={o.id} ref={isCursor ? cursorRow : undefined} data-testid="intel-row" data-object-id={o.id} data-cursor={isCursor || undefined} tabIndex={isCursor ? 0 : -1}
                style={{ outline: 'none' }} bg={isCursor ? 'var(--mantine-primary-color-light)' : undefined} onClick={() => setCursorId(o.id)} aria-selected={isCursor}>
                <Table.Td><StixTypeBadge type={o.type} /></Table.Td>
                <Table.Td maw={520}>
                  <Anchor component={Link} to={objectPath(o.id, exerciseId)} size="sm" fw={500} lineClamp={1} style={{ wordBreak: 'break-all' }}>{o.name}</Anchor>
                </Table.Td>
                <Table.Td><ObjectTlp tlp={o.tlp} /></Table.Td>
                <Table.Td><Text size="xs">{o.modified ? fmt.dateTime(o.modified) : '—'}</Text></Table.Td>
                <Table.Td><Text size="xs" lineClamp={1}>{o.ownerOrgId ? nameOf(o.ownerOrgId, o.ownerOrgName ?? '') : (o.ownerOrgName ?? '—')}</Text></Table.Td>
              </Table.Tr>
            );
          })
        }
      </ListTable>
      {search.hasNextPage && (
        <Paper p={0}>
          <Button size="xs" variant="light" loading={search.isFetchingNextPage} onClick={() => void search.fetchNextPage()} data-testid="intel-more">{t('intel.more')}</Button>
        </Paper>
      )}
    </Stack>
  );
}
