import type { RequestContext } from '../../core/context.ts';

/** Who may change the statistics themselves (reading them is the `stats.read` permission and the caller's scope). */
export const statsPolicy = {
  /** Loading history into the national figures is the national centre's coordinators' (it moves every forecast). */
  mayImportHistory: (ctx: RequestContext): boolean => ctx.scope.all && ctx.actor.role === 'national_coordinator',
};
