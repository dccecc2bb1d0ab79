import type { ComponentType } from 'react';
import type { Permission } from '@lachan/contracts';
import {
  IconAdjustments,
  IconAlertOctagon,
  IconBell,
  IconBook2,
  IconBuildingCommunity,
  IconChartBar,
  IconChecklist,
  IconServer2,
  IconFlag,
  IconKey,
  IconListCheck,
  IconLayoutDashboard,
  IconShieldExclamation,
  IconTargetArrow,
  IconUsers,
} from '@tabler/icons-react';

/** A page inside a module, listed under it in the navbar. */
export interface NavSubItem {
  key: 'alertSources' | 'alertQuarantine' | 'alertSuppressions' | 'alertConstituency' | 'incidentDeadlines' | 'warningInbox' | 'warningCompose' | 'warningWebhooks' | 'intelIntake' | 'intelCollections' | 'assessmentCatalogues';
  to: string;
  permission?: Permission;
}

/** One navbar entry. */
export interface NavItem {
  key: 'overview' | 'alerts' | 'incidents' | 'knowledge' | 'campaigns' | 'warnings' | 'exercises' | 'statistics' | 'systems' | 'assessments' | 'orgs' | 'users' | 'apiKeys' | 'settings' | 'audit';
  icon: ComponentType<{ size?: number; stroke?: number }>;
  /** Operational modules first; administration below its divider. */
  section: 'modules' | 'admin';
  to: string;
  permission?: Permission;
  /** Second key of the `g <key>` shortcut. */
  shortcut?: string;
  children?: readonly NavSubItem[];
}

/** Navbar order: operational modules, then administration. */
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
      { key: 'alertSuppressions', to: '/alerts/suppressions' },
      { key: 'alertConstituency', to: '/alerts/constituency' },
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
  {
    key: 'knowledge',
    icon: IconBook2,
    section: 'modules',
    to: '/intel',
    permission: 'intel.read',
    shortcut: 'b',
    children: [
      { key: 'intelIntake', to: '/intel/intake', permission: 'intel.write' },
      { key: 'intelCollections', to: '/intel/collections', permission: 'intel.manage' },
    ],
  },
  { key: 'campaigns', icon: IconTargetArrow, section: 'modules', to: '/campaigns', permission: 'campaigns.read', shortcut: 'c' },
  {
    key: 'warnings',
    icon: IconAlertOctagon,
    section: 'modules',
    to: '/warnings',
    permission: 'warnings.read',
    shortcut: 'w',
    children: [
      { key: 'warningInbox', to: '/warnings/inbox', permission: 'warnings.ack' },
      { key: 'warningCompose', to: '/warnings/new', permission: 'warnings.write' },
      { key: 'warningWebhooks', to: '/warnings/webhooks', permission: 'warnings.endpoints' },
    ],
  },
  { key: 'exercises', icon: IconFlag, section: 'modules', to: '/exercises', permission: 'exercises.read', shortcut: 'x' },
  { key: 'systems', icon: IconServer2, section: 'modules', to: '/systems', permission: 'orgs.read', shortcut: 'y' },
  {
    key: 'assessments',
    icon: IconChecklist,
    section: 'modules',
    to: '/assessments',
    permission: 'orgs.read',
    shortcut: 'e',
    children: [{ key: 'assessmentCatalogues', to: '/assessments/catalogues' }],
  },
  { key: 'statistics', icon: IconChartBar, section: 'modules', to: '/statistics', permission: 'stats.read', shortcut: 's' },
  { key: 'orgs', icon: IconBuildingCommunity, section: 'admin', to: '/orgs', permission: 'orgs.read', shortcut: 'o' },
  { key: 'users', icon: IconUsers, section: 'admin', to: '/users', permission: 'users.read', shortcut: 'u' },
  { key: 'apiKeys', icon: IconKey, section: 'admin', to: '/api-keys', permission: 'apikeys.manage', shortcut: 'k' },
  { key: 'settings', icon: IconAdjustments, section: 'admin', to: '/settings', permission: 'alerts.manage' },
  { key: 'audit', icon: IconListCheck, section: 'admin', to: '/audit', permission: 'audit.read' },
];

/** Entries the user may open: modules (and sub-pages) whose permission they hold. */
export function availableNav(permissions: readonly Permission[]): NavItem[] {
  const may = (permission?: Permission) => !permission || permissions.includes(permission);
  return NAV_ITEMS.filter((item) => may(item.permission)).map((item) => (item.children ? { ...item, children: item.children.filter((c) => may(c.permission)) } : item));
}
