import type { IncidentComment, IncidentTask, IncidentTaskCreate, IncidentTaskPatch, TimelineEntry } from '@lachan/contracts';
import type { RequestContext } from '../../core/context.ts';
import { notFound } from '../../core/errors.ts';
import type { IncidentParts } from './incident-parts.ts';
import type { IncidentWriter } from './incident-writer.ts';
import { incidentCollabRepository as repo, type TaskRow } from './incident-collab.repository.ts';

/** The timeline, comments and tasks of an incident. */
export class IncidentCollabService {
  #p: Pick<IncidentParts, 'db' | 'now'>;
  #w: IncidentWriter;
  constructor(parts: Pick<IncidentParts, 'db' | 'now'>, writer: IncidentWriter) {
    this.#p = parts;
    this.#w = writer;
  }

  #task(r: TaskRow): IncidentTask {
    const open = r.status === 'open' || r.status === 'in_progress';
    return {
      id: r.id, incidentId: r.incident_id, title: r.title, description: r.description, assigneeOrgId: r.assignee_org_id, assigneeUserId: r.assignee_user_id,
      dueAt: r.due_at?.toISOString() ?? null, status: r.status, overdue: open && !!r.due_at && r.due_at < this.#p.now(), createdByName: r.created_by_name,
      createdByOrgId: r.created_by_org_id, createdAt: r.created_at.toISOString(), updatedAt: r.updated_at.toISOString(), completedAt: r.completed_at?.toISOString() ?? null,
    };
  }

  async timeline(ctx: RequestContext, id: string): Promise<TimelineEntry[]> {
    await this.#w.access.require(ctx, id, 'read');
    const rows = await repo.timeline(this.#p.db, id);
    return rows.map((e) => ({ id: e.id, at: e.at.toISOString(), kind: e.kind, actorName: e.actor_name, actorOrgId: e.actor_org_id, data: e.data }));
  }

  async comments(ctx: RequestContext, id: string): Promise<IncidentComment[]> {
    await this.#w.access.require(ctx, id, 'read');
    return (await repo.comments(this.#p.db, id)).map((c) => ({ id: c.id, incidentId: c.incident_id, authorId: c.author_id, authorName: c.author_name, orgId: c.org_id, body: c.body, createdAt: c.created_at.toISOString() }));
  }

  async comment(ctx: RequestContext, id: string, body: string): Promise<IncidentComment> {
    const cid = await this.#w.change(ctx, id, 'work', 'comment', async (tx) => {
      const commentId = await repo.insertComment(tx, { incidentId: id, authorId: ctx.actor.type === 'user' ? ctx.actor.id : null, authorName: ctx.actor.name, orgId: ctx.actor.orgId, body });
      return { data: { commentId, excerpt: body.slice(0, 200) }, result: commentId };
    });
    return (await this.comments(ctx, id)).find((c) => c.id === cid)!;
  }

  async tasks(ctx: RequestContext, id: string): Promise<IncidentTask[]> {
    await this.#w.access.require(ctx, id, 'read');
    return (await repo.tasks(this.#p.db, id)).map((t) => this.#task(t));
  }

  async addTask(ctx: RequestContext, id: string, body: IncidentTaskCreate): Promise<IncidentTask> {
    const tid = await this.#w.change(ctx, id, 'work', 'task', async (tx) => {
      const taskId = await repo.insertTask(tx, {
        incidentId: id, title: body.title, description: body.description ?? '', assigneeOrgId: body.assigneeOrgId ?? null, assigneeUserId: body.assigneeUserId ?? null,
        dueAt: body.dueAt ?? null, byName: ctx.actor.name, byOrgId: ctx.actor.orgId,
      });
      return { data: { taskId, title: body.title, assigneeOrgId: body.assigneeOrgId ?? null, dueAt: body.dueAt ?? null }, result: taskId };
    });
    return (await this.tasks(ctx, id)).find((t) => t.id === tid)!;
  }

  async updateTask(ctx: RequestContext, id: string, taskId: string, patch: IncidentTaskPatch): Promise<IncidentTask> {
    await this.#w.change(ctx, id, 'work', 'task_updated', async (tx) => {
      const set: Record<string, unknown> = { updated_at: this.#p.now() };
      const map = { title: 'title', description: 'description', assigneeOrgId: 'assignee_org_id', assigneeUserId: 'assignee_user_id', dueAt: 'due_at', status: 'status' } as const;
      for (const [k, col] of Object.entries(map)) if (patch[k as keyof typeof map] !== undefined) set[col] = patch[k as keyof typeof map];
      if (patch.status === 'done') set.completed_at = this.#p.now();
      if (!(await repo.updateTask(tx, id, taskId, set))) throw notFound('task');
      return { data: { taskId, ...patch }, result: undefined };
    });
    return (await this.tasks(ctx, id)).find((t) => t.id === taskId)!;
  }
}
