import type { ReactNode } from 'react';
import { Button, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Permission } from '@lachan/contracts';
import { usePermission } from '../auth/auth.api.ts';

function StatusPage({ title, text }: { title: string; text: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" align="flex-start" py="xl">
      <Title order={2}>{title}</Title>
      <Text c="dimmed">{text}</Text>
      <Button component={Link} to="/" variant="light" size="xs">
        {t('app.backHome')}
      </Button>
    </Stack>
  );
}

/** Shown for an address the console does not know. */
export function NotFoundPage() {
  const { t } = useTranslation();
  return <StatusPage title={t('app.notFoundTitle')} text={t('app.notFoundText')} />;
}

/** Renders its children only for users holding the permission; otherwise explains why not. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { t } = useTranslation();
  const allowed = usePermission(permission);
  return allowed ? <>{children}</> : <StatusPage title={t('app.forbiddenTitle')} text={t('app.forbiddenText')} />;
}
