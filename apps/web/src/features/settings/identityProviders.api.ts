import { useQuery } from '@tanstack/react-query';
import type { IdentityProvider, IdentityProviderCreate, IdentityProviderPatch } from '@lachan/contracts';
import { api } from '../../api/client.ts';

/** Query key of the centre's identity providers. */
export const identityProvidersKey = ['settings', 'identity-providers'] as const;

/** GET /identity-providers (the centre's) */
export const useIdentityProviders = () =>
  useQuery({ queryKey: identityProvidersKey, queryFn: async () => (await api.get<{ items: IdentityProvider[] }>('/identity-providers')).items });

/** Writes of the identity providers tab. */
export const identityProvidersApi = {
  create: (body: IdentityProviderCreate) => api.post<IdentityProvider>('/identity-providers', body),
  update: ({ id, patch }: { id: string; patch: IdentityProviderPatch }) => api.patch<IdentityProvider>(`/identity-providers/${id}`, patch),
  remove: (id: string) => api.delete<IdentityProvider>(`/identity-providers/${id}`),
};
