import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { Deadline, DeadlinesQuery, IncidentDetail, IncidentListQuery, IncidentSummary, PromotionRule, ReportingRegime } from '@lachan/contracts';
import { api, type Page } from '../../api/client.ts';

/** Queue filters: the list query without its paging. */
export type IncidentFilters = Omit<IncidentListQuery, 'cursor' | 'limit'>;

/** Sub-resources of an incident, each a GET /incidents/:id/<part> list. */
export type IncidentPart = 'timeline' | 'comments' | 'tasks' | 'shares' | 'reports' | 'support-requests' | 'attachments' | 'similar';

/** Query keys, all under ['incidents'] so that one `incident.*` stream event refreshes every view of them. */
export const incidentKeys = {
  all: ['incidents'] as const,
  list: (filters: IncidentFilters) => ['incidents', 'list', filters] as const,
  detail: (id: string) => ['incidents', 'detail', id] as const,
  part: (id: string, part: IncidentPart) => ['incidents', 'detail', id, part] as const,
  deadlines: (query: DeadlinesQuery) => ['incidents', 'deadlines', query] as const,
  regimes: ['incidents', 'regimes'] as const,
  rules: ['promotion-rules'] as const,
};

const PAGE_SIZE = 50;

/** GET /incidents with the queue's filters, one keyset page after another. */
export function useIncidentQueue(filters: IncidentFilters) {
  return useInfiniteQuery({
    queryKey: incidentKeys.list(filters),
    queryFn: ({ pageParam }) => api.get<Page<IncidentSummary>>('/incidents', { ...filters, limit: PAGE_SIZE, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** GET /incidents/:id: the incident, its clocks and what the caller may do with it. */
export function useIncident(id: string) {
  return useQuery({ queryKey: incidentKeys.detail(id), queryFn: () => api.get<IncidentDetail>(`/incidents/${id}`) });
}

/** GET /incidents/:id/<part> (timeline, tasks, shares…). */
export function useIncidentPart<T>(id: string, part: IncidentPart, enabled = true) {
  return useQuery({ queryKey: incidentKeys.part(id, part), queryFn: () => api.get<T[]>(`/incidents/${id}/${part}`), enabled });
}

/** GET /incidents/deadlines: the reporting clocks of an organisation's incidents. */
export function useDeadlines(query: DeadlinesQuery) {
  return useQuery({ queryKey: incidentKeys.deadlines(query), queryFn: () => api.get<Deadline[]>('/incidents/deadlines', { ...query }), placeholderData: keepPreviousData });
}

/** GET /reporting-regimes: the legal regimes and their clock rules. */
export function useRegimes() {
  return useQuery({ queryKey: incidentKeys.regimes, queryFn: () => api.get<ReportingRegime[]>('/reporting-regimes'), staleTime: 5 * 60_000 });
}

/** GET /promotion-rules, to name the rule that opened an incident. */
export function usePromotionRules() {
  return useQuery({ queryKey: incidentKeys.rules, queryFn: () => api.get<PromotionRule[]>('/promotion-rules'), staleTime: 5 * 60_000 });
}

/** The name of a regime in the current language (its code until the regimes are loaded). */
export function useRegimeName() {
  const regimes = useRegimes();
  return (code: string, lang: string) => {
    const r = regimes.data?.find((x) => x.code === code);
    return r ? (lang === 'en' ? r.nameEn : r.name) : code;
  };
}
