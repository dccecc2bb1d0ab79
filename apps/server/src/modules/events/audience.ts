import type { Role } from '@lachan/contracts';
import type { RequestContext } from '../../core/context.ts';

/**
 * Who may hear an event: everyone signed in (`all`), or those whose read scope covers one of `orgIds`;
 * `roles` narrows either to some roles. The national coordinator hears everything.
 */
export interface Audience {
  all?: boolean;
  orgIds?: string[];
  roles?: Role[];
}

/** Decides whether the caller may receive an event with this audience. */
export function mayHear(ctx: RequestContext, audience: Audience): boolean {
  if (ctx.scope.all) return true;
  if (audience.roles && !audience.roles.includes(ctx.actor.role)) return false;
  if (audience.all) return true;
  return (audience.orgIds ?? []).some((id) => ctx.scope.read.has(id));
}
