import type { ComponentType } from 'react';
import type { Permission } from '@lachan/contracts';
import {
  IconAlertOctagon,
  IconBell,
  IconBook2,
  IconBuildingCommunity,
  IconChartBar,
  IconKey,
  IconLayoutDashboard,
  IconShieldExclamation,
  IconTargetArrow,
  IconUsers,
} from '@tabler/icons-react';

/** A page inside a module, listed under it in the navbar. */
export interface NavSubItem {
  key: 'alertSources' | 'alertQuarantine' | 'incidentDeadlines';
  to: string;
}

/** One navbar entry; modules without `to` are announced but not built yet. */
export interface NavItem {
  key: 'overview' | 'alerts' | 'incidents' | 'knowledge' | 'campaigns' | 'warnings' | 'statistics' | 'orgs' | 'users' | 'apiKeys';
  icon: ComponentType<{ size?: number; stroke?: number }>;
  /** Operational modules first; administration below its divider. */
  section: 'modules' | 'admin';
  to?: string;
  permission?: Permission;
  /** Second key of the `g <key>` shortcut. */
  shortcut?: string;
  children?: readonly NavSubItem[];
}

/** Navbar order: operational modules (built or to come), then administration. */
export const NAV_ITEMS: readonly NavItem[] = [
  { key: 'overview', icon: IconLayoutDashboard, section: 'modules', to: '/dashboard', permission: 'stats.read', shortcut: 'd' },
  {
    key: 'alerts',
    icon: IconBell,
    section: 'modules',
    to: '/alerts',
    permission: 'alerts.read',
    shortcut: 'a',
    children: [
      { key: 'alertSources', to: '/alerts/sources' },
      { key: 'alertQuarantine', to: '/alerts/quarantine' },
    ],
  },
  {
    key: 'incidents',
    icon: IconShieldExclamation,
    section: 'modules',
    to: '/incidents',
    permission: 'incidents.read',
    shortcut: 'i',
    children: [{ key: 'incidentDeadlines', to: '/incidents/deadlines' }],
  },
  { key: 'knowledge', icon: IconBook2, section: 'modules' },
  { key: 'campaigns', icon: IconTargetArrow, section: 'modules' },
  { key: 'warnings', icon: IconAlertOctagon, section: 'modules' },
  { key: 'statistics', icon: IconChartBar, section: 'modules' },
  { key: 'orgs', icon: IconBuildingCommunity, section: 'admin', to: '/orgs', permission: 'orgs.read', shortcut: 'o' },
  { key: 'users', icon: IconUsers, section: 'admin', to: '/users', permission: 'users.read', shortcut: 'u' },
  { key: 'apiKeys', icon: IconKey, section: 'admin', to: '/api-keys', permission: 'apikeys.manage', shortcut: 'k' },
];

/** Entries the user may open: built modules whose permission they hold. */
export function availableNav(permissions: readonly Permission[]): NavItem[] {
  return NAV_ITEMS.filter((item) => item.to && (!item.permission || permissions.includes(item.permission)));
}
