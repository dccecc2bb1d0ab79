import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type {
  AlertsActionResult,
  AlertsAssign,
  AlertsFalsePositive,
  AlertsOpenIncident,
  IncidentDetail,
  PromotionSuppression,
  AlertDetail,
  AlertListQuery,
  AlertSource,
  AlertSummary,
  QuarantineItem,
  QuarantineListQuery,
  QuarantineReplay,
  QuarantineReplayResult,
  SyslogSourceCreate,
} from '@lachan/contracts';
import { api, type Page } from '../../api/client.ts';

/** What the alert stream filters on (the cursor and page size are the stream's own business). */
export type AlertFilters = Omit<AlertListQuery, 'before' | 'limit' | 'since'>;
export type QuarantineState = NonNullable<QuarantineListQuery['state']>;
export interface QuarantineFilters {
  state: QuarantineState;
  sourceId: string | null;
}

/** Query keys of the alerts module (the event stream invalidates by these prefixes). */
export const alertKeys = {
  list: (filters: AlertFilters) => ['alerts', 'list', filters] as const,
  detail: (id: string) => ['alerts', 'detail', id] as const,
  sources: ['alert-sources'] as const,
  quarantine: (filters: QuarantineFilters) => ['quarantine', filters] as const,
  suppressions: ['promotion-suppressions'] as const,
};

const STREAM_PAGE = 100;
const QUARANTINE_PAGE = 100;

/** GET /alerts, newest first, a page at a time ("load older" asks for the next one by `before`). */
export function useAlertPages(filters: AlertFilters, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: alertKeys.list(filters),
    queryFn: ({ pageParam }) => api.get<Page<AlertSummary>>('/alerts', { ...filters, before: pageParam, limit: STREAM_PAGE }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
    staleTime: 5_000,
  });
}

/** GET /alerts/:id, the full alert with its raw record. */
export function useAlert(id: string) {
  return useQuery({ queryKey: alertKeys.detail(id), queryFn: () => api.get<AlertDetail>(`/alerts/${id}`) });
}

/** GET /alert-sources, the connectors and their counters. */
export function useAlertSources() {
  return useQuery({ queryKey: alertKeys.sources, queryFn: () => api.get<AlertSource[]>('/alert-sources'), staleTime: 10_000 });
}

/** GET /quarantine, newest first, a page at a time. */
export function useQuarantine(filters: QuarantineFilters) {
  return useInfiniteQuery({
    queryKey: alertKeys.quarantine(filters),
    queryFn: ({ pageParam }) => api.get<Page<QuarantineItem>>('/quarantine', { state: filters.state, sourceId: filters.sourceId, before: pageParam, limit: QUARANTINE_PAGE }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: (previous) => previous,
  });
}

/** GET /promotion-suppressions: the groups rules stopped opening incidents for, in the caller's organisations. */
export function useSuppressions() {
  return useQuery({ queryKey: alertKeys.suppressions, queryFn: () => api.get<PromotionSuppression[]>('/promotion-suppressions') });
}

/** Writes of the alerts module, one per endpoint. */
export const alertApi = {
  openIncident: (body: AlertsOpenIncident) => api.post<IncidentDetail>('/alerts/open-incident', body),
  falsePositive: (body: AlertsFalsePositive) => api.post<AlertsActionResult>('/alerts/false-positive', body),
  assign: (body: AlertsAssign) => api.post<AlertsActionResult>('/alerts/assign', body),
  liftSuppression: (id: string) => api.delete<PromotionSuppression>(`/promotion-suppressions/${id}`),
  createSyslogSource: (body: SyslogSourceCreate) => api.post<AlertSource>('/alert-sources', body),
  replay: (body: QuarantineReplay) => api.post<QuarantineReplayResult>('/quarantine/replay', body),
};
