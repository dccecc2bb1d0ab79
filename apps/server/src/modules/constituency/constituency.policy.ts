import type { RequestContext } from '../../core/context.ts';
import { canRead } from '../../core/context.ts';
import { hasPermission } from '@lachan/contracts';

/**
 * Who may do what with constituency reports. Pure: decided from the caller alone.
 * - send a report: a connector key (`alerts.ingest`); rows go to organisations the key may speak for,
 *   the rest stay with the key's organisation;
 * - read rows, statistics, digests: `alerts.read`, for organisations in the caller's read scope (the
 *   centre's coordinators see all, including the unknown owners, which stay with the sender);
 * - define CSV mappings: the national centre's coordinators only (`scope.all`); read them likewise.
 */
export const constituencyPolicy = {
  maySend: (ctx: RequestContext) => hasPermission(ctx.actor.role, 'alerts.ingest') && ctx.actor.type === 'apikey',
  mayRead: (ctx: RequestContext) => hasPermission(ctx.actor.role, 'alerts.read'),
  mayReadOrg: (ctx: RequestContext, orgId: string) => hasPermission(ctx.actor.role, 'alerts.read') && canRead(ctx.scope, orgId),
  mayManageMappings: (ctx: RequestContext) => ctx.scope.all && hasPermission(ctx.actor.role, 'alerts.manage'),
};
