import { Badge, Divider, Group, Kbd, NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/auth.api.ts';
import { availableNav, NAV_ITEMS } from './navItems.ts';

const TEST_IDS: Record<string, string> = { orgs: 'nav-orgs', users: 'nav-users', apiKeys: 'nav-api-keys' };

/** Navbar: modules to come (disabled, "coming soon") and the ones the user may open now. */
export function MainNav({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const me = useCurrentUser();
  const open = availableNav(me.permissions);
  const upcoming = NAV_ITEMS.filter((item) => !item.to);

  return (
    <Stack gap={0} h="100%" component="nav" aria-label={t('nav.label')}>
      <ScrollArea style={{ flex: 1 }}>
        {upcoming.map(({ key, icon: Icon }) => (
          <NavLink
            key={key}
            label={t(`nav.${key}`)}
            leftSection={<Icon size={18} stroke={1.6} />}
            rightSection={
              <Badge size="xs" variant="light" color="gray">
                {t('app.comingSoon')}
              </Badge>
            }
            disabled
            aria-disabled
          />
        ))}
        <Divider my="xs" label={t('nav.administration')} labelPosition="left" />
        {open.map(({ key, icon: Icon, to = '/' }) => (
          <NavLink
            key={key}
            component={Link}
            to={to}
            label={t(`nav.${key}`)}
            leftSection={<Icon size={18} stroke={1.6} />}
            active={pathname === to || pathname.startsWith(`${to}/`)}
            onClick={onNavigate}
            data-testid={TEST_IDS[key]}
          />
        ))}
      </ScrollArea>
      <Divider my="xs" />
      <Stack gap={4} px="xs" pb="xs" aria-label={t('nav.shortcuts')}>
        <Text size="xs" c="dimmed" fw={600}>
          {t('nav.shortcuts')}
        </Text>
        <Group gap={6}>
          <Kbd size="xs">/</Kbd>
          <Text size="xs" c="dimmed">
            {t('nav.shortcutSearch')}
          </Text>
        </Group>
        {open
          .filter((item) => item.shortcut)
          .map((item) => (
            <Group gap={6} key={item.key}>
              <Kbd size="xs">g</Kbd>
              <Kbd size="xs">{item.shortcut}</Kbd>
              <Text size="xs" c="dimmed">
                {t(`nav.${item.key}`)}
              </Text>
            </Group>
          ))}
      </Stack>
    </Stack>
  );
}
