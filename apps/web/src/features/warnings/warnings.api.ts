import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { RecipientPreview, SurgeReport, Warning, WarningCreate, WarningListQuery, WarningStatus, WarningTargeting } from '@lachan/contracts';
import { api, type Page } from '../../api/client.ts';
import { useApiMutation } from '../../api/useApiMutation.ts';

/** Which side of the exercise line a list reads: real warnings ({}), those of exercises, or those of one exercise. */
export type ExerciseSide = Pick<WarningListQuery, 'exercise' | 'exerciseId'>;

/** Query keys of the warnings module (the event stream invalidates by the ['warnings'] prefix). */
export const warningKeys = {
  all: ['warnings'] as const,
  list: (side: ExerciseSide = {}) => ['warnings', 'list', side] as const,
  inbox: (side: ExerciseSide = {}) => ['warnings', 'inbox', side] as const,
  detail: (id: string) => ['warnings', 'detail', id] as const,
  status: (id: string) => ['warnings', 'status', id] as const,
  preview: (targeting: WarningTargeting) => ['warnings', 'preview', targeting] as const,
};

/** GET /warnings: what the caller authored or may oversee (real ones, or those of exercises, or of one exercise). */
export function useWarnings(side: ExerciseSide = {}) {
  return useQuery({ queryKey: warningKeys.list(side), queryFn: () => api.get<Page<Warning>>('/warnings', side) });
}

/** GET /stats/surges: when the hourly surge watcher last looked (refreshed every minute). */
export function useSurgeWatch(enabled = true) {
  return useQuery({ queryKey: ['stats', 'surges', 'watch'], queryFn: () => api.get<SurgeReport>('/stats/surges', { groupBy: 'sector' }), enabled, refetchInterval: 60_000, retry: false });
}

/** GET /warnings/inbox: issued warnings sent to the caller's organisation, with its read/ack times (real ones, or those of exercises, or of one exercise). */
export function useWarningInbox(enabled = true, side: ExerciseSide = {}) {
  return useQuery({ queryKey: warningKeys.inbox(side), queryFn: () => api.get<Page<Warning>>('/warnings/inbox', side), enabled });
}

/** GET /warnings/:id. */
export function useWarning(id: string) {
  return useQuery({ queryKey: warningKeys.detail(id), queryFn: () => api.get<Warning>(`/warnings/${id}`) });
}

/** GET /warnings/:id/status: the centre's delivery figures. */
export function useWarningStatus(id: string) {
  return useQuery({ queryKey: warningKeys.status(id), queryFn: () => api.get<WarningStatus>(`/warnings/${id}/status`) });
}

/** POST /warnings/preview-recipients for the (already debounced) targeting. */
export function useRecipientPreview(targeting: WarningTargeting) {
  return useQuery({ queryKey: warningKeys.preview(targeting), queryFn: () => api.post<RecipientPreview>('/warnings/preview-recipients', targeting), placeholderData: keepPreviousData });
}

/** Creates the draft, or patches it once it exists; resolves to the saved warning. */
export function useSaveWarning() {
  return useApiMutation(({ id, body }: { id: string | null; body: WarningCreate }) => (id ? api.patch<Warning>(`/warnings/${id}`, body) : api.post<Warning>('/warnings', body)), { invalidate: [warningKeys.all] });
}

/** POST /warnings/:id/issue. */
export function useIssueWarning(success: string) {
  return useApiMutation((id: string) => api.post<Warning>(`/warnings/${id}/issue`), { invalidate: [warningKeys.all], success });
}

/** POST /warnings/:id/withdraw. */
export function useWithdrawWarning(success: string) {
  return useApiMutation((id: string) => api.post<Warning>(`/warnings/${id}/withdraw`), { invalidate: [warningKeys.all], success });
}

/** POST /warnings/:id/discard: a draft or proposal that will not be issued. */
export function useDiscardWarning(success: string) {
  return useApiMutation((id: string) => api.post<Warning>(`/warnings/${id}/discard`), { invalidate: [warningKeys.all], success });
}

/** POST /warnings/:id/ack for the caller's organisation. */
export function useAckWarning(success: string) {
  return useApiMutation((id: string) => api.post<Warning>(`/warnings/${id}/ack`, {}), { invalidate: [warningKeys.all], success });
}

/** POST /warnings/:id/read, quietly, when a recipient opens a warning. */
export function useMarkRead() {
  return useApiMutation((id: string) => api.post<Warning>(`/warnings/${id}/read`, {}), { invalidate: [['warnings', 'inbox']] });
}

/** POST /warnings/:id/deliveries/:deliveryId/retry: queues a dead letter again (the issuer). */
export function useRetryDelivery(warningId: string, success: string) {
  return useApiMutation((deliveryId: string) => api.post<WarningStatus>(`/warnings/${warningId}/deliveries/${deliveryId}/retry`), { invalidate: [warningKeys.status(warningId)], success });
}
