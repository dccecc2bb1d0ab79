import { useQuery } from '@tanstack/react-query';
import type { Exercise, ExerciseCreate, ExpectationJudgement, InboxItem, Lesson, ManualInject, Scenario, ScenarioDocument, ScenarioSummary, Scoreboard, TeamReport } from '@lachan/contracts';
import { api } from '../../api/client.ts';
import { useApiMutation } from '../../api/useApiMutation.ts';

/** Query keys of exercises (the event stream refreshes the ['exercises'] prefix on exercise events). */
export const exerciseKeys = {
  all: ['exercises'] as const,
  list: ['exercises', 'list'] as const,
  scenarios: ['exercises', 'scenarios'] as const,
  scenario: (id: string) => ['exercises', 'scenarios', id] as const,
  detail: (id: string) => ['exercises', 'detail', id] as const,
  scoreboard: (id: string) => ['exercises', 'scoreboard', id] as const,
  inbox: (id: string, orgId: string) => ['exercises', 'inbox', id, orgId] as const,
  report: (id: string, orgId: string) => ['exercises', 'report', id, orgId] as const,
};

export const useExercises = (enabled = true) =>
  useQuery({ queryKey: exerciseKeys.list, queryFn: () => api.get<{ items: Exercise[] }>('/exercises'), enabled, refetchInterval: enabled ? 30_000 : false });
/** Runs under way (running or paused) in which the caller's own organisation is a team: where it may add knowledge. */
export function useRunsIPlay(enabled: boolean, orgId: string): Exercise[] {
  const runs = useExercises(enabled);
  return (runs.data?.items ?? []).filter((e) => (e.status === 'running' || e.status === 'paused') && e.teams.some((t) => t.orgId === orgId));
}
/** Runs whose knowledge the caller may read: those it organises (white team) and those under way it plays in. */
export function useKnowledgeRuns(enabled: boolean): Exercise[] {
  const runs = useExercises(enabled);
  return (runs.data?.items ?? []).filter((e) => e.role === 'white' || e.status === 'running' || e.status === 'paused');
}
export const useScenarios = (enabled: boolean) =>
  useQuery({ queryKey: exerciseKeys.scenarios, queryFn: () => api.get<{ items: ScenarioSummary[] }>('/exercises/scenarios'), enabled });
export const useScenario = (id: string) => useQuery({ queryKey: exerciseKeys.scenario(id), queryFn: () => api.get<Scenario>(`/exercises/scenarios/${id}`) });
export const useExercise = (id: string) => useQuery({ queryKey: exerciseKeys.detail(id), queryFn: () => api.get<Exercise>(`/exercises/${id}`) });
/** The exercise a record belongs to, if the reader may see it (the server answers 404 otherwise: then no title, no link). */
export const useVisibleExercise = (id: string, enabled: boolean) =>
  useQuery({ queryKey: exerciseKeys.detail(id), queryFn: () => api.get<Exercise>(`/exercises/${id}`), enabled, retry: false, staleTime: 5 * 60_000 });
export const useScoreboard = (id: string, enabled: boolean) =>
  useQuery({ queryKey: exerciseKeys.scoreboard(id), queryFn: () => api.get<Scoreboard>(`/exercises/${id}/scoreboard`), enabled });
export const useInbox = (id: string, orgId: string | null) =>
  useQuery({ queryKey: exerciseKeys.inbox(id, orgId ?? ''), queryFn: () => api.get<{ items: InboxItem[] }>(`/exercises/${id}/teams/${orgId}/inbox`), enabled: orgId !== null });
export const useTeamReport = (id: string, orgId: string) =>
  useQuery({ queryKey: exerciseKeys.report(id, orgId), queryFn: () => api.get<TeamReport>(`/exercises/${id}/teams/${orgId}/report`) });

const all = { invalidate: [exerciseKeys.all] };
export const useImportScenario = (success: string) => useApiMutation((doc: ScenarioDocument) => api.post<Scenario>('/exercises/scenarios', doc), { ...all, success });
export const useSaveScenario = (id: string, success: string) => useApiMutation((doc: ScenarioDocument) => api.put<Scenario>(`/exercises/scenarios/${id}`, doc), { ...all, success });
export const useScheduleExercise = (onDone: (e: Exercise) => void) => useApiMutation((b: ExerciseCreate) => api.post<Exercise>('/exercises', b), { ...all, onSuccess: onDone });
export const useExerciseControl = (id: string) =>
  useApiMutation((action: 'start' | 'pause' | 'resume' | 'end' | 'replay') => api.post<Exercise>(`/exercises/${id}/${action}`), all);
export const useExerciseSpeed = (id: string) => useApiMutation((speed: number) => api.post<Exercise>(`/exercises/${id}/speed`, { speed }), all);
export const useManualInject = (id: string, success: string) => useApiMutation((b: ManualInject) => api.post<Exercise>(`/exercises/${id}/injects`, b), { ...all, success });
export const useJudge = (id: string) => useApiMutation((b: ExpectationJudgement) => api.post<Scoreboard>(`/exercises/${id}/judgements`, b), all);
export const useAddLesson = (id: string, success: string) =>
  useApiMutation((b: { teamOrgId: string; body: string }) => api.post<Lesson>(`/exercises/${id}/lessons`, b), { ...all, success });

/** Saves a value as a JSON file in the browser (scenario export, report export). */
export function downloadJson(name: string, value: unknown): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(value, null, 1)], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}
