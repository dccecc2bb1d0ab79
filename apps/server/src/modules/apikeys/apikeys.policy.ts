import { hasPermission, type Role } from '@lachan/contracts';
import { canManage, type RequestContext } from '../../core/context.ts';
import { mayGrant } from '../../core/authorize.ts';

/** Machine keys are issued by the centre or an organisation admin, for their own subtree. */
export const apiKeysPolicy = {
  mayManage(ctx: RequestContext, orgId: string): boolean {
    return hasPermission(ctx.actor.role, 'apikeys.manage') && canManage(ctx.scope, orgId);
  },
  mayIssue(ctx: RequestContext, orgId: string, role: Role): boolean {
    return ctx.actor.type === 'user' && this.mayManage(ctx, orgId) && mayGrant(ctx, role);
  },
};
