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

/** One navbar entry; modules without `to` are announced but not built yet. */
export interface NavItem {
  key: 'overview' | 'alerts' | 'incidents' | 'knowledge' | 'campaigns' | 'warnings' | 'statistics' | 'orgs' | 'users' | 'apiKeys';
  icon: ComponentType<{ size?: number; stroke?: number }>;
  to?: string;
  permission?: Permission;
  /** Second key of the `g <key>` shortcut. */
  shortcut?: string;
}

/** Navbar order: modules to come first, then administration. */
export const NAV_ITEMS: readonly NavItem[] = [
  { key: 'overview', icon: IconLayoutDashboard },
  { key: 'alerts', icon: IconBell },
  { key: 'incidents', icon: IconShieldExclamation },
  { key: 'knowledge', icon: IconBook2 },
  { key: 'campaigns', icon: IconTargetArrow },
  { key: 'warnings', icon: IconAlertOctagon },
  { key: 'statistics', icon: IconChartBar },
  { key: 'orgs', icon: IconBuildingCommunity, to: '/orgs', permission: 'orgs.read', shortcut: 'o' },
  { key: 'users', icon: IconUsers, to: '/users', permission: 'users.read', shortcut: 'u' },
  { key: 'apiKeys', icon: IconKey, to: '/api-keys', permission: 'apikeys.manage', shortcut: 'k' },
];

/** Entries the user may open: built modules whose permission they hold. */
export function availableNav(permissions: readonly Permission[]): NavItem[] {
  return NAV_ITEMS.filter((item) => item.to && (!item.permission || permissions.includes(item.permission)));
}
