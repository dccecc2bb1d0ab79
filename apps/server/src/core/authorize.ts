import { hasPermission, ROLE_RANK, type Permission, type Role } from '@lachan/contracts';
import type { RequestContext } from './context.ts';
import { forbidden } from './errors.ts';

/** Throws 403 unless the caller's role carries the permission. */
export function requirePermission(ctx: RequestContext, permission: Permission): void {
  if (!hasPermission(ctx.actor.role, permission)) throw forbidden(`your role (${ctx.actor.role}) may not ${permission.replace('.', ' ')}`);
}

/** Nobody grants a role ranked above their own, and only the centre grants national_coordinator. */
export function mayGrant(ctx: RequestContext, role: Role): boolean {
  if (role === 'national_coordinator') return ctx.actor.role === 'national_coordinator';
  return ROLE_RANK[role] <= ROLE_RANK[ctx.actor.role];
}
