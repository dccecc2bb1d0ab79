import { Group, SegmentedControl, Select, Switch, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SEVERITIES } from '@lachan/contracts';
import { FilterSelect } from '../../components/FilterSelect.tsx';
import { RSIT_CLASSES, useRsitLabel } from '../alerts/alertLabels.ts';
import { useOrgLabels } from '../orgs/index.ts';
import { STATS_DIMENSIONS } from './breakdown.ts';
import { STATS_PRESETS, type StatsPeriod } from './statsPeriod.ts';
import type { StatsParams } from './useStatsParams.ts';

/** The page's questions: dimension, period (24 h to years, or any range), comparison and filters, all kept in the address. */
export function StatsControls({ p, period }: { p: StatsParams; period: StatsPeriod }) {
  const { t } = useTranslation();
  const labels = useOrgLabels();
  const rsit = useRsitLabel();
  const presetLabel = (v: string) => (v === '24h' ? t('statistics.period.h24') : v === '365' ? t('statistics.period.year') : t('statistics.period.days', { n: Number(v) }));
  return (
    <Group gap="xs" align="flex-end" wrap="wrap" data-testid="stats-controls">
      <Select
        size="xs"
        w={170}
        label={t('statistics.dimension')}
        data={STATS_DIMENSIONS.map((d) => ({ value: d, label: t(`statistics.dimensions.${d}`) }))}
        value={p.dimension}
        onChange={(v) => v && p.update({ dim: v })}
        allowDeselect={false}
        data-testid="stats-dimension"
      />
      <SegmentedControl
        size="xs"
        aria-label={t('statistics.period.label')}
        value={period.preset}
        onChange={(v) => (v === 'custom' ? p.update({ period: null, from: period.from, to: period.to }) : p.update({ period: v, from: null, to: null }))}
        data={[...STATS_PRESETS.map((v) => ({ value: v, label: presetLabel(v) })), { value: 'custom', label: t('statistics.period.custom') }]}
        data-testid="stats-period"
      />
      {period.preset === 'custom' && (
        <>
          <TextInput size="xs" type="date" w={135} label={t('statistics.period.from')} value={period.from} max={period.to} onChange={(e) => e.currentTarget.value && p.update({ from: e.currentTarget.value })} data-testid="stats-from" />
          <TextInput size="xs" type="date" w={135} label={t('statistics.period.to')} value={period.to} min={period.from} onChange={(e) => e.currentTarget.value && p.update({ to: e.currentTarget.value })} data-testid="stats-to" />
        </>
      )}
      <FilterSelect w={160} label={t('statistics.filters.sector')} data={labels.sectorOptions} value={p.filters.sector ?? null} onChange={(v) => p.update({ sector: v })} searchable testId="stats-filter-sector" />
      <FilterSelect w={160} label={t('statistics.filters.province')} data={labels.provinceOptions} value={p.filters.province ?? null} onChange={(v) => p.update({ province: v })} searchable testId="stats-filter-province" />
      <FilterSelect w={170} label={t('statistics.filters.class')} data={RSIT_CLASSES.map((c) => ({ value: c, label: rsit(c) }))} value={p.filters.rsitClass ?? null} onChange={(v) => p.update({ rsit: v })} testId="stats-filter-class" />
      <FilterSelect
        w={140}
        label={t('statistics.filters.severity')}
        data={SEVERITIES.map((s, i) => ({ value: String(i + 1), label: t(`severity.${s}`) }))}
        value={p.filters.minSeverity ? String(p.filters.minSeverity) : null}
        onChange={(v) => p.update({ severity: v })}
        testId="stats-filter-severity"
      />
      <Switch size="xs" mb={6} label={t('statistics.compare')} checked={p.compare} onChange={(e) => p.update({ compare: e.currentTarget.checked ? '1' : null })} data-testid="stats-compare" />
    </Group>
  );
}
