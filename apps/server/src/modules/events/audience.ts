import type { Role } from '@lachan/contracts';
import type { RequestContext } from '../../core/context.ts';

/**
 * Who may hear an event: everyone signed in (`all`), or those whose read scope covers one of `orgIds`
 * (their manage scope when `manage` is set: accounts and keys are not for a SOC provider watching the
 * organisation); `roles` narrows either to some roles. The national coordinator hears everything.
 */
export interface Audience {
  all?: boolean;
  orgIds?: string[];
  roles?: Role[];
  manage?: boolean;
  /** TLP-bound records: only members of exactly `orgIds` hear (no parents or SOC providers by scope). */
  exact?: boolean;
  /** With `exact`: national coordinators hear too (records up to TLP:AMBER). */
  national?: boolean;
  /** Signals for the server processes themselves (`credentials.changed`): no console hears them. */
  internal?: boolean;
}

/** Decides whether the caller may receive an event with this audience. */
export function mayHear(ctx: RequestContext, audience: Audience): boolean {
  if (audience.internal) return false;
  if (audience.exact) return (audience.orgIds ?? []).includes(ctx.actor.orgId) || (audience.national === true && ctx.scope.all);
  if (ctx.scope.all) return true;
  if (audience.roles && !audience.roles.includes(ctx.actor.role)) return false;
  if (audience.all) return true;
  const scope = audience.manage ? ctx.scope.manage : ctx.scope.read;
  return (audience.orgIds ?? []).some((id) => scope.has(id));
}
