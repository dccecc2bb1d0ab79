import { Alert, Button, Divider, Stack } from '@mantine/core';
import { IconAlertTriangle, IconBuildingBank } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { OIDC_ERRORS, type OidcError, type SignInProviders } from '@lachan/contracts';
import { api } from '../../api/client.ts';

/** Why the last federated sign-in came back refused (`/login?oidcError=<code>`), if it did. */
function refusal(): OidcError | null {
  const code = new URLSearchParams(window.location.search).get('oidcError');
  return code && (OIDC_ERRORS as readonly string[]).includes(code) ? (code as OidcError) : null;
}

/** "Sign in with <provider>" for each enabled identity provider, and the reason a federated sign-in was refused. */
export function FederatedSignIn() {
  const { t } = useTranslation();
  const providers = useQuery({ queryKey: ['auth', 'oidc-providers'], queryFn: () => api.get<SignInProviders>('/auth/oidc/providers'), staleTime: 60_000 });
  const refused = refusal();
  const items = providers.data?.items ?? [];
  if (!refused && items.length === 0) return null;
  return (
    <Stack gap="sm">
      {refused && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} role="alert" p="xs" data-testid="oidc-error">
          {t(`errors.${refused}`)}
        </Alert>
      )}
      {items.length > 0 && (
        <Stack gap="xs" role="group" aria-label={t('federation.signIn.providers')}>
          {items.map((p) => (
            <Button key={p.id} component="a" href={`/api/v1/auth/oidc/${p.id}/start`} variant="default" leftSection={<IconBuildingBank size={16} />} fullWidth data-testid="oidc-provider">
              {t('federation.signIn.with', { name: p.displayName })}
            </Button>
          ))}
          <Divider label={t('federation.signIn.or')} labelPosition="center" />
        </Stack>
      )}
    </Stack>
  );
}
