import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCurrentUser, useOwnOrgName } from '../auth/auth.api.ts';
import { MailSection } from './MailSection.tsx';
import { PasswordSection } from './PasswordSection.tsx';
import { ProfileSection } from './ProfileSection.tsx';
import { SessionsSection } from './SessionsSection.tsx';
import { SecondFactorSection } from './SecondFactorSection.tsx';

/** The signed-in user's own account: profile and language, second factor, password, sessions and e-mails. */
export function AccountPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const orgName = useOwnOrgName();
  return (
    <Stack gap="sm" maw={720}>
      <div>
        <Title order={2} size="h3">
          {t('account.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {me.name} · {me.email} · {orgName}
        </Text>
      </div>
      <ProfileSection />
      <SecondFactorSection />
      <PasswordSection />
      <SessionsSection />
      <MailSection />
    </Stack>
  );
}
