import { useQuery } from '@tanstack/react-query';
import type { ApiKey, ApiKeyCreate, ApiKeyCreated } from '@lachan/contracts';
import { api, type Page } from '../../api/client.ts';

/** GET /api-keys by organisation, optionally with revoked keys. */
export function useApiKeys(filters: { orgId: string | null; includeRevoked: boolean }) {
  return useQuery({
    queryKey: ['apikeys', filters],
    queryFn: () => api.get<Page<ApiKey>>('/api-keys', { orgId: filters.orgId, includeRevoked: filters.includeRevoked }),
    placeholderData: (previous) => previous,
  });
}

/** Writes of the API keys module, one per endpoint. */
export const apiKeyApi = {
  create: (body: ApiKeyCreate) => api.post<ApiKeyCreated>('/api-keys', body),
  revoke: (id: string) => api.delete<ApiKey>(`/api-keys/${id}`),
};
