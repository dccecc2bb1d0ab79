import { useState } from 'react';
import { Button, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Me } from '@lachan/contracts';
import { api } from '../../api/client.ts';
import { useApiMutation } from '../../api/useApiMutation.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Section } from '../../components/Section.tsx';
import { setLanguage, type Language } from '../../i18n/index.ts';
import { ME_KEY, useCurrentUser, useOwnOrgName } from '../auth/auth.api.ts';

/** The user's display name and language (kept on the profile, so every browser opens in it). */
export function ProfileSection() {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const orgName = useOwnOrgName();
  const queryClient = useQueryClient();
  const [name, setName] = useState(me.name);
  const save = useApiMutation((patch: { name?: string; locale?: Language }) => api.patch<Me>('/me', patch), {
    onSuccess: (user) => queryClient.setQueryData<Me | null>(ME_KEY, (old) => (old ? { ...old, name: user.name, locale: user.locale } : old)),
  });
  const chooseLanguage = async (lang: Language) => {
    await setLanguage(lang, true);
    save.mutate({ locale: lang });
  };
  return (
    <Section title={t('account.profile.title')} testId="account-profile">
      <Stack gap="xs" maw={420}>
        {save.error && <ErrorAlert error={save.error} />}
        <Text size="sm" c="dimmed">
          {t('account.profile.role', { role: t(`roles.${me.role}`), org: orgName })}
        </Text>
        <Group align="flex-end" gap="xs">
          <TextInput label={t('account.profile.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} style={{ flex: 1 }} maxLength={200} />
          <Button size="xs" variant="light" disabled={!name.trim() || name === me.name} onClick={() => save.mutate({ name: name.trim() })}>
            {t('account.profile.saveName')}
          </Button>
        </Group>
        <div>
          <Text size="sm" fw={500} mb={4}>
            {t('account.profile.language')}
          </Text>
          <SegmentedControl
            size="xs"
            data-testid="account-language"
            value={i18n.language === 'en' ? 'en' : 'vi'}
            onChange={(v) => void chooseLanguage(v as Language)}
            data={[
              { value: 'vi', label: 'Tiếng Việt' },
              { value: 'en', label: 'English' },
            ]}
          />
        </div>
      </Stack>
    </Section>
  );
}
