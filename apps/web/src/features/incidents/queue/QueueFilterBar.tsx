import { Button, Chip, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { INCIDENT_STATUSES, SEVERITIES, TLP_LEVELS } from '@lachan/contracts';
import { FilterSelect } from '../../../components/FilterSelect.tsx';
import { SearchInput } from '../../../components/SearchInput.tsx';
import { RSIT_CLASSES, useRsitLabel } from '../../alerts/alertLabels.ts';
import { OrgPicker } from '../../orgs/OrgPicker.tsx';
import { useOrgLabels } from '../../orgs/useOrgLabels.ts';
import { FilterChips } from '../../../components/FilterChips.tsx';
import { useFormat } from '../../../i18n/useFormat.ts';
import type { useQueueFilters } from './useQueueFilters.ts';

type Filters = ReturnType<typeof useQueueFilters>;

/** Search and the status, severity, class, TLP, serious, organisation, overdue and "mine" filters of the queue. */
export function QueueFilterBar({ filters }: { filters: Filters }) {
  const { t } = useTranslation();
  const rsitLabel = useRsitLabel();
  const labels = useOrgLabels();
  const fmt = useFormat();
  const { get, set, apply, search, narrowing } = filters;
  const without = (...keys: string[]) => () => {
    const next = new URLSearchParams(search);
    for (const k of keys) next.delete(k);
    apply(next.toString());
  };
  const from = get('from');
  const to = get('to');
  const days = from && to ? (from === to ? fmt.shortDate(from) : `${fmt.shortDate(from)} – ${fmt.shortDate(to)}`) : null;
  const chips = [
    ...(get('sector') ? [{ key: 'sector', label: labels.sector(get('sector')!), onRemove: without('sector') }] : []),
    ...(get('province') ? [{ key: 'province', label: labels.province(get('province')), onRemove: without('province') }] : []),
    ...(days ? [{ key: 'period', label: t('statistics.drill.opened', { days }), onRemove: without('from', 'to') }] : []),
  ];
  const toggle = (key: 'overdue' | 'assigned', on: string) => set(key, get(key) ? null : on);
  const drill = Boolean(get('exercise') || get('exerciseId'));
  return (
    <Group gap="xs" align="center" wrap="wrap" data-testid="incident-filters">
      <SearchInput w={230} label={t('incidents.filters.search')} placeholder={t('incidents.filters.searchPlaceholder')} value={get('q') ?? ''} onChange={(q) => set('q', q)} testId="incident-search" />
      <FilterSelect
        w={140}
        label={t('incidents.filters.status')}
        data={[{ value: 'open', label: t('incidents.filters.open') }, ...INCIDENT_STATUSES.map((s) => ({ value: s, label: t(`incidents.statuses.${s}`) }))]}
        value={get('status')}
        onChange={(v) => set('status', v)}
        testId="incident-filter-status"
      />
      <FilterSelect
        w={150}
        label={t('incidents.filters.severity')}
        data={SEVERITIES.map((s, i) => ({ value: String(i + 1), label: t('alerts.filters.atLeast', { level: t(`severity.${s}`) }) }))}
        value={get('severity')}
        onChange={(v) => set('severity', v)}
        testId="incident-filter-severity"
      />
      <FilterSelect w={180} label={t('incidents.filters.class')} data={RSIT_CLASSES.map((c) => ({ value: c, label: rsitLabel(c) }))} value={get('class')} onChange={(v) => set('class', v)} testId="incident-filter-class" />
      <FilterSelect w={130} label="TLP" data={TLP_LEVELS.map((l) => ({ value: l, label: `TLP:${l}` }))} value={get('tlp')} onChange={(v) => set('tlp', v)} testId="incident-filter-tlp" />
      <FilterSelect
        w={150}
        label={t('incidents.filters.serious')}
        data={[{ value: 'true', label: t('incidents.filters.seriousOnly') }, { value: 'false', label: t('incidents.filters.routineOnly') }]}
        value={get('serious')}
        onChange={(v) => set('serious', v)}
        testId="incident-filter-serious"
      />
      <div style={{ width: 220 }}>
        <OrgPicker size="xs" placeholder={t('incidents.filters.org')} value={get('org')} onChange={(v) => set('org', v)} includeInactive testId="incident-filter-org" />
      </div>
      <Chip size="xs" checked={Boolean(get('overdue'))} onChange={() => toggle('overdue', 'true')} color="red" data-testid="incident-filter-overdue">
        {t('incidents.filters.overdue')}
      </Chip>
      <Chip size="xs" checked={Boolean(get('assigned'))} onChange={() => toggle('assigned', 'me')} data-testid="incident-filter-mine">
        {t('incidents.filters.mine')}
      </Chip>
      <Chip size="xs" checked={drill} onChange={drill ? without('exercise', 'exerciseId') : () => set('exercise', 'true')} color="orange" data-testid="incident-filter-exercise">
        {t('incidents.filters.exercise')}
      </Chip>
      <FilterChips chips={chips} removeLabel={t('common.remove')} />
      {narrowing && (
        <Button size="xs" variant="subtle" onClick={() => apply('')}>
          {t('common.clearFilters')}
        </Button>
      )}
    </Group>
  );
}
