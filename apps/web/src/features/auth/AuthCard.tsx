import type { ReactNode } from 'react';
import { Box, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../shell/LanguageSwitch.tsx';

/** The centred card of the pages shown before the console opens: sign-in, second step, enrolment. */
export function AuthCard({ heading, width = 380, children, testId }: { heading: string; width?: number; children: ReactNode; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Box mih="100vh" bg="gray.0">
      <Group justify="flex-end" p="sm">
        <LanguageSwitch />
      </Group>
      <Center pt="8vh" px="md" pb="xl">
        <Paper withBorder shadow="xs" p="xl" w={width} maw="100%" radius="md" data-testid={testId}>
          <Stack gap="md">
            <Group gap="xs">
              <IconShieldCheck size={28} color="var(--mantine-color-indigo-6)" aria-hidden />
              <div>
                <Title order={1} size="h3" id="auth-title">
                  {t('app.name')}
                </Title>
                <Text size="xs" c="dimmed">
                  {t('app.tagline')}
                </Text>
              </div>
            </Group>
            <Text size="sm" fw={500}>
              {heading}
            </Text>
            {children}
          </Stack>
        </Paper>
      </Center>
    </Box>
  );
}
