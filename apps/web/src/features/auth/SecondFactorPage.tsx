import { useState, type FormEvent } from 'react';
import { Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { AuthCard } from './AuthCard.tsx';
import { useLogout, useSecondFactorSignIn } from './auth.api.ts';

/** The second step of signing in: the authenticator app's code, or a one-time recovery code. */
export function SecondFactorPage() {
  const { t } = useTranslation();
  const verify = useSecondFactorSignIn();
  const logout = useLogout();
  const [recovery, setRecovery] = useState(false);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | undefined>();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = code.trim();
    const ok = recovery ? value.replace(/[^A-Za-z0-9]/g, '').length === 16 : /^\d{6}$/.test(value.replace(/\s/g, ''));
    setError(ok ? undefined : t('validation.required'));
    if (ok) verify.mutate({ code: value });
  };
  const toggle = () => {
    setRecovery(!recovery);
    setCode('');
    setError(undefined);
  };

  return (
    <AuthCard heading={t('account.secondStep.title')} testId="second-factor-step">
      <form onSubmit={submit} noValidate aria-labelledby="auth-title">
        <Stack gap="md">
          <Text size="sm">{recovery ? t('account.secondStep.recoveryHint') : t('account.secondStep.intro')}</Text>
          {verify.error && <ErrorAlert error={verify.error} />}
          <TextInput
            key={recovery ? 'recovery' : 'totp'}
            name="code"
            label={recovery ? t('account.secondStep.recoveryCode') : t('account.secondStep.code')}
            autoComplete="one-time-code"
            inputMode={recovery ? 'text' : 'numeric'}
            maxLength={recovery ? 24 : 7}
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            error={error}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', letterSpacing: 2 } }}
            autoFocus
            required
          />
          <Button type="submit" loading={verify.isPending} fullWidth>
            {t('account.secondStep.submit')}
          </Button>
          <Anchor component="button" type="button" size="sm" onClick={toggle} data-testid="second-factor-toggle">
            {recovery ? t('account.secondStep.useTotp') : t('account.secondStep.useRecovery')}
          </Anchor>
          <Anchor component="button" type="button" size="xs" c="dimmed" onClick={() => logout.mutate()}>
            {t('account.secondStep.cancel')}
          </Anchor>
        </Stack>
      </form>
    </AuthCard>
  );
}
