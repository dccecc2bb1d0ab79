import { Avatar, Button, Menu, Text } from '@mantine/core';
import { IconChevronDown, IconLogout, IconUserShield } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCurrentUser, useLogout, useOwnOrgName } from '../auth/auth.api.ts';

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(-2)
    .map((part) => part[0]?.toUpperCase())
    .join('');

/** The signed-in user's name, organisation and role, and the way out. */
export function UserMenu() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const logout = useLogout();
  const orgName = useOwnOrgName();
  return (
    <Menu position="bottom-end" width={260} withinPortal>
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          size="xs"
          leftSection={<Avatar size={22} color="indigo">{initials(me.name)}</Avatar>}
          rightSection={<IconChevronDown size={14} />}
          data-testid="user-menu"
        >
          <Text size="sm" visibleFrom="sm" span>
            {me.name}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('userMenu.signedInAs')}</Menu.Label>
        <Text size="sm" fw={600} px="sm">
          {me.name}
        </Text>
        <Text size="xs" c="dimmed" px="sm">
          {me.email}
        </Text>
        <Text size="xs" px="sm" pt={6}>
          {t('userMenu.org')}: {orgName}
        </Text>
        <Text size="xs" px="sm" pb={6}>
          {t('userMenu.role')}: {t(`roles.${me.role}`)}
        </Text>
        <Menu.Divider />
        <Menu.Item component={Link} to="/account" leftSection={<IconUserShield size={16} />} data-testid="account-link">
          {t('account.menu')}
        </Menu.Item>
        <Menu.Item leftSection={<IconLogout size={16} />} onClick={() => logout.mutate()} data-testid="logout">
          {t('auth.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
