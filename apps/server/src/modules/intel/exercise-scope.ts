import { sql, type Kysely } from 'kysely';
import { hasPermission } from '@lachan/contracts';
import type { DB } from '../../db/index.ts';
import { canManage, canRead, type OrgScope, type RequestContext } from '../../core/context.ts';
import { notFound } from '../../core/errors.ts';

/**
 * A reader's scope over the knowledge base: the real knowledge base (no `exerciseId`), or the
 * knowledge added in one exercise, never both (issue 17).
 */
export type KnowledgeScope = OrgScope & { readonly exerciseId?: string | null };

/**
 * The scope of a reader asking for an exercise's knowledge: allowed to the white team (organiser,
 * any state of the run) and to the members of the run's teams while it is under way (running or
 * paused). Anyone else learns nothing, not even that the run exists (404).
 */
export async function exerciseKnowledgeScope(db: Kysely<DB>, ctx: RequestContext, exerciseId: string | undefined): Promise<KnowledgeScope> {
  if (!exerciseId) return ctx.scope;
  const r = await sql<{ organiser_org_id: string; status: string; teams: string[] }>`select e.organiser_org_id, e.status,
      coalesce((select array_agg(t.org_id) from exercise_teams t where t.exercise_id = e.id), '{}') as teams
    from exercises e where e.id = ${exerciseId}`.execute(db);
  const run = r.rows[0];
  const white = !!run && hasPermission(ctx.actor.role, 'exercises.manage') && ctx.actor.type === 'user' && canManage(ctx.scope, run.organiser_org_id);
  const team = !!run && (run.status === 'running' || run.status === 'paused') && run.teams.some((t) => canRead(ctx.scope, t));
  if (!white && !team) throw notFound('exercise');
  return { ...ctx.scope, exerciseId };
}
