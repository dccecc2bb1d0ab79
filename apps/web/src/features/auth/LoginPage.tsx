import { useState, type FormEvent } from 'react';
import { Box, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LanguageSwitch } from '../shell/LanguageSwitch.tsx';
import { useLogin } from './auth.api.ts';

const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** Sign-in form: email and password, errors (wrong credentials, locked, throttled) translated. */
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
    <Box mih="100vh" bg="gray.0">
      <Group justify="flex-end" p="sm">
        <LanguageSwitch />
      </Group>
      <Center pt="8vh" px="md">
        <Paper withBorder shadow="xs" p="xl" w={380} radius="md">
          <form onSubmit={submit} noValidate aria-labelledby="login-title">
            <Stack gap="md">
              <Group gap="xs">
                <IconShieldCheck size={28} color="var(--mantine-color-indigo-6)" aria-hidden />
                <div>
                  <Title order={1} size="h3" id="login-title">
                    {t('app.name')}
                  </Title>
                  <Text size="xs" c="dimmed">
                    {t('app.tagline')}
                  </Text>
                </div>
              </Group>
              <Text size="sm" fw={500}>
                {t('auth.title')}
              </Text>
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
        </Paper>
      </Center>
    </Box>
  );
}
