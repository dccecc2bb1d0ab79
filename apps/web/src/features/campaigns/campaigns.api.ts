import { useQuery } from '@tanstack/react-query';
import type { CampaignDetail, CampaignListQuery, CampaignSummary, Warning } from '@lachan/contracts';
import { api, type Page } from '../../api/client.ts';
import { useApiMutation } from '../../api/useApiMutation.ts';

/** Query keys of the campaigns module (the event stream invalidates by the ['campaigns'] prefix). */
export const campaignKeys = {
  all: ['campaigns'] as const,
  list: (filters: CampaignListQuery) => ['campaigns', 'list', filters] as const,
  detail: (id: string) => ['campaigns', 'detail', id] as const,
};

/** GET /campaigns with the list's filters. */
export function useCampaigns(filters: CampaignListQuery) {
  return useQuery({ queryKey: campaignKeys.list(filters), queryFn: () => api.get<Page<CampaignSummary>>('/campaigns', { ...filters }) });
}

/** GET /campaigns/:id: members (hidden ones as counts), evidence, alerts and incidents. */
export function useCampaign(id: string) {
  return useQuery({ queryKey: campaignKeys.detail(id), queryFn: () => api.get<CampaignDetail>(`/campaigns/${id}`) });
}

/** POST /campaigns/:id/confirm or /dismiss (the centre's decision). */
export function useCampaignDecision(decision: 'confirm' | 'dismiss', success: string) {
  return useApiMutation((id: string) => api.post<CampaignDetail>(`/campaigns/${id}/${decision}`), { invalidate: [campaignKeys.all], success });
}

/** POST /campaigns/:id/propose-warning: a draft warning prefilled from the campaign (the centre); `onDraft` opens it. */
export function useProposeWarning(onDraft: (w: Warning) => void) {
  return useApiMutation((id: string) => api.post<Warning>(`/campaigns/${id}/propose-warning`), { invalidate: [['warnings']], onSuccess: onDraft });
}
