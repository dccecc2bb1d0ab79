import { useMemo } from 'react';
import { Button, Stack, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { StatsQuery, StatsSeries } from '@lachan/contracts';
import { QueryState } from '../../components/QueryState.tsx';
import { Section } from '../../components/Section.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import { EChart } from '../dashboard/EChart.tsx';
import { BreakdownTable } from './BreakdownTable.tsx';
import { breakdownCsv, breakdownRows } from './breakdown.ts';
import { downloadText } from './download.ts';
import { ResponseCard } from './ResponseCard.tsx';
import { useDimensionSeries, useHourly, usePeriodOverview } from './statistics.api.ts';
import { StatsControls } from './StatsControls.tsx';
import { StatsKpis } from './StatsKpis.tsx';
import { previousPeriod, statsPeriodOf } from './statsPeriod.ts';
import { statsTrendOption, topLines } from './statsTrend.ts';
import { useStatsLabels } from './useStatsLabels.ts';
import { useStatsParams } from './useStatsParams.ts';

const sumAt = (s: StatsSeries | undefined, width: number) => Array.from({ length: width }, (_, i) => (s?.series ?? []).reduce((a, l) => a + (l.alerts[i] ?? 0), 0));

/**
 * /statistics: any dimension over any period (the last 24 hours to years), compared with the period
 * before, each figure leading to the alerts and incidents behind it; exports; response times.
 */
export function StatisticsPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const p = useStatsParams();
  const label = useStatsLabels();
  const period = statsPeriodOf(p.params);
  const { dimension, filters, compare } = p;
  const query: StatsQuery = { from: period.from, to: period.to, ...filters };
  const before = previousPeriod(period);
  const prevQuery: StatsQuery = { ...query, ...before };
  const series = useDimensionSeries(query, dimension);
  const prevSeries = useDimensionSeries(prevQuery, dimension, compare);
  const overview = usePeriodOverview(query);
  const prevOverview = usePeriodOverview(prevQuery, compare);
  const hourly = useHourly({ sector: filters.sector, province: filters.province, minSeverity: filters.minSeverity }, period.hours !== null);

  const rows = useMemo(() => (series.data ? breakdownRows(dimension, series.data, compare ? (prevSeries.data ?? null) : null) : []), [dimension, series.data, prevSeries.data, compare]);
  const labelOf = useMemo(() => new Map((series.data?.series ?? []).map((s) => [s.key, s.labelEn])), [series.data]);

  const trend = useMemo(() => {
    if (period.hours !== null) {
      const h = hourly.data;
      if (!h) return null;
      return statsTrendOption(h.hours, [{ name: t('statistics.kpi.alerts'), data: h.alerts }], (x) => fmt.timeOfDay(x));
    }
    const s = series.data;
    if (!s) return null;
    const lines = dimension === 'day' ? [{ name: t('statistics.kpi.alerts'), data: sumAt(s, s.days.length) }] : topLines(s.series.map((l) => ({ name: label(dimension, l.key, l.label, l.labelEn), data: l.alerts })), 5, t('statistics.trend.others'));
    const prev = compare && prevSeries.data ? { name: t('statistics.compareWith', { from: fmt.shortDate(before.from), to: fmt.shortDate(before.to) }), data: sumAt(prevSeries.data, s.days.length) } : undefined;
    return statsTrendOption(s.days, lines, (d) => fmt.shortDate(d), prev);
  }, [period.hours, hourly.data, series.data, prevSeries.data, dimension, compare, label, t, fmt, before.from, before.to]);

  const exportTable = () => {
    const header = [dimension, 'name', 'alerts', 'occurrences', ...(compare ? ['previous_alerts', 'previous_occurrences', 'change'] : [])];
    const body = rows.map((r) => [r.key, label(dimension, r.key, r.label, labelOf.get(r.key)), r.alerts, r.occurrences, ...(compare ? [r.previous?.alerts ?? 0, r.previous?.occurrences ?? 0, r.change === null ? null : Math.round(r.change * 1000) / 1000] : [])]);
    downloadText(`lachan-${dimension}-${period.from}-${period.to}.csv`, breakdownCsv(header, body));
  };

  const o = overview.data;
  const h = period.hours !== null ? hourly.data : undefined;
  const prev = compare ? prevOverview.data : undefined;
  const kpis = [
    { key: 'alerts' as const, value: h ? h.totals.alerts : period.hours !== null ? undefined : o?.totals.alerts, previous: period.hours === null ? prev?.totals.alerts : undefined },
    { key: 'occurrences' as const, value: h ? h.totals.occurrences : period.hours !== null ? undefined : o?.totals.occurrences, previous: period.hours === null ? prev?.totals.occurrences : undefined },
    { key: 'organisations' as const, value: h ? h.totals.organisations : period.hours !== null ? undefined : o?.totals.organisations, previous: period.hours === null ? prev?.totals.organisations : undefined },
    { key: 'incidentsOpened' as const, value: o?.incidents.opened, previous: prev?.incidents.opened },
  ];

  return (
    <Stack gap="sm" data-testid="statistics-page" data-dimension={dimension} data-period={period.preset}>
      <div>
        <Title order={2} size="h3" data-testid="statistics-title">
          {t('statistics.title')}
        </Title>
        <Text size="xs" c="dimmed" data-testid="statistics-period-line">
          {period.hours !== null
            ? t('statistics.hoursLine', { to: fmt.dateTime(new Date().toISOString()), from: fmt.shortDate(period.from), today: fmt.shortDate(period.to) })
            : t('statistics.periodLine', { from: fmt.date(`${period.from}T12:00:00Z`), to: fmt.date(`${period.to}T12:00:00Z`), days: fmt.number(period.days) })}
          {compare && ` · ${t('statistics.compareWith', { from: fmt.shortDate(before.from), to: fmt.shortDate(before.to) })}`}
        </Text>
      </div>
      <StatsControls p={p} period={period} />
      <StatsKpis kpis={kpis} />
      <Section title={period.hours !== null ? t('statistics.trend.hourly') : t('statistics.trend.daily')} testId="stats-trend">
        {trend ? <EChart option={trend} height={240} label={t('statistics.trend.daily')} testId="stats-trend-chart" /> : <Text size="xs">…</Text>}
      </Section>
      <Section
        title={t(`dashboard.dimension.${dimension}`)}
        testId="stats-breakdown"
        actions={
          <Button size="compact-xs" variant="default" leftSection={<IconDownload size={12} />} onClick={exportTable} disabled={!series.data} data-testid="stats-export">
            {t('statistics.export.table')}
          </Button>
        }
      >
        <QueryState query={series}>{() => <BreakdownTable dimension={dimension} rows={rows} label={(r) => label(dimension, r.key, r.label, labelOf.get(r.key))} filters={filters} period={period} compare={compare} />}</QueryState>
      </Section>
      <ResponseCard query={query} />
    </Stack>
  );
}
