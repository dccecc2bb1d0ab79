import { hasPermission } from '@lachan/contracts';
import type { RequestContext } from '../../core/context.ts';

/**
 * Identity providers are the centre's: only a signed-in national coordinator (whole-country scope)
 * reads or changes them. An organisation's admin does not see them: their mapping rules name every
 * organisation they sign people into (docs/oidc.md).
 */
export const identityProvidersPolicy = {
  mayManage(ctx: RequestContext): boolean {
    return ctx.actor.type === 'user' && ctx.scope.all && hasPermission(ctx.actor.role, 'identity.manage');
  },
};
