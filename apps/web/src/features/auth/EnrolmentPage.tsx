import { Alert, Anchor, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EnrolmentPanel } from '../account/EnrolmentPanel.tsx';
import { AuthCard } from './AuthCard.tsx';
import { useLogout, useRefreshMe } from './auth.api.ts';

/** Shown instead of the console while the user's role requires a second factor they have not set up. */
export function EnrolmentPage() {
  const { t } = useTranslation();
  const refresh = useRefreshMe();
  const logout = useLogout();
  return (
    <AuthCard heading={t('account.enrol.title')} width={440} testId="second-factor-enrolment">
      <Stack gap="md">
        <Alert color="indigo" variant="light" p="xs">
          {t('account.enrol.required')}
        </Alert>
        <EnrolmentPanel onDone={() => void refresh()} />
        <Anchor component="button" type="button" size="xs" c="dimmed" onClick={() => logout.mutate()}>
          {t('auth.logout')}
        </Anchor>
      </Stack>
    </AuthCard>
  );
}
