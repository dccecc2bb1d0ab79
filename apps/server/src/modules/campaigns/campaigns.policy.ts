import type { RequestContext } from '../../core/context.ts';
import { canRead } from '../../core/context.ts';

/**
 * Who sees what of a campaign: anyone whose read scope holds one of its organisations sees the
 * campaign; organisations outside that scope are shown only as counts by sector and province.
 * Only the national centre changes a campaign (confirm, dismiss, merge, propose a warning).
 */
export const campaignsPolicy = {
  /** May the caller see the campaign at all? */
  mayView: (ctx: RequestContext, orgIds: readonly string[]): boolean => ctx.scope.all || orgIds.some((o) => canRead(ctx.scope, o)),
  /** May the caller see this member organisation by name? */
  mayName: (ctx: RequestContext, orgId: string): boolean => canRead(ctx.scope, orgId),
  mayManage: (ctx: RequestContext): boolean => ctx.scope.all && ctx.actor.role === 'national_coordinator',
};
