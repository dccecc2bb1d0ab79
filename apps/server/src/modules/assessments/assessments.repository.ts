import { sql, type Kysely } from 'kysely';
import type { CampaignTargeting } from '@lachan/contracts';
import type { DB } from '../../db/index.ts';

export type TaskRow = {
  id: string; campaign_id: string; campaign_title: string; campaign_status: string; catalogue_id: string; due_date: string; system_id: string; system_name: string;
  org_id: string; org_name: string; security_level: number | null; assessor_org_id: string | null; status: string; applicable: number; answered: number;
  met: number; partly: number; not_met: number; not_applicable: number; confirmed: number; returned: number; version: number; submitted_at: Date | null;
  signed_by: string | null;
};
export type AnswerRow = {
  req_id: string; answer: string; comment: string | null; review: string; review_comment: string | null; answered_by: string; answered_at: Date;
  reviewed_by: string | null; reviewed_at: Date | null;
};
export type EvidenceRow = { id: string; req_id: string; file_name: string; media_type: string; size_bytes: number; uploaded_by: string; created_at: Date };
export type CampaignRow = {
  id: string; title: string; description: string | null; catalogue_id: string; due_date: string; target_sectors: string[]; target_provinces: string[];
  target_kinds: string[]; target_levels: number[]; status: string; created_at: Date; tasks: number; submitted: number;
};

const TASK = sql`t.id, t.campaign_id, c.title as campaign_title, c.status as campaign_status, c.catalogue_id, to_char(c.due_date, 'YYYY-MM-DD') as due_date,
  t.system_id, s.name as system_name, t.org_id, o.name as org_name, t.security_level, t.assessor_org_id, t.status, t.applicable, t.answered, t.met, t.partly,
  t.not_met, t.not_applicable, t.confirmed, t.returned, t.version, t.submitted_at, t.signed_by`;
const TASK_FROM = sql`assessment_tasks t join assessment_campaigns c on c.id = t.campaign_id join information_systems s on s.id = t.system_id
  join organizations o on o.id = t.org_id`;
const CAMPAIGN = sql`c.id, c.title, c.description, c.catalogue_id, to_char(c.due_date, 'YYYY-MM-DD') as due_date, c.target_sectors, c.target_provinces,
  c.target_kinds, c.target_levels, c.status, c.created_at,
  coalesce((select sum(r.tasks)::int from assessment_level_tallies r where r.campaign_id = c.id), 0) as tasks,
  coalesce((select sum(r.submitted)::int from assessment_level_tallies r where r.campaign_id = c.id), 0) as submitted`;

/** SQL of assessment campaigns, their tasks, answers, evidence and submitted versions. */
export const assessmentsRepository = {
  async insertCampaign(tx: Kysely<DB>, c: { title: string; description: string | null; catalogueId: string; dueDate: string; targeting: CampaignTargeting; by: string }): Promise<string> {
    const r = await sql<{ id: string }>`insert into assessment_campaigns (title, description, catalogue_id, due_date, target_sectors, target_provinces, target_kinds, target_levels, created_by)
      values (${c.title}, ${c.description}, ${c.catalogueId}, ${c.dueDate}::date, ${c.targeting.sectors}::text[], ${c.targeting.provinces}::text[],
        ${c.targeting.orgKinds}::text[], ${c.targeting.levels}::smallint[], ${c.by}) returning id`.execute(tx);
    return r.rows[0]!.id;
  },

  /**
   * One task per active system whose owner matches the targeting; each task counts the requirements
   * applicable at the system's level (a system without a level answers every assessable requirement).
   */
  async createTasks(tx: Kysely<DB>, campaignId: string, catalogueId: string, t: CampaignTargeting): Promise<number> {
    const r = await sql`insert into assessment_tasks (campaign_id, system_id, org_id, security_level, applicable)
      select ${campaignId}::uuid, s.id, s.org_id, s.security_level,
        (select count(*)::int from catalogue_requirements q where q.catalogue_id = ${catalogueId}
          and cardinality(q.levels) > 0 and (s.security_level is null or s.security_level = any(q.levels)))
      from information_systems s join organizations o on o.id = s.org_id
      where s.status = 'active' and o.status = 'active'
        and (cardinality(${t.sectors}::text[]) = 0 or exists (select 1 from org_sectors os where os.org_id = o.id and os.sector_code = any(${t.sectors}::text[])))
        and (cardinality(${t.provinces}::text[]) = 0 or o.province_code = any(${t.provinces}::text[]))
        and (cardinality(${t.orgKinds}::text[]) = 0 or o.kind = any(${t.orgKinds}::text[]))
        and (cardinality(${t.levels}::smallint[]) = 0 or s.security_level = any(${t.levels}::smallint[]))`.execute(tx);
    return Number(r.numAffectedRows ?? 0);
  },

  async campaigns(db: Kysely<DB>): Promise<CampaignRow[]> {
    return (await sql<CampaignRow>`select ${CAMPAIGN} from assessment_campaigns c order by c.created_at desc`.execute(db)).rows;
  },

  async campaign(db: Kysely<DB>, id: string): Promise<CampaignRow | null> {
    return (await sql<CampaignRow>`select ${CAMPAIGN} from assessment_campaigns c where c.id = ${id}`.execute(db)).rows[0] ?? null;
  },

  async task(db: Kysely<DB>, id: string, lock = false): Promise<TaskRow | null> {
    return (await sql<TaskRow>`select ${TASK} from ${TASK_FROM} where t.id = ${id} ${lock ? sql`for update of t` : sql``}`.execute(db)).rows[0] ?? null;
  },

  /** Tasks of the organisations (as owner, or as assessor when `asAssessor`); null means every organisation. */
  async tasks(db: Kysely<DB>, orgIds: string[] | null, f: { campaignId?: string | undefined; asAssessor: boolean; limit: number }): Promise<TaskRow[]> {
    const col = f.asAssessor ? sql`t.assessor_org_id` : sql`t.org_id`;
    return (await sql<TaskRow>`select ${TASK} from ${TASK_FROM}
      where ${orgIds ? sql`${col} = any(${orgIds}::uuid[])` : f.asAssessor ? sql`t.assessor_org_id is not null` : sql`true`}
        ${f.campaignId ? sql`and t.campaign_id = ${f.campaignId}` : sql``}
      order by c.due_date, o.name, s.name limit ${f.limit}`.execute(db)).rows;
  },

  async answers(db: Kysely<DB>, taskId: string): Promise<AnswerRow[]> {
    return (await sql<AnswerRow>`select req_id, answer, comment, review, review_comment, answered_by, answered_at, reviewed_by, reviewed_at
      from assessment_answers where task_id = ${taskId}`.execute(db)).rows;
  },

  async evidence(db: Kysely<DB>, taskId: string): Promise<EvidenceRow[]> {
    return (await sql<EvidenceRow>`select id, req_id, file_name, media_type, size_bytes, uploaded_by, created_at from assessment_evidence
      where task_id = ${taskId} order by created_at`.execute(db)).rows;
  },

  async evidenceFile(db: Kysely<DB>, id: string): Promise<(EvidenceRow & { task_id: string; content: Uint8Array }) | null> {
    return (await sql<EvidenceRow & { task_id: string; content: Uint8Array }>`select id, task_id, req_id, file_name, media_type, size_bytes, uploaded_by, created_at, content
      from assessment_evidence where id = ${id}`.execute(db)).rows[0] ?? null;
  },

  async putAnswer(tx: Kysely<DB>, t: Pick<TaskRow, 'id' | 'campaign_id' | 'org_id' | 'security_level'>, reqId: string, answer: string, comment: string | null, by: string): Promise<void> {
    const taskId = t.id;
    const before = (await sql<{ answer: string }>`select answer from assessment_answers where task_id = ${taskId} and req_id = ${reqId} for update`.execute(tx)).rows[0]?.answer ?? null;
    if (before !== answer) await bumpCounts(tx, t, reqId, before, answer);
    await sql`insert into assessment_answers (task_id, req_id, answer, comment, answered_by) values (${taskId}, ${reqId}, ${answer}, ${comment}, ${by})
      on conflict (task_id, req_id) do update set answer = excluded.answer, comment = excluded.comment, answered_by = excluded.answered_by, answered_at = now(),
        review = 'pending', review_comment = null, reviewed_by = null, reviewed_at = null`.execute(tx);
  },

  async review(tx: Kysely<DB>, taskId: string, reqId: string, review: string, comment: string | null, by: string): Promise<boolean> {
    const r = await sql`update assessment_answers set review = ${review}, review_comment = ${comment}, reviewed_by = ${by}, reviewed_at = now()
      where task_id = ${taskId} and req_id = ${reqId}`.execute(tx);
    return Number(r.numAffectedRows ?? 0) > 0;
  },

  /** Recounts a task's answers into its counters (a task has at most a few hundred answers). */
  async recount(tx: Kysely<DB>, taskId: string): Promise<void> {
    await sql`update assessment_tasks t set answered = a.answered, met = a.met, partly = a.partly, not_met = a.not_met, not_applicable = a.na,
        confirmed = a.confirmed, returned = a.returned, updated_at = now()
      from (select count(*)::int as answered, count(*) filter (where answer = 'met')::int as met, count(*) filter (where answer = 'partly')::int as partly,
          count(*) filter (where answer = 'not_met')::int as not_met, count(*) filter (where answer = 'not_applicable')::int as na,
          count(*) filter (where review = 'confirmed')::int as confirmed, count(*) filter (where review = 'returned')::int as returned
        from assessment_answers where task_id = ${taskId}) a
      where t.id = ${taskId}`.execute(tx);
  },

  async setAssessor(tx: Kysely<DB>, taskId: string, assessorOrgId: string): Promise<void> {
    await sql`update assessment_tasks set assessor_org_id = ${assessorOrgId}, updated_at = now() where id = ${taskId}`.execute(tx);
    await sql`update assessment_answers set review = 'pending', review_comment = null, reviewed_by = null, reviewed_at = null where task_id = ${taskId}`.execute(tx);
    await assessmentsRepository.recount(tx, taskId);
  },

  async addEvidence(tx: Kysely<DB>, e: { taskId: string; reqId: string; fileName: string; mediaType: string; content: Buffer; by: string }): Promise<string> {
    const r = await sql<{ id: string }>`insert into assessment_evidence (task_id, req_id, file_name, media_type, size_bytes, content, uploaded_by)
      values (${e.taskId}, ${e.reqId}, ${e.fileName}, ${e.mediaType}, ${e.content.length}, ${e.content}, ${e.by}) returning id`.execute(tx);
    return r.rows[0]!.id;
  },

  async submit(tx: Kysely<DB>, taskId: string, version: number, signedBy: string, content: unknown): Promise<void> {
    await sql`insert into assessment_versions (task_id, version, signed_by, submitted_at, content) values (${taskId}, ${version}, ${signedBy}, now(), ${JSON.stringify(content)}::jsonb)`.execute(tx);
    await sql`update assessment_tasks set status = 'submitted', version = ${version}, submitted_at = now(), signed_by = ${signedBy}, updated_at = now() where id = ${taskId}`.execute(tx);
  },

  async reopen(tx: Kysely<DB>, taskId: string): Promise<void> {
    await sql`update assessment_tasks set status = 'open', updated_at = now() where id = ${taskId}`.execute(tx);
  },

  async versions(db: Kysely<DB>, taskId: string): Promise<{ version: number; signed_by: string; submitted_at: Date; content: unknown }[]> {
    return (await sql<{ version: number; signed_by: string; submitted_at: Date; content: unknown }>`select version, signed_by, submitted_at, content
      from assessment_versions where task_id = ${taskId} order by version`.execute(db)).rows;
  },
};

const COUNT_COLUMN: Record<string, string> = { met: 'met', partly: 'partly', not_met: 'not_met', not_applicable: 'not_applicable' };

/** Moves one answer between the counters by requirement (national by level, and per owner organisation). */
async function bumpCounts(tx: Kysely<DB>, t: Pick<TaskRow, 'campaign_id' | 'org_id' | 'security_level'>, reqId: string, from: string | null, to: string): Promise<void> {
  const delta = (col: string) => (col === COUNT_COLUMN[to] ? 1 : 0) - (from !== null && col === COUNT_COLUMN[from] ? 1 : 0);
  const [met, partly, notMet, na] = ['met', 'partly', 'not_met', 'not_applicable'].map(delta);
  await sql`insert into assessment_requirement_counts as c (campaign_id, req_id, security_level, met, partly, not_met, not_applicable)
    values (${t.campaign_id}, ${reqId}, ${t.security_level ?? 0}, ${met}, ${partly}, ${notMet}, ${na})
    on conflict (campaign_id, req_id, security_level) do update set met = c.met + excluded.met, partly = c.partly + excluded.partly,
      not_met = c.not_met + excluded.not_met, not_applicable = c.not_applicable + excluded.not_applicable`.execute(tx);
  await sql`insert into assessment_org_requirement_counts as c (campaign_id, org_id, req_id, met, partly, not_met, not_applicable)
    values (${t.campaign_id}, ${t.org_id}, ${reqId}, ${met}, ${partly}, ${notMet}, ${na})
    on conflict (campaign_id, org_id, req_id) do update set met = c.met + excluded.met, partly = c.partly + excluded.partly,
      not_met = c.not_met + excluded.not_met, not_applicable = c.not_applicable + excluded.not_applicable`.execute(tx);
}
