import { useMemo } from 'react';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StatsCount } from '@lachan/contracts';
import { Section } from '../../components/Section.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import { useForecast } from './dashboard.api.ts';
import { EChart } from './EChart.tsx';
import { trendOption } from './trendOption.ts';

/** Which forecast matches the figures on screen: the country, one sector or one province (else none). */
export function forecastTarget(sector?: string, province?: string) {
  if (sector && province) return null;
  if (sector) return { groupBy: 'sector' as const, key: sector };
  if (province) return { groupBy: 'province' as const, key: province };
  return { groupBy: 'none' as const };
}

/** Daily alerts and occurrences of the period, with the 14-day forecast when the server offers one. */
export function TrendCard({ byDay, sector, province, periodEndsToday }: { byDay: StatsCount[]; sector?: string; province?: string; periodEndsToday: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const forecast = useForecast(periodEndsToday ? forecastTarget(sector, province) : null).data;
  const option = useMemo(
    () =>
      trendOption(
        byDay,
        {
          alerts: t('dashboard.kpi.alerts'),
          occurrences: t('dashboard.kpi.occurrences'),
          forecast: t('dashboard.trend.forecast'),
          band80: t('dashboard.trend.band80'),
          band95: t('dashboard.trend.band95'),
          day: (d) => fmt.shortDate(d),
          number: fmt.number,
        },
        forecast,
      ),
    [byDay, forecast, t, fmt],
  );
  const mase = forecast?.backtest.mase;
  const history = forecast?.historyDays === undefined ? null
    : forecast.historyDays === 0 ? t('dashboard.trend.noHistory')
      : t('dashboard.trend.history', { count: forecast.historyDays, days: fmt.number(forecast.historyDays), since: forecast.dataSince ? fmt.shortDate(forecast.dataSince) : '—' });
  return (
    <Section
      title={t('dashboard.trend.title')}
      testId="trend"
      actions={
        forecast && (
          <Text size="xs" c="dimmed" data-testid="forecast-note">
            {t('dashboard.trend.model', { model: forecast.model, mase: mase === null || mase === undefined ? '—' : mase.toFixed(2) })}
            {history && <span data-testid="forecast-history">{` · ${history}`}</span>}
          </Text>
        )
      }
    >
      <EChart option={option} height={210} label={t('dashboard.trend.title')} />
    </Section>
  );
}
