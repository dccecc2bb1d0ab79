import { useQuery } from '@tanstack/react-query';
import type { MemberCount, StatsOverview, StatsQuery, StatsSeries } from '@lachan/contracts';
import { api, apiUrl, ApiError, type Page } from '../../api/client.ts';

/**
 * A daily forecast 14 days ahead (GET /stats/forecast, the analytics module): only the fields the trend
 * chart draws, so the chart accepts the full contract once it is on this branch.
 */
export interface ForecastBand {
  model: string;
  points: { date: string; mean: number; lo80: number; hi80: number; lo95: number; hi95: number }[];
  backtest: { mase: number | null };
  /** Days of history the forecast stands on, from the first day with data (older servers omit them). */
  historyDays?: number;
  dataSince?: string | null;
}

/** An active campaign as the "top campaigns" card shows it (GET /campaigns, the campaigns module). */
export interface CampaignSummary {
  id: string;
  title?: string;
  titleCode?: 'shared_infrastructure';
  titleParams?: { value: string };
  name?: string;
  members?: MemberCount;
  alertCount?: number;
}

/** Query keys of the dashboard (refreshed by the live throttle, not by every stream event). */
export const statsKeys = {
  all: ['stats'] as const,
  overview: (q: StatsQuery) => ['stats', 'overview', q] as const,
  series: (q: StatsQuery, groupBy: string) => ['stats', 'series', groupBy, q] as const,
  forecast: (groupBy: string, key: string | undefined) => ['stats', 'forecast', groupBy, key] as const,
  campaigns: ['campaigns', 'active-top'] as const,
};

/** A module not built yet answers 404: the card it feeds then stays hidden, with no retries. */
const quietly = <T>(fetcher: () => Promise<T>) => async (): Promise<T | null> => {
  try {
    return await fetcher();
  } catch (e) {
    if (e instanceof ApiError && (e.status === 404 || e.status === 403)) return null;
    throw e;
  }
};

/** GET /stats/overview: totals, breakdowns, trend, live counters and incidents of the period. */
export function useOverview(q: StatsQuery) {
  return useQuery({ queryKey: statsKeys.overview(q), queryFn: () => api.get<StatsOverview>('/stats/overview', { ...q }), placeholderData: (prev) => prev, staleTime: 15_000 });
}

/** GET /stats/series: daily counts per group, for the per-class lines of a sector or province page. */
export function useSeries(q: StatsQuery, groupBy: 'class' | 'sector' | 'province') {
  return useQuery({ queryKey: statsKeys.series(q, groupBy), queryFn: () => api.get<StatsSeries>('/stats/series', { ...q, groupBy }), placeholderData: (prev) => prev, staleTime: 15_000 });
}

/** GET /stats/forecast for the trend; null when the server has no forecasts (hidden, never invented). */
export function useForecast(target: { groupBy: 'none' | 'sector' | 'province'; key?: string } | null) {
  const groupBy = target?.groupBy ?? 'none';
  return useQuery({
    queryKey: statsKeys.forecast(groupBy, target?.key),
    queryFn: quietly(() => api.get<ForecastBand>('/stats/forecast', { groupBy, key: target?.key })),
    enabled: target !== null,
    retry: false,
    staleTime: 10 * 60_000,
  });
}

/** GET /campaigns?status=active&limit=5; null when the campaigns module is not there. */
export function useActiveCampaigns() {
  return useQuery({ queryKey: statsKeys.campaigns, queryFn: quietly(() => api.get<Page<CampaignSummary>>('/campaigns', { status: 'active', limit: 5 })), retry: false, staleTime: 60_000 });
}

/** Address of a CSV export of one breakdown (a plain link: the browser downloads it with the session cookie). */
export function exportUrl(q: StatsQuery, dimension: string): string {
  return apiUrl('/stats/export.csv', { ...q, dimension });
}
