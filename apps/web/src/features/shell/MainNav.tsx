import { Badge, Divider, Group, Kbd, NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/auth.api.ts';
import { availableNav, NAV_ITEMS, type NavItem } from './navItems.ts';

const TEST_IDS: Record<string, string> = {
  overview: 'nav-overview',
  alerts: 'nav-alerts',
  alertSources: 'nav-alert-sources',
  alertQuarantine: 'nav-alert-quarantine',
  alertSuppressions: 'nav-alert-suppressions',
  alertConstituency: 'nav-alert-constituency',
  incidents: 'nav-incidents',
  incidentDeadlines: 'nav-incident-deadlines',
  knowledge: 'nav-knowledge',
  intelIntake: 'nav-intel-intake',
  intelCollections: 'nav-intel-collections',
  campaigns: 'nav-campaigns',
  warnings: 'nav-warnings',
  warningInbox: 'nav-warning-inbox',
  warningCompose: 'nav-warning-compose',
  warningWebhooks: 'nav-warning-webhooks',
  orgs: 'nav-orgs',
  users: 'nav-users',
  apiKeys: 'nav-api-keys',
};

const within = (pathname: string, to: string) => pathname === to || pathname.startsWith(`${to}/`);

/** A module the user may open, with its sub-pages indented below it. */
function ModuleLink({ item, pathname, onNavigate }: { item: NavItem; pathname: string; onNavigate: () => void }) {
  const { t } = useTranslation();
  const { key, icon: Icon, to = '/', children = [] } = item;
  const inChild = children.some((c) => within(pathname, c.to));
  return (
    <>
      <NavLink
        component={Link}
        to={to}
        label={t(`nav.${key}`)}
        leftSection={<Icon size={18} stroke={1.6} />}
        active={within(pathname, to) && !inChild}
        onClick={onNavigate}
        data-testid={TEST_IDS[key]}
      />
      {children.map((child) => (
        <NavLink
          key={child.key}
          component={Link}
          to={child.to}
          label={t(`nav.${child.key}`)}
          pl={42}
          py={4}
          fz="sm"
          active={within(pathname, child.to)}
          onClick={onNavigate}
          data-testid={TEST_IDS[child.key]}
        />
      ))}
    </>
  );
}

/** Navbar: operational modules (open ones as links, the rest "coming soon"), then administration. */
export function MainNav({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const me = useCurrentUser();
  const open = availableNav(me.permissions);
  const openByKey = new Map(open.map((item) => [item.key, item]));
  // open modules come with their sub-pages filtered by permission; the rest are announced
  const modules = NAV_ITEMS.filter((item) => item.section === 'modules' && (!item.to || openByKey.has(item.key))).map((item) => openByKey.get(item.key) ?? item);
  const admin = open.filter((item) => item.section === 'admin');

  return (
    <Stack gap={0} h="100%" component="nav" aria-label={t('nav.label')}>
      <ScrollArea style={{ flex: 1 }}>
        {modules.map((item) =>
          item.to ? (
            <ModuleLink key={item.key} item={item} pathname={pathname} onNavigate={onNavigate} />
          ) : (
            <NavLink
              key={item.key}
              label={t(`nav.${item.key}`)}
              leftSection={<item.icon size={18} stroke={1.6} />}
              rightSection={
                <Badge size="xs" variant="light" color="gray">
                  {t('app.comingSoon')}
                </Badge>
              }
              disabled
              aria-disabled
            />
          ),
        )}
        {admin.length > 0 && <Divider my="xs" label={t('nav.administration')} labelPosition="left" />}
        {admin.map((item) => (
          <ModuleLink key={item.key} item={item} pathname={pathname} onNavigate={onNavigate} />
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
