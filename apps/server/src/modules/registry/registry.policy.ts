import { hasPermission } from '@lachan/contracts';
import { canManage, type RequestContext } from '../../core/context.ts';

/**
 * The registry of an organisation is seen by its own people and by the organisations above it (a
 * ministry or province sees its subtree, the centre everything); machines do not read it. Its
 * administrators (and the centre) keep it.
 */
export const registryPolicy = {
  mayRead(ctx: RequestContext, orgId: string): boolean {
    return ctx.actor.role !== 'connector' && hasPermission(ctx.actor.role, 'orgs.read') && canManage(ctx.scope, orgId);
  },
  mayList(ctx: RequestContext): boolean {
    return ctx.actor.role !== 'connector' && hasPermission(ctx.actor.role, 'orgs.read');
  },
  mayWrite(ctx: RequestContext, orgId: string): boolean {
    return hasPermission(ctx.actor.role, 'orgs.update') && canManage(ctx.scope, orgId);
  },
};
