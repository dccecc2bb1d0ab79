import { Type, type Static } from 'typebox';

/** Roles a user or API key may hold. `connector` is for machines only. */
export const ROLES = ['national_coordinator', 'org_admin', 'analyst', 'responder', 'viewer', 'connector'] as const;
export type Role = (typeof ROLES)[number];
export const RoleSchema = Type.Enum([...ROLES]);
export const USER_ROLES = ['national_coordinator', 'org_admin', 'analyst', 'responder', 'viewer'] as const satisfies readonly Role[];
export const UserRoleSchema = Type.Enum([...USER_ROLES]);

/** Named permissions; the console hides what the server would refuse. */
export const PERMISSIONS = [
  'orgs.read',
  'orgs.create',
  'orgs.update',
  'orgs.restructure',
  'reference.manage',
  'users.read',
  'users.manage',
  'apikeys.manage',
  'audit.read',
  'alerts.ingest',
  'alerts.read',
  'alerts.manage',
  'incidents.read',
  'incidents.write',
  'stats.read',
  'intel.read',
  'intel.write',
  'intel.manage',
  'campaigns.read',
  'campaigns.manage',
  'warnings.read',
  'warnings.write',
  'warnings.ack',
  'warnings.endpoints',
  'exercises.read',
  'exercises.manage',
  'identity.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** What each role may do at all; scope (which organisations) is decided by each module's policy. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  national_coordinator: PERMISSIONS,
  org_admin: ['orgs.read', 'orgs.create', 'orgs.update', 'users.read', 'users.manage', 'apikeys.manage', 'audit.read', 'alerts.read', 'alerts.manage', 'incidents.read', 'incidents.write', 'stats.read', 'intel.read', 'intel.write', 'campaigns.read', 'warnings.read', 'warnings.write', 'warnings.ack', 'warnings.endpoints', 'exercises.read', 'exercises.manage'],
  analyst: ['orgs.read', 'alerts.read', 'incidents.read', 'incidents.write', 'stats.read', 'intel.read', 'intel.write', 'campaigns.read', 'warnings.read', 'warnings.ack', 'exercises.read'],
  responder: ['orgs.read', 'alerts.read', 'incidents.read', 'incidents.write', 'stats.read', 'intel.read', 'campaigns.read', 'warnings.read', 'warnings.ack', 'exercises.read'],
  viewer: ['orgs.read', 'alerts.read', 'incidents.read', 'stats.read', 'intel.read', 'campaigns.read', 'warnings.read', 'exercises.read'],
  connector: ['orgs.read', 'alerts.ingest', 'intel.read', 'intel.write'],
};

export const hasPermission = (role: Role, permission: Permission): boolean =>
  ROLE_PERMISSIONS[role].includes(permission);

/** Order used when an actor grants a role: nobody grants a role above their own. */
export const ROLE_RANK: Record<Role, number> = {
  national_coordinator: 5,
  org_admin: 4,
  analyst: 3,
  responder: 3,
  viewer: 1,
  connector: 2,
};

export const PermissionSchema = Type.Enum([...PERMISSIONS]);
export type PermissionSchema = Static<typeof PermissionSchema>;
