import { sql, type Kysely } from 'kysely';
import type { IncidentTask } from '@lachan/contracts';
import type { DB } from '../../db/index.ts';

/** A timeline entry as stored (its id as text: a bigint). */
export type TimelineRow = { id: string; at: Date; kind: string; actor_name: string; actor_org_id: string | null; data: unknown };
export type CommentRow = { id: string; incident_id: string; author_id: string | null; author_name: string; org_id: string; body: string; created_at: Date };
export type TaskRow = {
  id: string; incident_id: string; title: string; description: string; assignee_org_id: string | null; assignee_user_id: string | null; due_at: Date | null;
  status: IncidentTask['status']; created_by_name: string; created_by_org_id: string; created_at: Date; updated_at: Date; completed_at: Date | null;
};

/** SQL of an incident's timeline, comments and tasks. */
export const incidentCollabRepository = {
  async timeline(db: Kysely<DB>, incidentId: string): Promise<TimelineRow[]> {
    return (await sql<TimelineRow>`select id::text as id, at, kind, actor_name, actor_org_id, data
      from incident_events where incident_id = ${incidentId} order by id`.execute(db)).rows;
  },
  async comments(db: Kysely<DB>, incidentId: string): Promise<CommentRow[]> {
    return (await sql<CommentRow>`select * from incident_comments where incident_id = ${incidentId} order by created_at`.execute(db)).rows;
  },
  /** Stores a comment; answers its id. */
  async insertComment(tx: Kysely<DB>, c: { incidentId: string; authorId: string | null; authorName: string; orgId: string; body: string }): Promise<string> {
    return (await sql<{ id: string }>`insert into incident_comments (incident_id, author_id, author_name, org_id, body)
      values (${c.incidentId}, ${c.authorId}, ${c.authorName}, ${c.orgId}, ${c.body}) returning id`.execute(tx)).rows[0]!.id;
  },
  async tasks(db: Kysely<DB>, incidentId: string): Promise<TaskRow[]> {
    return (await sql<TaskRow>`select * from incident_tasks where incident_id = ${incidentId} order by created_at`.execute(db)).rows;
  },
  /** Stores a task; answers its id. */
  async insertTask(tx: Kysely<DB>, t: { incidentId: string; title: string; description: string; assigneeOrgId: string | null; assigneeUserId: string | null;
    dueAt: string | null; byName: string; byOrgId: string }): Promise<string> {
    return (await sql<{ id: string }>`insert into incident_tasks (incident_id, title, description, assignee_org_id, assignee_user_id, due_at, created_by_name, created_by_org_id)
      values (${t.incidentId}, ${t.title}, ${t.description}, ${t.assigneeOrgId}, ${t.assigneeUserId}, ${t.dueAt}, ${t.byName}, ${t.byOrgId}) returning id`.execute(tx)).rows[0]!.id;
  },
  /** Sets the given columns (stored form) of one of the incident's tasks; false when it has no such task. */
  async updateTask(tx: Kysely<DB>, incidentId: string, taskId: string, set: Record<string, unknown>): Promise<boolean> {
    const r = await tx.updateTable('incident_tasks').set(set as never).where('id', '=', taskId).where('incident_id', '=', incidentId).executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  },
};
