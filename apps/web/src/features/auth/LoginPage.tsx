import { useState, type FormEvent } from 'react';
import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { AuthCard } from './AuthCard.tsx';
import { FederatedSignIn } from './FederatedSignIn.tsx';
import { useLogin } from './auth.api.ts';

const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** Sign-in: the identity providers' buttons, then the form for e-mail and password (local accounts, break-glass); errors translated. */
export function LoginPage() {
  const { t } = useTranslation();
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ email?: string; password?: string }>({});

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next = {
      email: EMAIL.test(email.trim()) ? undefined : t('validation.email'),
      password: password ? undefined : t('validation.required'),
    };
    setErrors(next);
    if (next.email || next.password) return;
    login.mutate({ email: email.trim(), password });
  };

  return (
    <AuthCard heading={t('auth.title')}>
      <FederatedSignIn />
      <form onSubmit={submit} noValidate aria-labelledby="auth-title">
        <Stack gap="md">
          {login.error && <ErrorAlert error={login.error} />}
          <TextInput
            name="email"
            type="email"
            label={t('auth.email')}
            autoComplete="username"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={errors.email}
            autoFocus
            required
          />
          <PasswordInput
            name="password"
            label={t('auth.password')}
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={errors.password}
            required
          />
          <Button type="submit" loading={login.isPending} fullWidth>
            {t('auth.submit')}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
