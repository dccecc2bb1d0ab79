import { hasPermission } from '@lachan/contracts';
import type { RequestContext } from '../../core/context.ts';
import { canManage, canRead } from '../../core/context.ts';

/**
 * Who does what in an exercise. The organiser (white team) is the national centre, or a ministry for
 * organisations of its own subtree: it writes scenarios, schedules runs for teams it manages, drives
 * the clock, judges and writes lessons. A team's members see what reached their team and, once the
 * run has ended, their own after-action report; nobody else learns that the run exists.
 */
export const exercisesPolicy = {
  /** May the caller organise exercises at all (its organisation's kind decides with its role)? */
  mayOrganise: (ctx: RequestContext, actorOrgKind: string | null): boolean =>
    hasPermission(ctx.actor.role, 'exercises.manage') && ctx.actor.type === 'user' && (ctx.scope.all || actorOrgKind === 'ministry'),
  /** May the caller put this organisation in a run as a team? */
  mayEnrol: (ctx: RequestContext, orgId: string): boolean => canManage(ctx.scope, orgId),
  /** Is the caller on the white team of a run organised by `organiserOrgId`? */
  isWhite: (ctx: RequestContext, organiserOrgId: string): boolean =>
    hasPermission(ctx.actor.role, 'exercises.manage') && ctx.actor.type === 'user' && canManage(ctx.scope, organiserOrgId),
  /** Does the caller play for one of these teams (or oversee it)? */
  plays: (ctx: RequestContext, teamOrgIds: readonly string[]): boolean =>
    hasPermission(ctx.actor.role, 'exercises.read') && teamOrgIds.some((t) => canRead(ctx.scope, t)),
  /** May the caller read this team's part (its inbox, its report)? */
  mayReadTeam: (ctx: RequestContext, organiserOrgId: string, teamOrgId: string): boolean =>
    exercisesPolicy.isWhite(ctx, organiserOrgId) || (hasPermission(ctx.actor.role, 'exercises.read') && canRead(ctx.scope, teamOrgId)),
  /** May the caller change a scenario owned by `ownerOrgId` (templates: nobody)? */
  mayEditScenario: (ctx: RequestContext, ownerOrgId: string | null): boolean =>
    ownerOrgId !== null && hasPermission(ctx.actor.role, 'exercises.manage') && canManage(ctx.scope, ownerOrgId),
};
