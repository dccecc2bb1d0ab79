import { Divider, Group, NavLink, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconKeyboard } from '@tabler/icons-react';
import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/auth.api.ts';
import { availableNav, type NavItem } from './navItems.ts';

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
  statistics: 'nav-statistics',
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

/**
 * Navbar: operational modules, then administration, in a scroll area whose scrollbar shows whenever
 * the entries do not fit (a 900-pixel-high screen); the shortcut list opens from its foot (or `?`).
 */
export function MainNav({ onNavigate, onHelp }: { onNavigate: () => void; onHelp: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const me = useCurrentUser();
  const open = availableNav(me.permissions);
  const modules = open.filter((item) => item.section === 'modules');
  const admin = open.filter((item) => item.section === 'admin');

  return (
    <Stack gap={0} h="100%" component="nav" aria-label={t('nav.label')}>
      <ScrollArea type="auto" offsetScrollbars style={{ flex: 1, minHeight: 0 }} data-testid="nav-scroll">
        {modules.map((item) => (
          <ModuleLink key={item.key} item={item} pathname={pathname} onNavigate={onNavigate} />
        ))}
        {admin.length > 0 && <Divider my="xs" label={t('nav.administration')} labelPosition="left" />}
        {admin.map((item) => (
          <ModuleLink key={item.key} item={item} pathname={pathname} onNavigate={onNavigate} />
        ))}
      </ScrollArea>
      <Divider my={4} />
      <UnstyledButton onClick={onHelp} px="xs" py={4} data-testid="shortcut-help-open" aria-label={t('shell.shortcuts.help')}>
        <Group gap={6}>
          <IconKeyboard size={16} stroke={1.6} />
          <Text size="xs" c="dimmed">
            {t('shell.shortcuts.open')}
          </Text>
        </Group>
      </UnstyledButton>
    </Stack>
  );
}
