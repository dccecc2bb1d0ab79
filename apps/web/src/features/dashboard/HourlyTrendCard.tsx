import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Section } from '../../components/Section.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import { useHourly } from '../statistics/statistics.api.ts';
import { statsTrendOption } from '../statistics/statsTrend.ts';
import { EChart } from './EChart.tsx';

/** The last 24 hours hour by hour (alerts and occurrences), for the dashboard's shortest period. */
export function HourlyTrendCard({ sector, province }: { sector?: string; province?: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const hourly = useHourly({ sector, province }, true);
  const option = useMemo(
    () =>
      hourly.data
        ? statsTrendOption(hourly.data.hours, [{ name: t('dashboard.kpi.alerts'), data: hourly.data.alerts }, { name: t('dashboard.kpi.occurrences'), data: hourly.data.occurrences }], (x) => fmt.timeOfDay(x))
        : null,
    [hourly.data, t, fmt],
  );
  return (
    <Section title={t('dashboard.trend.hourly')} testId="trend-hourly">
      {option && <EChart option={option} height={220} label={t('dashboard.trend.hourly')} testId="trend" />}
    </Section>
  );
}
