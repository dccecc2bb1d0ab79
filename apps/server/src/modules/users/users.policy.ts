import type { Role } from '@lachan/contracts';
import { canManage, type RequestContext } from '../../core/context.ts';
import { mayGrant } from '../../core/authorize.ts';
import { hasPermission } from '@lachan/contracts';

/** Who may see and change user accounts: the centre, and organisation admins within their subtree. */
export const usersPolicy = {
  mayRead(ctx: RequestContext, orgId: string): boolean {
    return hasPermission(ctx.actor.role, 'users.read') && canManage(ctx.scope, orgId);
  },
  mayCreate(ctx: RequestContext, orgId: string, role: Role): boolean {
    return hasPermission(ctx.actor.role, 'users.manage') && canManage(ctx.scope, orgId) && mayGrant(ctx, role);
  },
  /** Changing an account also needs the power to grant both its current and its new role. */
  mayUpdate(ctx: RequestContext, target: { orgId: string; role: Role }, newRole?: Role): boolean {
    return this.mayCreate(ctx, target.orgId, target.role) && (newRole === undefined || mayGrant(ctx, newRole));
  },
};
