import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LoginBody, LoginResponse, Me, MeResponse, Permission } from '@lachan/contracts';
import { api, ApiError, setCsrfToken } from '../../api/client.ts';
import { setLanguage, storedLanguage } from '../../i18n/index.ts';

/** Query key of the session. */
export const ME_KEY = ['me'] as const;

/** Follows the user's saved language unless this browser has an explicit choice. */
function adoptLocale(user: Me): void {
  if (!storedLanguage()) void setLanguage(user.locale, false);
}

/** GET /me: the signed-in user, or null when there is no session (401). */
async function fetchMe(): Promise<Me | null> {
  try {
    const answer = await api.get<MeResponse>('/me');
    if (answer.csrfToken) setCsrfToken(answer.csrfToken);
    adoptLocale(answer.user);
    return answer.user;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** The session: `data` is the user, null when signed out, undefined while loading. */
export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: Infinity, retry: 1 });
}

/** The signed-in user; only for components rendered behind the sign-in gate. */
export function useCurrentUser(): Me {
  const { data } = useMe();
  if (!data) throw new Error('useCurrentUser used outside the signed-in area');
  return data;
}

/** Whether the signed-in user holds a permission (the server decides scope; the console only hides). */
export function usePermission(permission: Permission): boolean {
  return useCurrentUser().permissions.includes(permission);
}

/** POST /auth/login, then the session is the answer. */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation<LoginResponse, Error, LoginBody>({
    mutationFn: (body) => api.post<LoginResponse>('/auth/login', body),
    onSuccess: (answer) => {
      setCsrfToken(answer.csrfToken);
      adoptLocale(answer.user);
      queryClient.setQueryData(ME_KEY, answer.user);
    },
  });
}

/** POST /auth/second-factor: the code of the second step; the answer is the complete session. */
export function useSecondFactorSignIn() {
  const queryClient = useQueryClient();
  return useMutation<LoginResponse, Error, { code: string }>({
    mutationFn: (body) => api.post<LoginResponse>('/auth/second-factor', body),
    onSuccess: (answer) => {
      setCsrfToken(answer.csrfToken);
      queryClient.setQueryData(ME_KEY, answer.user);
    },
  });
}

/** Reads the session again (after an enrolment completes it, or a password change ends it). */
export function useRefreshMe() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ME_KEY });
}

/** POST /auth/logout; whatever the answer, this browser forgets the session and its cached data. */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation<void, Error, void>({
    mutationFn: async () => {
      try {
        await api.post('/auth/logout');
      } finally {
        setCsrfToken(null);
        // signed out first, so no mounted page refetches what is being dropped
        queryClient.setQueryData(ME_KEY, null);
        queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_KEY[0] });
      }
    },
  });
}

/** PATCH /me {locale}: remembers the language on the server for the signed-in user. */
export function saveLocale(locale: 'vi' | 'en'): Promise<unknown> {
  return api.patch('/me', { locale });
}

/** The name of the user's organisation in the reader's language (English when it has an English name). */
export function useOwnOrgName(): string {
  const me = useCurrentUser();
  const { i18n } = useTranslation();
  return i18n.language === 'en' && me.org.nameEn ? me.org.nameEn : me.org.name;
}
