import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatsQuery } from '@lachan/contracts';
import { Section } from '../../components/Section.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { EmptyNote } from '../../components/EmptyNote.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import { useRsitLabel } from '../alerts/alertLabels.ts';
import { useSeries } from './dashboard.api.ts';
import { EChart } from './EChart.tsx';
import { seriesOption } from './trendOption.ts';

const SHOWN = 6;

/** Daily occurrences of the busiest RSIT classes, one line each (sector and province pages). */
export function ClassSeriesCard({ query }: { query: StatsQuery }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const rsit = useRsitLabel();
  const series = useSeries(query, 'class');
  const option = useMemo(() => {
    if (!series.data) return null;
    const sum = (a: number[]) => a.reduce((x, y) => x + y, 0);
    const top = [...series.data.series].sort((a, b) => sum(b.occurrences) - sum(a.occurrences)).slice(0, SHOWN);
    return top.length ? seriesOption(series.data.days, top.map((s) => ({ name: rsit(s.key), data: s.occurrences })), { day: fmt.shortDate, number: fmt.number }) : null;
  }, [series.data, rsit, fmt]);
  return (
    <Section title={t('dashboard.classSeries')} testId="class-series">
      <QueryState query={series}>{() => (option ? <EChart option={option} height={200} label={t('dashboard.classSeries')} /> : <EmptyNote>{t('dashboard.empty')}</EmptyNote>)}</QueryState>
    </Section>
  );
}
