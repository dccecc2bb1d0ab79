import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type {
  IntelCollection,
  IntelCollectionList,
  IntelCollectionPatch,
  IntelFeedList,
  IntelFeedInput,
  IntelIntakeRun,
  IntelObjectDetail,
  IntelObjectPage,
  IntelObjectQuery,
  IntelObjectVersions,
  Tlp,
} from '@lachan/contracts';
import { api } from '../../api/client.ts';
import { useApiMutation } from '../../api/useApiMutation.ts';

/** Query keys of the knowledge base (the event stream invalidates by the ['intel'] prefix). */
export const intelKeys = {
  all: ['intel'] as const,
  search: (q: IntelObjectQuery) => ['intel', 'objects', q] as const,
  object: (id: string, exerciseId?: string) => ['intel', 'object', id, exerciseId ?? null] as const,
  versions: (id: string, exerciseId?: string) => ['intel', 'object', id, exerciseId ?? null, 'versions'] as const,
  runs: ['intel', 'runs'] as const,
  run: (id: string) => ['intel', 'runs', id] as const,
  feeds: ['intel', 'feeds'] as const,
  collections: ['intel', 'collections'] as const,
};

/** How often a running intake is asked for its progress. */
export const RUN_POLL_MS = 1000;

/** GET /intel/objects, page after page by cursor. */
export function useIntelSearch(q: IntelObjectQuery) {
  return useInfiniteQuery({
    queryKey: intelKeys.search(q),
    queryFn: ({ pageParam }) => api.get<IntelObjectPage>('/intel/objects', { ...q, cursor: pageParam ?? undefined }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    // the table keeps the last answer while the next search runs, instead of flashing a loader
    placeholderData: keepPreviousData,
  });
}

/** GET /intel/objects/:id: newest version, relationships both ways, sightings. */
export function useIntelObject(id: string, exerciseId?: string) {
  return useQuery({ queryKey: intelKeys.object(id, exerciseId), queryFn: () => api.get<IntelObjectDetail>(`/intel/objects/${id}`, exerciseId ? { exerciseId } : {}) });
}

/** GET /intel/objects/:id/versions, newest first. */
export function useIntelVersions(id: string, enabled: boolean, exerciseId?: string) {
  return useQuery({ queryKey: intelKeys.versions(id, exerciseId), queryFn: () => api.get<IntelObjectVersions>(`/intel/objects/${id}/versions`, exerciseId ? { exerciseId } : {}), enabled });
}

/** GET /intel/intake-runs, refreshed while any run is still going. */
export function useIntakeRuns() {
  return useQuery({
    queryKey: intelKeys.runs,
    queryFn: () => api.get<{ items: IntelIntakeRun[] }>('/intel/intake-runs'),
    refetchInterval: (query) => (query.state.data?.items.some((r) => r.status === 'running') ? RUN_POLL_MS : false),
  });
}

/** GET /intel/intake-runs/:id, polled until the run ends. */
export function useIntakeRun(id: string | null) {
  return useQuery({
    queryKey: intelKeys.run(id ?? ''),
    queryFn: () => api.get<IntelIntakeRun>(`/intel/intake-runs/${id}`),
    enabled: id !== null,
    refetchInterval: (query) => (query.state.data?.status === 'running' || !query.state.data ? RUN_POLL_MS : false),
  });
}

/** GET /intel/feeds. */
export function useFeeds() {
  return useQuery({ queryKey: intelKeys.feeds, queryFn: () => api.get<IntelFeedList>('/intel/feeds') });
}

/** POST /intel/feeds/:id/run. */
export function useRunFeed(success: string) {
  return useApiMutation((id: string) => api.post<{ runId: string }>(`/intel/feeds/${id}/run`), { invalidate: [intelKeys.runs, intelKeys.feeds], success });
}

/** The registration form of a feed (a TAXII feed also names its collection and, if needed, credentials). */
export type FeedForm = IntelFeedInput;

/** POST /intel/feeds. */
export function useRegisterFeed(success: string) {
  return useApiMutation((f: FeedForm) => api.post<{ id: string }>('/intel/feeds', f), { invalidate: [intelKeys.feeds], success });
}

/** POST /intel/attack with the ATT&CK bundle the user chose (read as JSON). */
export function useAttackImport(success: string) {
  return useApiMutation(async (file: File) => api.post<{ runId: string }>('/intel/attack', JSON.parse(await file.text()) as unknown), { invalidate: [intelKeys.runs], success });
}

/** GET /intel/collections (the national centre). */
export function useCollections() {
  return useQuery({ queryKey: intelKeys.collections, queryFn: () => api.get<IntelCollectionList>('/intel/collections') });
}

/** A new collection as POST /intel/collections takes it. */
export interface CollectionCreate { title: string; alias?: string; description?: string; tlpCeiling: Tlp; grants: IntelCollectionPatch['grants'] & object }

/** POST /intel/collections. */
export function useCreateCollection(success: string) {
  return useApiMutation((c: CollectionCreate) => api.post<{ id: string }>('/intel/collections', c), { invalidate: [intelKeys.collections], success });
}

/** PATCH /intel/collections/:id. */
export function useUpdateCollection(success: string) {
  return useApiMutation(({ id, patch }: { id: string; patch: IntelCollectionPatch }) => api.patch<IntelCollection>(`/intel/collections/${id}`, patch), { invalidate: [intelKeys.collections], success });
}
