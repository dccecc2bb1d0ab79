import { useQuery } from '@tanstack/react-query';
import type {
  ConstituencyDigest, ConstituencyMapping, ConstituencyMappingCreate, ConstituencyMappingUpdate, ConstituencyRow, ConstituencyRowQuery, ConstituencyStats,
} from '@lachan/contracts';
import { api, type Page } from '../../api/client.ts';

/** Query keys of the constituency reports. */
export const constituencyKeys = {
  rows: (q: ConstituencyRowQuery) => ['constituency', 'rows', q] as const,
  stats: ['constituency', 'stats'] as const,
  digest: (day: string) => ['constituency', 'digest', day] as const,
  mappings: ['constituency', 'mappings'] as const,
};

/** GET /constituency/rows: rows in the caller's organisations, newest first. */
export function useConstituencyRows(q: ConstituencyRowQuery) {
  return useQuery({ queryKey: constituencyKeys.rows(q), queryFn: () => api.get<Page<ConstituencyRow>>('/constituency/rows', { ...q, limit: q.limit ?? 200 }) });
}

/** GET /constituency/stats: the last 30 days by report type, sector, province and day. */
export function useConstituencyStats() {
  return useQuery({ queryKey: constituencyKeys.stats, queryFn: () => api.get<ConstituencyStats>('/constituency/stats') });
}

/** GET /constituency/digest: the own organisation's digest of a day. */
export function useConstituencyDigest(day: string) {
  return useQuery({ queryKey: constituencyKeys.digest(day), queryFn: () => api.get<ConstituencyDigest>('/constituency/digest', { day }) });
}

/** GET /constituency/mappings: the centre's CSV mappings. */
export function useConstituencyMappings(enabled: boolean) {
  return useQuery({ queryKey: constituencyKeys.mappings, queryFn: () => api.get<ConstituencyMapping[]>('/constituency/mappings'), enabled });
}

/** Writes of the CSV mappings. */
export const mappingApi = {
  create: (body: ConstituencyMappingCreate) => api.post<ConstituencyMapping>('/constituency/mappings', body),
  update: (id: string, body: ConstituencyMappingUpdate) => api.patch<ConstituencyMapping>(`/constituency/mappings/${id}`, body),
  remove: (id: string) => api.delete<ConstituencyMapping>(`/constituency/mappings/${id}`),
};
