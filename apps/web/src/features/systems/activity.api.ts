import { useQuery } from '@tanstack/react-query';
import { api, ApiError } from '../../api/client.ts';

/** What GET /systems/:id/activity answers (the registry's tie to incidents, alerts, indicators and assessments). */
export interface SystemActivity {
  incidents: { id: string; title: string; severity: number | string; status: string; openedAt: string }[];
  openAlerts: { count: number; latest: { id: string; title: string; severity: number | string; receivedAt: string }[] };
  indicatorsMatched: { value: string; type: string; lastSeen: string; count: number }[];
  unmetRequirements: { campaignId: string; campaignTitle: string; requirementId: string; text: string | { vi?: string; en?: string }; answer: string }[];
}

/**
 * A system's activity; `null` when the server has no such endpoint (404 of the route, not of the
 * system), so the page hides the section instead of showing an error.
 */
export function useSystemActivity(id: string) {
  return useQuery({
    queryKey: ['systems', 'activity', id],
    queryFn: async () => {
      try {
        return await api.get<SystemActivity>(`/systems/${id}/activity`);
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) return null;
        throw e;
      }
    },
    retry: false,
  });
}
