import { Button, Chip, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SEVERITIES } from '@lachan/contracts';
import { OrgPicker, useOrgLabels } from '../orgs/index.ts';
import { FilterSelect } from '../../components/FilterSelect.tsx';
import { SearchInput } from '../../components/SearchInput.tsx';
import { FilterChips } from '../../components/FilterChips.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import { FORMAT_LABELS, FORMAT_ORDER, RSIT_CLASSES, useRsitLabel } from './alertLabels.ts';
import type { useAlertFilters } from './useAlertFilters.ts';

type Filters = ReturnType<typeof useAlertFilters>;

/** Free-text search and the severity, format, RSIT class, sector, province and organisation filters of the stream. */
export function AlertFilterBar({ filters }: { filters: Filters }) {
  const { t } = useTranslation();
  const labels = useOrgLabels();
  const rsitLabel = useRsitLabel();
  const fmt = useFormat();
  const { raw, set, clear, narrowing, reset } = filters;
  const drill = Boolean(raw.exercise || raw.exerciseId);
  const days = raw.from && raw.to ? (raw.from === raw.to ? fmt.shortDate(raw.from) : `${fmt.shortDate(raw.from)} – ${fmt.shortDate(raw.to)}`) : null;
  const chips = [
    ...(days ? [{ key: 'period', label: t('statistics.drill.days', { days }), onRemove: () => clear(['from', 'to']) }] : []),
    ...(raw.rsit === '' ? [{ key: 'unclassified', label: rsitLabel(''), onRemove: () => set('rsit', null) }] : []),
  ];
  return (
    <Group gap="xs" align="flex-end" wrap="wrap">
      <SearchInput w={240} label={t('alerts.filters.search')} placeholder={t('alerts.filters.searchPlaceholder')} value={raw.q} onChange={(q) => set('q', q)} testId="alert-search" />
      <FilterSelect w={150} label={t('alerts.filters.severity')} data={SEVERITIES.map((s, i) => ({ value: String(i + 1), label: t('alerts.filters.atLeast', { level: t(`severity.${s}`) }) }))} value={raw.severity} onChange={(v) => set('severity', v)} testId="alert-filter-severity" />
      <FilterSelect w={130} label={t('alerts.filters.format')} data={FORMAT_ORDER.map((f) => ({ value: f, label: FORMAT_LABELS[f] }))} value={raw.format} onChange={(v) => set('format', v)} testId="alert-filter-format" />
      <FilterSelect w={190} label={t('alerts.filters.rsitClass')} data={RSIT_CLASSES.map((c) => ({ value: c, label: rsitLabel(c) }))} value={raw.rsit} onChange={(v) => set('rsit', v)} testId="alert-filter-rsit" />
      <FilterSelect w={165} label={t('alerts.filters.sector')} data={labels.sectorOptions} value={raw.sector} onChange={(v) => set('sector', v)} searchable testId="alert-filter-sector" />
      <FilterSelect w={165} label={t('alerts.filters.province')} data={labels.provinceOptions} value={raw.province} onChange={(v) => set('province', v)} searchable testId="alert-filter-province" />
      <OrgPicker size="xs" placeholder={t('alerts.filters.org')} value={raw.org} onChange={(v) => set('org', v)} clearable includeInactive testId="alert-filter-org" />
      <Chip size="xs" checked={drill} onChange={() => (drill ? clear(['exercise', 'exerciseId']) : set('exercise', 'true'))} color="orange" data-testid="alert-filter-exercise">
        {t('alerts.filters.exercise')}
      </Chip>
      <FilterChips chips={chips} removeLabel={t('common.remove')} />
      {narrowing && (
        <Button size="xs" variant="subtle" onClick={reset}>
          {t('common.clearFilters')}
        </Button>
      )}
    </Group>
  );
}
