import type { RequestContext } from '../../core/context.ts';
import { canManage, canRead } from '../../core/context.ts';

/**
 * Who may do what with warnings. The national centre drafts and issues anything, national warnings
 * included. A province's organisation admin (decision, issue 6) may draft and issue warnings whose
 * every recipient lies in that province; nobody else issues. An organisation acknowledges only a
 * warning it received, by a member it manages.
 */
export const warningsPolicy = {
  isCentre: (ctx: RequestContext): boolean => ctx.scope.all && ctx.actor.role === 'national_coordinator',
  /** May the caller issue to these recipients? `issuerProvince` is set when the caller's organisation is a province. */
  mayIssue(ctx: RequestContext, issuerProvince: string | null, recipients: { provinceCode: string | null }[]): boolean {
    if (warningsPolicy.isCentre(ctx)) return true;
    if (ctx.actor.role !== 'org_admin' || !issuerProvince || recipients.length === 0) return false;
    return recipients.every((r) => r.provinceCode === issuerProvince);
  },
  /** May the caller acknowledge (or mark read) on behalf of `orgId`? */
  mayAck: (ctx: RequestContext, orgId: string, recipientIds: ReadonlySet<string>): boolean => recipientIds.has(orgId) && canManage(ctx.scope, orgId),
  /** The issuer's side (the centre, the author's organisations) sees recipients and their acknowledgements. */
  isIssuer: (ctx: RequestContext, authorOrgId: string): boolean => ctx.scope.all || canManage(ctx.scope, authorOrgId),
  /**
   * Which recipients a reader may learn of: all for the issuer; otherwise only organisations in the
   * reader's scope, so a warning never tells one recipient who else received it.
   */
  recipientFilter: (ctx: RequestContext, authorOrgId: string): ((orgId: string) => boolean) | undefined =>
    warningsPolicy.isIssuer(ctx, authorOrgId) ? undefined : (orgId) => canRead(ctx.scope, orgId),
  /** May the caller read a warning: the centre, its author's admins, or a recipient. */
  mayRead: (ctx: RequestContext, authorOrgId: string, recipientIds: readonly string[]): boolean =>
    ctx.scope.all || canManage(ctx.scope, authorOrgId) || recipientIds.some((o) => ctx.scope.read.has(o)),
};
