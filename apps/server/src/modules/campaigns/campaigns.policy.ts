import type { RequestContext } from '../../core/context.ts';
import { canRead } from '../../core/context.ts';

/**
 * Who sees what of a campaign: anyone whose read scope holds one of its organisations sees the
 * campaign; organisations outside that scope are shown only as counts by sector and province (1 or 2
 * as "fewer than 3"), and no filter answers about them: filtering by one is refused whatever the data.
 * Only the national centre changes a campaign (confirm, dismiss, merge, propose a warning).
 */
export const campaignsPolicy = {
  /** May the caller see the campaign at all? */
  mayView: (ctx: RequestContext, orgIds: readonly string[]): boolean => ctx.scope.all || orgIds.some((o) => canRead(ctx.scope, o)),
  /** May the caller see this member organisation by name? */
  mayName: (ctx: RequestContext, orgId: string): boolean => canRead(ctx.scope, orgId),
  /** The organisations whose membership the caller may know (null: all, for the centre). */
  scopeOf: (ctx: RequestContext): string[] | null => (ctx.scope.all ? null : [...ctx.scope.read]),
  mayManage: (ctx: RequestContext): boolean => ctx.scope.all && ctx.actor.role === 'national_coordinator',
};
