import { hasPermission } from '@lachan/contracts';
import { canManage, type RequestContext } from '../../core/context.ts';
import type { TaskRow } from './assessments.repository.ts';

const ANSWERING_ROLES = new Set(['org_admin', 'analyst', 'national_coordinator']);

/**
 * The centre launches campaigns; the owner's people (and those above it) see and answer its tasks,
 * its administrators assign the assessor and sign; members of the assessor organisation review,
 * and only they: the centre and the owner cannot confirm their own answers.
 */
export const assessmentsPolicy = {
  mayLaunch: (ctx: RequestContext) => hasPermission(ctx.actor.role, 'campaigns.manage'),
  mayReadCampaigns: (ctx: RequestContext) => ctx.actor.role !== 'connector' && hasPermission(ctx.actor.role, 'orgs.read'),
  isOwnerSide: (ctx: RequestContext, t: Pick<TaskRow, 'org_id'>) => ctx.actor.role !== 'connector' && canManage(ctx.scope, t.org_id),
  isAssessorSide: (ctx: RequestContext, t: Pick<TaskRow, 'assessor_org_id'>) =>
    ctx.actor.role !== 'connector' && t.assessor_org_id !== null && ctx.scope.manage.has(t.assessor_org_id),
  mayRead(ctx: RequestContext, t: Pick<TaskRow, 'org_id' | 'assessor_org_id'>): boolean {
    return this.isOwnerSide(ctx, t) || this.isAssessorSide(ctx, t);
  },
  mayAnswer: (ctx: RequestContext, t: Pick<TaskRow, 'org_id'>) => ANSWERING_ROLES.has(ctx.actor.role) && canManage(ctx.scope, t.org_id),
  /** `assessorUnits`: the assessor organisation and its units; the caller must belong to one of them. */
  mayReview: (ctx: RequestContext, assessorUnits: ReadonlySet<string>) => ANSWERING_ROLES.has(ctx.actor.role) && assessorUnits.has(ctx.actor.orgId),
  maySign: (ctx: RequestContext, t: Pick<TaskRow, 'org_id'>) => hasPermission(ctx.actor.role, 'orgs.update') && canManage(ctx.scope, t.org_id),
};
