import { Anchor, Burger, Group, Text } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { LiveIndicator } from './LiveIndicator.tsx';
import { UserMenu } from './UserMenu.tsx';

/** Top bar: product name, live indicator, language switch and user menu. */
export function AppHeader({ navOpened, onToggleNav }: { navOpened: boolean; onToggleNav: () => void }) {
  const { t } = useTranslation();
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group gap="xs" wrap="nowrap">
        <Burger opened={navOpened} onClick={onToggleNav} hiddenFrom="sm" size="sm" aria-label={t('nav.toggle')} />
        <Anchor component={Link} to="/" underline="never" c="inherit">
          <Group gap={6} wrap="nowrap">
            <IconShieldCheck size={22} color="var(--mantine-color-indigo-6)" aria-hidden />
            <Text fw={700} size="lg" span>
              {t('app.name')}
            </Text>
          </Group>
        </Anchor>
      </Group>
      <Group gap="md" wrap="nowrap">
        <LiveIndicator />
        <LanguageSwitch />
        <UserMenu />
      </Group>
    </Group>
  );
}
