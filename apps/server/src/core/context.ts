import type { Role } from '@lachan/contracts';

/** Who is acting: a signed-in user, a machine with an API key, or the system itself. */
export interface Actor {
  type: 'user' | 'apikey' | 'system';
  id: string | null;
  name: string;
  orgId: string;
  role: Role;
}

/**
 * Which organisations' records an actor reaches. `manage` is the organisation's own subtree plus
 * the units merged into it; `read` adds the clients a SOC provider monitors. `all` for the centre.
 */
export interface OrgScope {
  all: boolean;
  manage: ReadonlySet<string>;
  read: ReadonlySet<string>;
}

/** Everything a service needs to know about the caller of one request. */
export interface RequestContext {
  actor: Actor;
  scope: OrgScope;
  ip: string | null;
  requestId: string | null;
}

export const canRead = (scope: OrgScope, orgId: string | null): boolean =>
  scope.all || (orgId !== null && scope.read.has(orgId));
export const canManage = (scope: OrgScope, orgId: string | null): boolean =>
  scope.all || (orgId !== null && scope.manage.has(orgId));

/** The context of work the platform does by itself (bootstrap, seeding, CLI). */
export function systemContext(orgId: string, name = 'system'): RequestContext {
  return {
    actor: { type: 'system', id: null, name, orgId, role: 'national_coordinator' },
    scope: { all: true, manage: new Set(), read: new Set() },
    ip: null,
    requestId: null,
  };
}
