import { sql } from 'kysely';
import type { IncidentComment, IncidentTask, IncidentTaskCreate, IncidentTaskPatch, TimelineEntry } from '@lachan/contracts';
import type { RequestContext } from '../../core/context.ts';
import { notFound } from '../../core/errors.ts';
import type { Platform } from '../../platform.types.ts';
import type { IncidentWriter } from './incident-writer.ts';

type CommentRow = { id: string; incident_id: string; author_id: string | null; author_name: string; org_id: string; body: string; created_at: Date };
type TaskRow = { id: string; incident_id: string; title: string; description: string; assignee_org_id: string | null; assignee_user_id: string | null; due_at: Date | null; status: IncidentTask['status']; created_by_name: string; created_by_org_id: string; created_at: Date; updated_at: Date; completed_at: Date | null };

/** The timeline, comments and tasks of an incident. */
export class IncidentCollabService {
  #p: Platform;
  #w: IncidentWriter;
  constructor(platform: Platform, writer: IncidentWriter) {
    this.#p = platform;
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
    const r = await sql<{ id: string; at: Date; kind: string; actor_name: string; actor_org_id: string | null; data: unknown }>`select id::text as id, at, kind, actor_name, actor_org_id, data
      from incident_events where incident_id = ${id} order by id`.execute(this.#p.db);
    return r.rows.map((e) => ({ id: e.id, at: e.at.toISOString(), kind: e.kind, actorName: e.actor_name, actorOrgId: e.actor_org_id, data: e.data }));
  }

  async comments(ctx: RequestContext, id: string): Promise<IncidentComment[]> {
    await this.#w.access.require(ctx, id, 'read');
    const r = await sql<CommentRow>`select * from incident_comments where incident_id = ${id} order by created_at`.execute(this.#p.db);
    return r.rows.map((c) => ({ id: c.id, incidentId: c.incident_id, authorId: c.author_id, authorName: c.author_name, orgId: c.org_id, body: c.body, createdAt: c.created_at.toISOString() }));
  }

  async comment(ctx: RequestContext, id: string, body: string): Promise<IncidentComment> {
    const cid = await this.#w.change(ctx, id, 'work', 'comment', async (tx) => {
      const r = await sql<{ id: string }>`insert into incident_comments (incident_id, author_id, author_name, org_id, body) values (${id}, ${ctx.actor.type === 'user' ? ctx.actor.id : null}, ${ctx.actor.name}, ${ctx.actor.orgId}, ${body}) returning id`.execute(tx);
      return { data: { commentId: r.rows[0]!.id, excerpt: body.slice(0, 200) }, result: r.rows[0]!.id };
    });
    return (await this.comments(ctx, id)).find((c) => c.id === cid)!;
  }

  async tasks(ctx: RequestContext, id: string): Promise<IncidentTask[]> {
    await this.#w.access.require(ctx, id, 'read');
    return (await sql<TaskRow>`select * from incident_tasks where incident_id = ${id} order by created_at`.execute(this.#p.db)).rows.map((t) => this.#task(t));
  }

  async addTask(ctx: RequestContext, id: string, body: IncidentTaskCreate): Promise<IncidentTask> {
    const tid = await this.#w.change(ctx, id, 'work', 'task', async (tx) => {
      const r = await sql<{ id: string }>`insert into incident_tasks (incident_id, title, description, assignee_org_id, assignee_user_id, due_at, created_by_name, created_by_org_id)
        values (${id}, ${body.title}, ${body.description ?? ''}, ${body.assigneeOrgId ?? null}, ${body.assigneeUserId ?? null}, ${body.dueAt ?? null}, ${ctx.actor.name}, ${ctx.actor.orgId}) returning id`.execute(tx);
      return { data: { taskId: r.rows[0]!.id, title: body.title, assigneeOrgId: body.assigneeOrgId ?? null, dueAt: body.dueAt ?? null }, result: r.rows[0]!.id };
    });
    return (await this.tasks(ctx, id)).find((t) => t.id === tid)!;
  }

  async updateTask(ctx: RequestContext, id: string, taskId: string, patch: IncidentTaskPatch): Promise<IncidentTask> {
    await this.#w.change(ctx, id, 'work', 'task_updated', async (tx) => {
      const set: Record<string, unknown> = { updated_at: this.#p.now() };
      const map = { title: 'title', description: 'description', assigneeOrgId: 'assignee_org_id', assigneeUserId: 'assignee_user_id', dueAt: 'due_at', status: 'status' } as const;
      for (const [k, col] of Object.entries(map)) if (patch[k as keyof typeof map] !== undefined) set[col] = patch[k as keyof typeof map];
      if (patch.status === 'done') set.completed_at = this.#p.now();
      const r = await tx.updateTable('incident_tasks' as never).set(set as never).where('id' as never, '=', taskId as never).where('incident_id' as never, '=', id as never).executeTakeFirst();
      if (!Number(r.numUpdatedRows)) throw notFound('task');
      return { data: { taskId, ...patch }, result: undefined };
    });
    return (await this.tasks(ctx, id)).find((t) => t.id === taskId)!;
  }
}
