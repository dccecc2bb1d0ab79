import { useQuery } from '@tanstack/react-query';
import type { StatsHourly, StatsOverview, StatsQuery, StatsResponse, StatsSeries } from '@lachan/contracts';
import { api } from '../../api/client.ts';
import { groupByOf, type StatsDimension } from './breakdown.ts';

/** Query keys of the statistics page; under `stats`, so the dashboard's live refresh renews them too. */
export const statisticsKeys = {
  series: (q: StatsQuery, groupBy: string) => ['stats', 'series', groupBy, q] as const,
  overview: (q: StatsQuery) => ['stats', 'overview', q] as const,
  hourly: (q: Omit<StatsQuery, 'from' | 'to' | 'rsitClass'>) => ['stats', 'hourly', q] as const,
  response: (q: StatsQuery) => ['stats', 'response', q] as const,
};

const keep = { placeholderData: <T,>(prev: T | undefined) => prev, staleTime: 15_000 };

/** GET /stats/series grouped by the dimension; `enabled` false leaves it unasked (no comparison). */
export function useDimensionSeries(q: StatsQuery, dimension: StatsDimension, enabled = true) {
  const groupBy = groupByOf(dimension);
  return useQuery({ queryKey: statisticsKeys.series(q, groupBy), queryFn: () => api.get<StatsSeries>('/stats/series', { ...q, groupBy }), enabled, ...keep });
}

/** GET /stats/overview: totals and incidents of the period. */
export function usePeriodOverview(q: StatsQuery, enabled = true) {
  return useQuery({ queryKey: statisticsKeys.overview(q), queryFn: () => api.get<StatsOverview>('/stats/overview', { ...q }), enabled, ...keep });
}

/** GET /stats/hourly: the last 24 hours hour by hour (class filters do not apply to the hourly roll-up). */
export function useHourly(q: Omit<StatsQuery, 'from' | 'to' | 'rsitClass'>, enabled: boolean) {
  return useQuery({ queryKey: statisticsKeys.hourly(q), queryFn: () => api.get<StatsHourly>('/stats/hourly', { ...q, hours: 24 }), enabled, ...keep });
}

/** GET /stats/response: median response times and deadline compliance of the incidents opened in the period. */
export function useResponseTimes(q: StatsQuery) {
  return useQuery({ queryKey: statisticsKeys.response(q), queryFn: () => api.get<StatsResponse>('/stats/response', { ...q }), ...keep });
}
