import { useState, type FormEvent } from 'react';
import { Button, PasswordInput, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../api/useApiMutation.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Section } from '../../components/Section.tsx';
import { useRefreshMe } from '../auth/auth.api.ts';
import { accountApi } from './account.api.ts';

/** Changes one's own password; the server checks it against the policy and ends every session. */
export function PasswordSection() {
  const { t } = useTranslation();
  const refresh = useRefreshMe();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [tooShort, setTooShort] = useState(false);
  const change = useApiMutation(accountApi.changePassword, { success: t('account.password.done'), onSuccess: () => void refresh() });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTooShort([...next].length < 12);
    if (current && [...next].length >= 12) change.mutate({ currentPassword: current, newPassword: next });
  };
  return (
    <Section title={t('account.password.title')} testId="account-password">
      <form onSubmit={submit} noValidate>
        <Stack gap="xs" maw={420}>
          {change.error && <ErrorAlert error={change.error} />}
          <PasswordInput label={t('account.password.current')} autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.currentTarget.value)} required />
          <PasswordInput
            label={t('account.password.next')}
            autoComplete="new-password"
            value={next}
            onChange={(e) => setNext(e.currentTarget.value)}
            error={tooShort ? t('validation.minLength', { n: 12 }) : undefined}
            required
          />
          <Text size="xs" c="dimmed">
            {t('account.password.hint')}
          </Text>
          <Button type="submit" size="xs" loading={change.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('account.password.submit')}
          </Button>
        </Stack>
      </form>
    </Section>
  );
}
