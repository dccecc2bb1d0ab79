import { useQuery } from '@tanstack/react-query';
import type { User, UserCreate, UserCreated, UserPasswordResetDone, UserPatch } from '@lachan/contracts';
import { api, type Page } from '../../api/client.ts';

/** Query keys of the users module (the event stream invalidates ['users']). */
export const userKeys = {
  list: (filters: { orgId: string | null; q: string }) => ['users', filters] as const,
};

/** GET /users filtered by organisation and text. */
export function useUsers(filters: { orgId: string | null; q: string }) {
  return useQuery({
    queryKey: userKeys.list(filters),
    queryFn: () => api.get<Page<User>>('/users', { orgId: filters.orgId, q: filters.q }),
    placeholderData: (previous) => previous,
  });
}

/** Writes of the users module, one per endpoint. */
export const userApi = {
  create: (body: UserCreate) => api.post<UserCreated>('/users', body),
  update: (id: string, body: UserPatch) => api.patch<User>(`/users/${id}`, body),
  resetPassword: (id: string) => api.post<UserPasswordResetDone>(`/users/${id}/password`, {}),
  resetSecondFactor: (id: string) => api.delete<User>(`/users/${id}/second-factor`),
};
