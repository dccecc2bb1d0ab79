import { useQuery } from '@tanstack/react-query';
import type { Webhook, WebhookCreated, WebhookTestResult } from '@lachan/contracts';
import { api } from '../../api/client.ts';
import { useApiMutation } from '../../api/useApiMutation.ts';

const keyOf = (orgId: string) => ['warning-webhooks', orgId] as const;

/** GET /orgs/:orgId/warning-webhooks: the organisation's endpoints with their last delivery. */
export function useWebhooks(orgId: string | null) {
  return useQuery({ queryKey: keyOf(orgId ?? ''), queryFn: () => api.get<Webhook[]>(`/orgs/${orgId}/warning-webhooks`), enabled: !!orgId });
}

/** POST /orgs/:orgId/warning-webhooks: the answer carries the generated secret, once. */
export function useAddWebhook(orgId: string, onCreated: (w: WebhookCreated) => void) {
  return useApiMutation((url: string) => api.post<WebhookCreated>(`/orgs/${orgId}/warning-webhooks`, { url }), { invalidate: [keyOf(orgId)], onSuccess: onCreated });
}

/** DELETE /orgs/:orgId/warning-webhooks/:id. */
export function useDeleteWebhook(orgId: string, success: string) {
  return useApiMutation((id: string) => api.delete<null>(`/orgs/${orgId}/warning-webhooks/${id}`), { invalidate: [keyOf(orgId)], success });
}

/** POST /orgs/:orgId/warning-webhooks/:id/test: a signed test payload sent now. */
export function useTestWebhook(orgId: string) {
  return useApiMutation((id: string) => api.post<WebhookTestResult>(`/orgs/${orgId}/warning-webhooks/${id}/test`));
}
