import { useQuery } from '@tanstack/react-query';
import type { IncidentSummary, PromotionRule } from '@lachan/contracts';
import { api, type Page } from '../../api/client.ts';

/** GET /incidents/:id: the incident and the alerts it gathers. */
export interface IncidentDetail extends IncidentSummary {
  alerts: { id: string; title: string; severity: number; occurrences: number; lastSeen: string }[];
}

/** Query keys of the incidents module (the event stream invalidates by the ['incidents'] prefix). */
export const incidentKeys = {
  list: ['incidents', 'list'] as const,
  detail: (id: string) => ['incidents', 'detail', id] as const,
  rules: ['promotion-rules'] as const,
};

/** GET /incidents, most recent activity first (as the server orders them). */
export function useIncidents() {
  return useQuery({ queryKey: incidentKeys.list, queryFn: () => api.get<Page<IncidentSummary>>('/incidents') });
}

/** GET /incidents/:id. */
export function useIncident(id: string) {
  return useQuery({ queryKey: incidentKeys.detail(id), queryFn: () => api.get<IncidentDetail>(`/incidents/${id}`) });
}

/** GET /promotion-rules, to name the rule that opened an incident. */
export function usePromotionRules() {
  return useQuery({ queryKey: incidentKeys.rules, queryFn: () => api.get<PromotionRule[]>('/promotion-rules'), staleTime: 5 * 60_000 });
}
