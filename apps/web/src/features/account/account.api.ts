import { useQuery } from '@tanstack/react-query';
import type { AccountSessions, MailPreferences, PasswordChange, RecoveryCodes, SecondFactorDisable, SecondFactorEnrolment, SecondFactorStatus } from '@lachan/contracts';
import { api } from '../../api/client.ts';

/** Query key of the signed-in user's second factor. */
export const SECOND_FACTOR_KEY = ['account', 'second-factor'] as const;

/** GET /me/second-factor */
export function useSecondFactorStatus() {
  return useQuery({ queryKey: SECOND_FACTOR_KEY, queryFn: () => api.get<SecondFactorStatus>('/me/second-factor') });
}

/** Query keys of the signed-in user's sessions and e-mail preferences. */
export const SESSIONS_KEY = ['account', 'sessions'] as const;
export const MAIL_KEY = ['account', 'mail-preferences'] as const;

/** GET /me/sessions */
export function useSessions() {
  return useQuery({ queryKey: SESSIONS_KEY, queryFn: () => api.get<AccountSessions>('/me/sessions') });
}

/** GET /me/mail-preferences */
export function useMailPreferences() {
  return useQuery({ queryKey: MAIL_KEY, queryFn: () => api.get<MailPreferences>('/me/mail-preferences') });
}

/** Writes of the signed-in user's own credentials, one per endpoint. */
export const accountApi = {
  startEnrolment: () => api.post<SecondFactorEnrolment>('/me/second-factor/enrolment'),
  confirmEnrolment: (code: string) => api.post<RecoveryCodes>('/me/second-factor/enrolment/confirm', { code }),
  renewRecoveryCodes: (code: string) => api.post<RecoveryCodes>('/me/second-factor/recovery-codes', { code }),
  disable: (body: SecondFactorDisable) => api.post<{ ok: boolean }>('/me/second-factor/disable', body),
  changePassword: (body: PasswordChange) => api.post<{ ok: boolean }>('/me/password', body),
  revokeSession: (id: string) => api.delete<{ ok: boolean }>(`/me/sessions/${id}`),
  saveMailPreferences: (body: MailPreferences) => api.put<MailPreferences>('/me/mail-preferences', body),
};
