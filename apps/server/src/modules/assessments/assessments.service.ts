import type {
  AnswerPut, AssessmentCampaign, AssessmentCampaignCreate, AssessmentTask, AssessmentTaskDetail, AssessmentTaskQuery, ReviewPut,
} from '@lachan/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/index.ts';
import { recordChange, transact } from '../events/index.ts';
import type { RequestContext } from '../../core/context.ts';
import { conflict, forbidden, invalid, notFound } from '../../core/errors.ts';
import type { AssessmentsParts } from './assessments-parts.ts';
import { assessmentsPolicy as policy } from './assessments.policy.ts';
import { assessmentsRepository as repo, type CampaignRow, type TaskRow } from './assessments.repository.ts';
import { cataloguesRepository } from './catalogues.repository.ts';
import type { CataloguesService } from './catalogues.service.ts';

const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

export const presentCampaign = (c: CampaignRow): AssessmentCampaign => ({
  id: c.id, title: c.title, description: c.description, catalogueId: c.catalogue_id, dueDate: c.due_date, status: c.status,
  targeting: { sectors: c.target_sectors, provinces: c.target_provinces, orgKinds: c.target_kinds, levels: c.target_levels },
  createdAt: c.created_at.toISOString(), tasks: c.tasks, submitted: c.submitted,
});

export const presentTask = (t: TaskRow, today: string): AssessmentTask => ({
  id: t.id, campaignId: t.campaign_id, campaignTitle: t.campaign_title, dueDate: t.due_date, systemId: t.system_id, systemName: t.system_name,
  orgId: t.org_id, orgName: t.org_name, securityLevel: t.security_level, assessorOrgId: t.assessor_org_id, status: t.status, applicable: t.applicable,
  answered: t.answered, met: t.met, partly: t.partly, notMet: t.not_met, notApplicable: t.not_applicable, confirmed: t.confirmed, returned: t.returned,
  version: t.version, submittedAt: t.submitted_at?.toISOString() ?? null, signedBy: t.signed_by, overdue: t.version === 0 && t.due_date < today,
});

const audienceOf = (t: Pick<TaskRow, 'org_id' | 'assessor_org_id'>) => ({ orgIds: [t.org_id, ...(t.assessor_org_id ? [t.assessor_org_id] : [])], manage: true });

/** National assessment campaigns: launching, one task per targeted system, answering, independent review, signing. */
export class AssessmentsService {
  #p: AssessmentsParts;
  #catalogues: CataloguesService;
  constructor(parts: AssessmentsParts, catalogues: CataloguesService) {
    this.#p = parts;
    this.#catalogues = catalogues;
  }

  #today(): string {
    return this.#p.now().toISOString().slice(0, 10);
  }

  async launch(ctx: RequestContext, body: AssessmentCampaignCreate): Promise<AssessmentCampaign> {
    if (!policy.mayLaunch(ctx)) throw forbidden('only the national centre launches assessment campaigns');
    await this.#catalogues.ensureBuiltIn();
    if (!(await cataloguesRepository.byId(this.#p.db, body.catalogueId))) throw invalid('unknown catalogue');
    if (body.dueDate < this.#today()) throw invalid('the due date has passed');
    const id = await transact(this.#p, async (tx) => {
      const id = await repo.insertCampaign(tx, { title: body.title, description: body.description ?? null, catalogueId: body.catalogueId, dueDate: body.dueDate, targeting: body.targeting, by: ctx.actor.name });
      const tasks = await repo.createTasks(tx, id, body.catalogueId, body.targeting);
      await recordChange(tx, ctx, { action: 'assessment_campaign.launch', entityType: 'assessment_campaign', entityId: id, orgId: null, after: { ...body, tasks }, event: { type: 'assessment_campaign.launched', audience: { all: true }, data: { id, title: body.title, dueDate: body.dueDate } } });
      return id;
    });
    return presentCampaign((await repo.campaign(this.#p.db, id))!);
  }

  async campaigns(ctx: RequestContext): Promise<AssessmentCampaign[]> {
    if (!policy.mayReadCampaigns(ctx)) throw forbidden();
    return (await repo.campaigns(this.#p.db)).map(presentCampaign);
  }

  async tasks(ctx: RequestContext, q: AssessmentTaskQuery): Promise<AssessmentTask[]> {
    if (!policy.mayReadCampaigns(ctx)) throw forbidden();
    const asAssessor = q.role === 'assessor';
    const orgIds = ctx.scope.all && !asAssessor ? null : [...ctx.scope.manage];
    const rows = await repo.tasks(this.#p.db, orgIds, { campaignId: q.campaignId, asAssessor, limit: q.limit ?? 1000 });
    return rows.map((t) => presentTask(t, this.#today()));
  }

  async #readable(ctx: RequestContext, id: string, db: Kysely<DB> = this.#p.db, lock = false): Promise<TaskRow> {
    const t = await repo.task(db, id, lock);
    if (!t || !policy.mayRead(ctx, t)) throw notFound('assessment task');
    return t;
  }

  async task(ctx: RequestContext, id: string): Promise<AssessmentTaskDetail> {
    const t = await this.#readable(ctx, id);
    const [reqs, answers, evidence] = await Promise.all([
      cataloguesRepository.requirements(this.#p.db, t.catalogue_id), repo.answers(this.#p.db, id), repo.evidence(this.#p.db, id),
    ]);
    return {
      task: presentTask(t, this.#today()),
      requirements: reqs.map((r) => ({
        id: r.req_id, parent: r.parent_id, title: { ...(r.title_vi ? { vi: r.title_vi } : {}), ...(r.title_en ? { en: r.title_en } : {}) },
        text: { ...(r.text_vi ? { vi: r.text_vi } : {}), ...(r.text_en ? { en: r.text_en } : {}) }, levels: r.levels,
        applicable: r.levels.length > 0 && (t.security_level === null || r.levels.includes(t.security_level)),
      })),
      answers: answers.map((a) => ({
        reqId: a.req_id, answer: a.answer as AnswerPut['answer'], comment: a.comment, review: a.review as 'pending', reviewComment: a.review_comment,
        answeredBy: a.answered_by, answeredAt: a.answered_at.toISOString(), reviewedBy: a.reviewed_by, reviewedAt: a.reviewed_at?.toISOString() ?? null,
        evidence: evidence.filter((e) => e.req_id === a.req_id).map((e) => ({ id: e.id, fileName: e.file_name, mediaType: e.media_type, sizeBytes: e.size_bytes, uploadedBy: e.uploaded_by, createdAt: e.created_at.toISOString() })),
      })),
    };
  }

  /** Checks that a task is open and the requirement applies to it; returns the task, locked. */
  async #open(tx: Kysely<DB>, ctx: RequestContext, id: string, reqId: string | null): Promise<TaskRow> {
    const t = await this.#readable(ctx, id, tx, true);
    if (t.status !== 'open' || t.campaign_status !== 'open') throw conflict('the assessment is submitted and read-only; reopen it to change it');
    if (reqId !== null) {
      const q = (await cataloguesRepository.requirements(tx, t.catalogue_id)).find((r) => r.req_id === reqId);
      if (!q) throw notFound('requirement');
      if (!q.levels.length || (t.security_level !== null && !q.levels.includes(t.security_level))) throw invalid('this requirement does not apply at the system security level');
    }
    return t;
  }

  async answer(ctx: RequestContext, id: string, reqId: string, body: AnswerPut): Promise<AssessmentTask> {
    return this.#change(ctx, id, reqId, 'assessment.answer', async (tx, t) => {
      if (!policy.mayAnswer(ctx, t)) throw forbidden('only the owner organisation answers');
      await repo.putAnswer(tx, t, reqId, body.answer, body.comment ?? null, ctx.actor.name);
      return { reqId, ...body };
    });
  }

  async review(ctx: RequestContext, id: string, reqId: string, body: ReviewPut): Promise<AssessmentTask> {
    return this.#change(ctx, id, reqId, 'assessment.review', async (tx, t) => {
      await this.#p.orgTree.ensure();
      const assessorUnits = t.assessor_org_id ? this.#p.orgTree.subtree(t.assessor_org_id) : new Set<string>();
      if (!policy.mayReview(ctx, assessorUnits)) throw forbidden('only the assigned independent assessor reviews');
      if (body.review === 'returned' && !body.comment) throw invalid('say why the answer is returned');
      if (!(await repo.review(tx, id, reqId, body.review, body.comment ?? null, ctx.actor.name))) throw conflict('the requirement has no answer yet');
      return { reqId, ...body };
    });
  }

  async assignAssessor(ctx: RequestContext, id: string, assessorOrgId: string): Promise<AssessmentTask> {
    return this.#change(ctx, id, null, 'assessment.assign_assessor', async (tx, t) => {
      if (!policy.maySign(ctx, t)) throw forbidden('only the owner organisation administrators assign the assessor');
      await this.#p.orgTree.ensure();
      const org = await tx.selectFrom('organizations').select(['id', 'status']).where('id', '=', assessorOrgId).executeTakeFirst();
      if (!org || org.status !== 'active') throw invalid('the assessor organisation does not exist or is not active');
      const owner = [t.org_id, ...this.#p.orgTree.ancestors(t.org_id)];
      if (owner.includes(assessorOrgId) || this.#p.orgTree.subtree(t.org_id).has(assessorOrgId)) throw invalid('the assessor must be independent of the owner (not the owner, its units or its line)');
      await repo.setAssessor(tx, id, assessorOrgId);
      return { assessorOrgId };
    });
  }

  async addEvidence(ctx: RequestContext, id: string, reqId: string, file: { name: string; mediaType: string; content: Buffer }): Promise<AssessmentTaskDetail> {
    if (!file.content.length) throw invalid('the file is empty');
    if (file.content.length > EVIDENCE_MAX_BYTES) throw invalid(`an evidence file is at most ${EVIDENCE_MAX_BYTES} bytes`);
    await this.#change(ctx, id, reqId, 'assessment.evidence', async (tx, t) => {
      if (!policy.mayAnswer(ctx, t)) throw forbidden('only the owner organisation adds evidence');
      const answered = (await repo.answers(tx, id)).some((a) => a.req_id === reqId);
      if (!answered) throw conflict('answer the requirement before adding its evidence');
      const evidenceId = await repo.addEvidence(tx, { taskId: id, reqId, fileName: file.name, mediaType: file.mediaType, content: file.content, by: ctx.actor.name });
      return { reqId, evidenceId, fileName: file.name, sizeBytes: file.content.length };
    });
    return this.task(ctx, id);
  }

  async evidenceFile(ctx: RequestContext, evidenceId: string): Promise<{ name: string; mediaType: string; content: Buffer }> {
    const e = await repo.evidenceFile(this.#p.db, evidenceId);
    if (!e) throw notFound('evidence');
    await this.#readable(ctx, e.task_id).catch(() => {
      throw notFound('evidence');
    });
    return { name: e.file_name, mediaType: e.media_type, content: Buffer.from(e.content) };
  }

  /** The owner signs: every applicable requirement answered and confirmed by the assessor; the version is frozen. */
  async submit(ctx: RequestContext, id: string, signature: string): Promise<AssessmentTask> {
    return this.#change(ctx, id, null, 'assessment.submit', async (tx, t) => {
      if (!policy.maySign(ctx, t)) throw forbidden('only the owner organisation administrators sign');
      if (!t.assessor_org_id) throw conflict('assign an independent assessor first');
      if (t.answered < t.applicable) throw conflict(`${t.applicable - t.answered} applicable requirements are not answered`);
      if (t.confirmed < t.answered) throw conflict(`${t.answered - t.confirmed} answers are not confirmed by the assessor`);
      const version = t.version + 1;
      const content = { task: presentTask(t, this.#today()), answers: await repo.answers(tx, id), evidence: await repo.evidence(tx, id), signature };
      await repo.submit(tx, id, version, `${signature} (${ctx.actor.name})`, content);
      return { version, signature };
    }, true);
  }

  /** The owner opens a submitted assessment again to make a new version; submitted versions stay as they were. */
  async reopen(ctx: RequestContext, id: string): Promise<AssessmentTask> {
    const t = await this.#readable(ctx, id);
    if (!policy.maySign(ctx, t)) throw forbidden('only the owner organisation administrators reopen');
    if (t.status !== 'submitted') throw conflict('the assessment is open');
    return transact(this.#p, async (tx) => {
      await repo.reopen(tx, id);
      await recordChange(tx, ctx, { action: 'assessment.reopen', entityType: 'assessment_task', entityId: id, orgId: t.org_id, event: { type: 'assessment.changed', audience: audienceOf(t), data: { id } } });
      return presentTask((await repo.task(tx, id))!, this.#today());
    });
  }

  async versions(ctx: RequestContext, id: string): Promise<{ version: number; signedBy: string; submittedAt: string; content: unknown }[]> {
    await this.#readable(ctx, id);
    return (await repo.versions(this.#p.db, id)).map((v) => ({ version: v.version, signedBy: v.signed_by, submittedAt: v.submitted_at.toISOString(), content: v.content }));
  }

  /** One audited change of a task in one transaction; the task's counters are recounted after it. */
  async #change(ctx: RequestContext, id: string, reqId: string | null, action: string, fn: (tx: Kysely<DB>, t: TaskRow) => Promise<unknown>, skipRecount = false): Promise<AssessmentTask> {
    return transact(this.#p, async (tx) => {
      const t = await this.#open(tx, ctx, id, reqId);
      const after = await fn(tx, t);
      if (!skipRecount) await repo.recount(tx, id);
      const now = (await repo.task(tx, id))!;
      await recordChange(tx, ctx, { action, entityType: 'assessment_task', entityId: id, orgId: t.org_id, after, event: { type: 'assessment.changed', audience: audienceOf(now), data: { id, status: now.status } } });
      return presentTask(now, this.#today());
    });
  }
}
