import { hasPermission } from '@lachan/contracts';
import { canManage, type RequestContext } from '../../core/context.ts';

/**
 * The directory is open to every member of the network. An organisation admin edits its own subtree
 * and adds units to it; restructuring (move, merge, retire) belongs to the national centre.
 */
export const orgsPolicy = {
  mayRead(ctx: RequestContext): boolean {
    return hasPermission(ctx.actor.role, 'orgs.read');
  },
  mayCreateUnder(ctx: RequestContext, parentId: string | null): boolean {
    if (parentId === null) return hasPermission(ctx.actor.role, 'orgs.restructure');
    return hasPermission(ctx.actor.role, 'orgs.create') && canManage(ctx.scope, parentId);
  },
  mayUpdate(ctx: RequestContext, orgId: string): boolean {
    return hasPermission(ctx.actor.role, 'orgs.update') && canManage(ctx.scope, orgId);
  },
  mayRestructure(ctx: RequestContext): boolean {
    return hasPermission(ctx.actor.role, 'orgs.restructure');
  },
  /** A SOC link is made or ended by the centre or by the client organisation's admin. */
  mayLinkSoc(ctx: RequestContext, clientId: string): boolean {
    return hasPermission(ctx.actor.role, 'orgs.update') && canManage(ctx.scope, clientId);
  },
};
