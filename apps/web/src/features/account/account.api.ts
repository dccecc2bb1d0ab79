import { useQuery } from '@tanstack/react-query';
import type { PasswordChange, RecoveryCodes, SecondFactorDisable, SecondFactorEnrolment, SecondFactorStatus } from '@lachan/contracts';
import { api } from '../../api/client.ts';

/** Query key of the signed-in user's second factor. */
export const SECOND_FACTOR_KEY = ['account', 'second-factor'] as const;

/** GET /me/second-factor */
export function useSecondFactorStatus() {
  return useQuery({ queryKey: SECOND_FACTOR_KEY, queryFn: () => api.get<SecondFactorStatus>('/me/second-factor') });
}

/** Writes of the signed-in user's own credentials, one per endpoint. */
export const accountApi = {
  startEnrolment: () => api.post<SecondFactorEnrolment>('/me/second-factor/enrolment'),
  confirmEnrolment: (code: string) => api.post<RecoveryCodes>('/me/second-factor/enrolment/confirm', { code }),
  renewRecoveryCodes: (code: string) => api.post<RecoveryCodes>('/me/second-factor/recovery-codes', { code }),
  disable: (body: SecondFactorDisable) => api.post<{ ok: boolean }>('/me/second-factor/disable', body),
  changePassword: (body: PasswordChange) => api.post<{ ok: boolean }>('/me/password', body),
};
