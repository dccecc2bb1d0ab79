import { useQuery } from '@tanstack/react-query';
import type {
  AnswerPut, AssessmentCampaign, AssessmentCampaignCreate, AssessmentOverview, AssessmentTask, AssessmentTaskDetail, CatalogueDetail, CatalogueDocument,
  CatalogueSummary, ReviewPut,
} from '@lachan/contracts';
import { api, type Page } from '../../api/client.ts';
import { useApiMutation } from '../../api/useApiMutation.ts';

/** One submitted version of a task, read-only. */
export interface TaskVersion { version: number; signedBy: string; submittedAt: string; content: unknown }

/** Query keys of catalogues and assessments. */
export const assessmentKeys = {
  all: ['assessments'] as const,
  catalogues: ['assessments', 'catalogues'] as const,
  catalogue: (id: string) => ['assessments', 'catalogues', id] as const,
  campaigns: ['assessments', 'campaigns'] as const,
  overview: (id: string, orgId: string | null) => ['assessments', 'overview', id, orgId] as const,
  tasks: (role: 'owner' | 'assessor', campaignId?: string) => ['assessments', 'tasks', role, campaignId ?? null] as const,
  task: (id: string) => ['assessments', 'task', id] as const,
  versions: (id: string) => ['assessments', 'versions', id] as const,
};

export const useCatalogues = () => useQuery({ queryKey: assessmentKeys.catalogues, queryFn: async () => ({ items: await api.get<CatalogueSummary[]>('/catalogues') }) });
export const useCatalogue = (id: string) => useQuery({ queryKey: assessmentKeys.catalogue(id), queryFn: () => api.get<CatalogueDetail>(`/catalogues/${id}`) });
export const useCampaigns = () => useQuery({ queryKey: assessmentKeys.campaigns, queryFn: async () => ({ items: await api.get<AssessmentCampaign[]>('/assessment-campaigns') }) });
export const useOverview = (id: string, orgId: string | null) =>
  useQuery({ queryKey: assessmentKeys.overview(id, orgId), queryFn: () => api.get<AssessmentOverview>(`/assessment-campaigns/${id}/overview`, { orgId }) });
export const useTasks = (role: 'owner' | 'assessor', campaignId?: string) =>
  useQuery({ queryKey: assessmentKeys.tasks(role, campaignId), queryFn: () => api.get<Page<AssessmentTask>>('/assessment-tasks', { role, campaignId, limit: 2000 }) });
export const useTask = (id: string) => useQuery({ queryKey: assessmentKeys.task(id), queryFn: () => api.get<AssessmentTaskDetail>(`/assessment-tasks/${id}`) });
export const useVersions = (id: string, enabled: boolean) =>
  useQuery({ queryKey: assessmentKeys.versions(id), queryFn: () => api.get<TaskVersion[]>(`/assessment-tasks/${id}/versions`), enabled });

const all = { invalidate: [assessmentKeys.all] };
export const useLoadCatalogue = (onDone: (c: CatalogueDetail) => void) =>
  useApiMutation((doc: CatalogueDocument) => api.post<CatalogueDetail>('/catalogues', doc), { ...all, onSuccess: onDone });
export const useLaunchCampaign = (onDone: (c: AssessmentCampaign) => void) =>
  useApiMutation((b: AssessmentCampaignCreate) => api.post<AssessmentCampaign>('/assessment-campaigns', b), { ...all, onSuccess: onDone });
export const useAnswer = (taskId: string) =>
  useApiMutation((v: { reqId: string; body: AnswerPut }) => api.put<AssessmentTask>(`/assessment-tasks/${taskId}/answers/${encodeURIComponent(v.reqId)}`, v.body), all);
export const useReview = (taskId: string) =>
  useApiMutation((v: { reqId: string; body: ReviewPut }) => api.put<AssessmentTask>(`/assessment-tasks/${taskId}/reviews/${encodeURIComponent(v.reqId)}`, v.body), all);
export const useAssignAssessor = (taskId: string, success: string) =>
  useApiMutation((assessorOrgId: string) => api.put<AssessmentTask>(`/assessment-tasks/${taskId}/assessor`, { assessorOrgId }), { ...all, success });
export const useSubmitTask = (taskId: string, success: string) =>
  useApiMutation((signature: string) => api.post<AssessmentTask>(`/assessment-tasks/${taskId}/submit`, { signature }), { ...all, success });
export const useReopenTask = (taskId: string, success: string) =>
  useApiMutation(() => api.post<AssessmentTask>(`/assessment-tasks/${taskId}/reopen`), { ...all, success });
export const useUploadEvidence = (taskId: string) =>
  useApiMutation((v: { reqId: string; file: File }) =>
    api.upload<AssessmentTaskDetail>(`/assessment-tasks/${taskId}/answers/${encodeURIComponent(v.reqId)}/evidence`, v.file, v.file.type || 'application/octet-stream', { fileName: v.file.name }), all);

/** Picks the console language's side of a text given in either or both languages. */
export function pickText(text: { vi?: string; en?: string } | undefined, lang: string): string {
  if (!text) return '';
  return (lang === 'en' ? text.en ?? text.vi : text.vi ?? text.en) ?? '';
}
