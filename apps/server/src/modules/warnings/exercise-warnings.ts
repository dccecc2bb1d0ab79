import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/index.ts';
import { outboxRepository } from '../events/index.ts';
import { revision } from './warnings.repository.ts';

/** An exercise's warning from the centre: what the teams receive, in both languages. */
export interface ExerciseWarning {
  exerciseId: string;
  authorOrgId: string;
  titleVi: string; titleEn: string; bodyVi: string; bodyEn: string;
  severity: number;
  recipients: string[];
  by: string;
}

/**
 * Issues a warning of an exercise inside the caller's transaction: tagged with the exercise, received
 * by the teams only, and with no delivery at all (no webhook, no e-mail leaves for an exercise).
 */
export async function issueExerciseWarning(tx: Kysely<DB>, w: ExerciseWarning): Promise<string> {
  const row = (await sql<{ id: string }>`insert into warnings (author_org_id, exercise_id, status, title_vi, title_en, body_vi, body_en, severity, tlp, targeting,
      issued_at, issued_by, valid_from, revisions)
    values (${w.authorOrgId}, ${w.exerciseId}, 'issued', ${w.titleVi}, ${w.titleEn}, ${w.bodyVi}, ${w.bodyEn}, ${w.severity}, 'AMBER',
      ${JSON.stringify({ orgIds: w.recipients })}::jsonb, now(), ${w.by}, now(), ${revision(1, 'Initial release (exercise)')})
    returning id`.execute(tx)).rows[0]!;
  await sql`insert into warning_recipients (warning_id, org_id) select ${row.id}::uuid, unnest(${w.recipients}::uuid[]) on conflict do nothing`.execute(tx);
  await sql`insert into warning_deliveries (warning_id, org_id, channel, target)
    select ${row.id}::uuid, h.org_id, 'webhook', h.id::text from warning_webhooks h where h.enabled and h.exercises and h.org_id = any(${w.recipients}::uuid[])`.execute(tx);
  await outboxRepository.insert(tx, 'warning.issued', { orgIds: w.recipients }, { id: row.id, titleVi: w.titleVi, titleEn: w.titleEn, severity: w.severity, tlp: 'AMBER', exerciseId: w.exerciseId });
  return row.id;
}
