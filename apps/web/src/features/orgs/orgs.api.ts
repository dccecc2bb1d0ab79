import { useQuery } from '@tanstack/react-query';
import type {
  Asset,
  AssetCreate,
  FocalPointInput,
  OrgCreate,
  OrgHistoryEntry,
  Organization,
  OrgMerge,
  OrgPatch,
  OrgSummary,
  Province,
  Sector,
  SocLinkCreate,
} from '@lachan/contracts';
import { api, type Page } from '../../api/client.ts';
import { nameCollator } from '../../lib/text.ts';

/** Query keys of the organisation module (the event stream invalidates by these prefixes). */
export const orgKeys = {
  directory: ['orgs', 'directory'] as const,
  detail: (id: string) => ['org', id] as const,
  history: (id: string) => ['org', id, 'history'] as const,
  sectors: ['sectors'] as const,
  provinces: ['provinces'] as const,
  assets: (id: string) => ['assets', id] as const,
};

/** Upper bound of the directory fetch: the whole national directory fits, so tree and filters work locally. */
const DIRECTORY_LIMIT = 5000;

/** Every organisation visible to the user, all statuses: the directory, pickers and child lists use it. */
export function useOrgDirectory() {
  return useQuery({
    queryKey: orgKeys.directory,
    queryFn: () => api.get<Page<OrgSummary>>('/orgs', { status: 'all', limit: DIRECTORY_LIMIT }),
    staleTime: 60_000,
  });
}

/** GET /orgs/:id, the full record. */
export function useOrg(id: string) {
  return useQuery({ queryKey: orgKeys.detail(id), queryFn: () => api.get<Organization>(`/orgs/${id}`) });
}

/** GET /orgs/:id/history, structural changes. */
export function useOrgHistory(id: string) {
  return useQuery({ queryKey: orgKeys.history(id), queryFn: () => api.get<OrgHistoryEntry[]>(`/orgs/${id}/history`) });
}

/** GET /sectors (new sectors are data, so they are fetched, not bundled). */
export function useSectors() {
  return useQuery({ queryKey: orgKeys.sectors, queryFn: () => api.get<Sector[]>('/sectors'), staleTime: 10 * 60_000 });
}

/** The 34 provincial units, sorted in Vietnamese order. */
export function useProvinces() {
  return useQuery({
    queryKey: orgKeys.provinces,
    queryFn: async () => (await api.get<Province[]>('/provinces')).sort((a, b) => nameCollator.compare(a.nameVi, b.nameVi)),
    staleTime: Infinity,
  });
}

/** GET /orgs/:id/assets: the networks, domains and hosts that attribute alerts to the organisation. */
export function useAssets(orgId: string) {
  return useQuery({ queryKey: orgKeys.assets(orgId), queryFn: () => api.get<Asset[]>(`/orgs/${orgId}/assets`) });
}

/** Writes of the organisation module, one per endpoint. */
export const orgApi = {
  create: (body: OrgCreate) => api.post<Organization>('/orgs', body),
  update: (id: string, body: OrgPatch) => api.patch<Organization>(`/orgs/${id}`, body),
  replaceFocalPoints: (id: string, focalPoints: FocalPointInput[]) => api.put<Organization>(`/orgs/${id}/focal-points`, { focalPoints }),
  move: (id: string, parentId: string | null) => api.post<Organization>(`/orgs/${id}/move`, { parentId }),
  merge: (id: string, body: OrgMerge) => api.post<Organization>(`/orgs/${id}/merge`, body),
  retire: (id: string, reason: string) => api.post<Organization>(`/orgs/${id}/retire`, { reason }),
  addSocClient: (id: string, body: SocLinkCreate) => api.post<unknown>(`/orgs/${id}/soc-clients`, body),
  removeSocClient: (id: string, clientId: string) => api.delete<unknown>(`/orgs/${id}/soc-clients/${clientId}`),
  addAsset: (id: string, body: AssetCreate) => api.post<Asset>(`/orgs/${id}/assets`, body),
  removeAsset: (assetId: string) => api.delete<Asset>(`/assets/${assetId}`),
};
