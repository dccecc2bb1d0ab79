import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { AuditEntry, AuditHead, AuditListQuery, AuditVerifyResult } from '@lachan/contracts';
import { api, apiUrl, type Page } from '../../api/client.ts';

/** The viewer's filters: the list query without its paging. */
export type AuditFilters = Omit<AuditListQuery, 'before' | 'limit'>;

const PAGE_SIZE = 100;

/** GET /audit with the filters, one id-cursor page after another. */
export function useAuditLog(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ['audit', 'list', filters],
    queryFn: ({ pageParam }) => api.get<Page<AuditEntry>>('/audit', { ...filters, limit: PAGE_SIZE, before: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** The address of the filtered log as a file. */
export const auditExportUrl = (filters: AuditFilters, format: 'csv' | 'ndjson'): string => apiUrl('/audit/export', { ...filters, format });

/** The centre's chain checks. */
export const auditApi = {
  verify: () => api.get<AuditVerifyResult>('/audit/verify'),
  head: () => api.get<AuditHead>('/audit/head'),
};
