import { sql, type Kysely } from 'kysely';
import type { Lesson } from '@lachan/contracts';
import type { DB } from '../../db/index.ts';

type LessonRow = { id: string; team_org_id: string; author_name: string; body: string; created_at: Date };
const present = (r: LessonRow): Lesson => ({ id: r.id, teamOrgId: r.team_org_id, authorName: r.author_name, body: r.body, createdAt: new Date(r.created_at).toISOString() });

/** SQL of the lessons learned the white team writes for each team. */
export const lessonsRepository = {
  async insert(tx: Kysely<DB>, exerciseId: string, teamOrgId: string, authorName: string, authorOrgId: string, body: string): Promise<Lesson> {
    return present((await sql<LessonRow>`insert into exercise_lessons (exercise_id, team_org_id, author_name, author_org_id, body)
      values (${exerciseId}, ${teamOrgId}, ${authorName}, ${authorOrgId}, ${body}) returning id, team_org_id, author_name, body, created_at`.execute(tx)).rows[0]!);
  },

  async ofTeam(db: Kysely<DB>, exerciseId: string, teamOrgId: string): Promise<Lesson[]> {
    return (await sql<LessonRow>`select id, team_org_id, author_name, body, created_at from exercise_lessons
      where exercise_id = ${exerciseId} and team_org_id = ${teamOrgId} order by created_at`.execute(db)).rows.map(present);
  },
};
