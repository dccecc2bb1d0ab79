import { useQuery } from '@tanstack/react-query';
import type {
  ClassificationAnswers, ClassificationResult, InformationSystem, SystemCreate, SystemImportResult, SystemLayers, SystemLayersPut, SystemPatch, SystemSummary,
} from '@lachan/contracts';
import { api, type Page } from '../../api/client.ts';
import { useApiMutation } from '../../api/useApiMutation.ts';

/** Query keys of the registry (everything under ['systems'] refreshes together). */
export const systemKeys = {
  all: ['systems'] as const,
  list: (filters: SystemFilters) => ['systems', 'list', filters] as const,
  detail: (id: string) => ['systems', 'detail', id] as const,
  layers: (id: string) => ['systems', 'layers', id] as const,
};

/** Filters of the registry list (the server applies them all). */
export interface SystemFilters {
  orgId?: string;
  level?: number;
  critical?: boolean;
  q?: string;
  status?: 'active' | 'retired' | 'all';
  functionType?: string;
  /** Layer 2: the owner or operator has a SOC provider. */
  monitored?: boolean;
  /** Layer 4: a connector of the owner sent alerts in the last 72 hours. */
  connected?: boolean;
}

export const useSystems = (filters: SystemFilters) =>
  useQuery({ queryKey: systemKeys.list(filters), queryFn: () => api.get<Page<SystemSummary>>('/systems', { ...filters, limit: 2000 }) });
export const useSystem = (id: string) => useQuery({ queryKey: systemKeys.detail(id), queryFn: () => api.get<InformationSystem>(`/systems/${id}`) });
export const useSystemLayers = (id: string) => useQuery({ queryKey: systemKeys.layers(id), queryFn: () => api.get<SystemLayers>(`/systems/${id}/layers`) });

const all = { invalidate: [systemKeys.all] };
export const useCreateSystem = (onDone: (s: InformationSystem) => void) =>
  useApiMutation((b: SystemCreate) => api.post<InformationSystem>('/systems', b), { ...all, onSuccess: onDone });
export const useUpdateSystem = (id: string, onDone: (s: InformationSystem) => void) =>
  useApiMutation((b: SystemPatch) => api.patch<InformationSystem>(`/systems/${id}`, b), { ...all, onSuccess: onDone });
export const useRetireSystem = (id: string, success: string) =>
  useApiMutation((reason: string) => api.post<InformationSystem>(`/systems/${id}/retire`, { reason }), { ...all, success });
export const usePutLayers = (id: string, success: string, onDone: () => void) =>
  useApiMutation((b: SystemLayersPut) => api.put<SystemLayers>(`/systems/${id}/layers`, b), { ...all, success, onSuccess: onDone });
export const useClassify = () =>
  useApiMutation((components: ClassificationAnswers[]) => api.post<ClassificationResult>('/systems/classify', { components }));
export const useImportSystems = (orgId: string | null) =>
  useApiMutation((csv: File) => api.upload<SystemImportResult>(`/orgs/${orgId}/systems/import`, csv, 'text/csv'), all);
