import type { AssessmentOverview, CampaignComparison, Tally } from '@lachan/contracts';
import { canManage, type RequestContext } from '../../core/context.ts';
import { forbidden, notFound } from '../../core/errors.ts';
import type { AssessmentsParts } from './assessments-parts.ts';
import { assessmentsPolicy as policy } from './assessments.policy.ts';
import { assessmentsRepository } from './assessments.repository.ts';
import { presentCampaign } from './assessments.service.ts';
import { cataloguesRepository } from './catalogues.repository.ts';
import { overviewRepository as repo, type FoldedRow, type OrgTallyRow, type ReqCountRow, type TrendRow } from './overview.repository.ts';

/** An owner counts as connected (layer 4) when one of its connectors sent alerts within this window. */
const LIVE_HOURS = 72;
const LIST = 20;

const empty = (): Tally => ({ tasks: 0, submitted: 0, overdue: 0, applicable: 0, answered: 0, met: 0, partly: 0, notMet: 0, notApplicable: 0 });
type Counters = Omit<OrgTallyRow, 'org_id' | 'security_level'>;
function add(t: Tally, r: Counters, overdue: boolean): void {
  t.tasks += r.tasks;
  t.submitted += r.submitted;
  if (overdue) t.overdue += r.tasks - r.submitted;
  t.applicable += r.applicable;
  t.answered += r.answered;
  t.met += r.met;
  t.partly += r.partly;
  t.notMet += r.not_met;
  t.notApplicable += r.not_applicable;
}
function fold<R extends Counters, K>(rows: R[], keys: (r: R) => K[], overdue: boolean): Map<K, Tally> {
  const out = new Map<K, Tally>();
  for (const r of rows) for (const k of keys(r)) add(out.get(k) ?? out.set(k, empty()).get(k)!, r, overdue);
  return out;
}
const byTasks = <T extends Tally>(a: T, b: T) => b.tasks - a.tasks;

/**
 * The view of one campaign for the centre (national) or for an organisation's subtree (a ministry or
 * province sees its units): completion against the deadline by ministry and province, compliance by
 * requirement, sector and level, the worst level 4-5 systems, layer 2/4 gaps, and trends between campaigns.
 */
export class AssessmentOverviewService {
  #p: AssessmentsParts;
  constructor(parts: AssessmentsParts) {
    this.#p = parts;
  }

  async overview(ctx: RequestContext, campaignId: string, orgId: string | undefined): Promise<AssessmentOverview> {
    if (!policy.mayReadCampaigns(ctx)) throw forbidden();
    const campaign = await assessmentsRepository.campaign(this.#p.db, campaignId);
    if (!campaign) throw notFound('assessment campaign');
    await this.#p.orgTree.ensure();
    const national = ctx.scope.all && !orgId;
    const root = orgId ?? ctx.actor.orgId;
    if (!national && !canManage(ctx.scope, root)) throw forbidden('that organisation is outside your scope');
    const orgIds = national ? null : [...this.#p.orgTree.subtree(root)];
    const now = this.#p.now();
    const overdue = now.toISOString().slice(0, 10) > campaign.due_date;
    const covered = await repo.coveredOrgs(this.#p.db, new Date(now.getTime() - LIVE_HOURS * 3_600_000));
    const previous = await repo.previous(this.#p.db, campaign);
    const [folded, levels, reqCounts, worst, gaps, trends, reqs, previousReqs] = await Promise.all([
      repo.folded(this.#p.db, campaignId, orgIds, [...covered.providers], [...covered.live]), repo.levels(this.#p.db, campaignId, orgIds), repo.byRequirement(this.#p.db, campaignId, orgIds), repo.worst(this.#p.db, campaignId, orgIds, LIST),
      repo.gapSystems(this.#p.db, campaignId, orgIds, [...covered.providers], [...covered.live], LIST), repo.trends(this.#p.db, orgIds),
      cataloguesRepository.requirements(this.#p.db, campaign.catalogue_id), previous ? repo.byRequirement(this.#p.db, previous.id, orgIds) : [],
    ]);
    const tree = this.#p.orgTree;
    const ministryOf = (id: string | null) => id === null ? null : [id, ...tree.ancestors(id)].find((a) => tree.profile(a)?.kind === 'ministry') ?? null;
    const of = (dim: FoldedRow['dim']) => folded.filter((r) => r.dim === dim);
    const [all] = of('total');
    const total = fold(of('total'), () => [0], overdue).get(0) ?? empty();
    const ministries = fold(of('ministry'), (r) => [ministryOf(r.key)], overdue);
    const names = await repo.orgNames(this.#p.db, [...ministries.keys()].filter((k): k is string => !!k));
    const noProvider = all?.no_provider ?? 0;
    const noConnection = all?.no_connection ?? 0;
    const text = new Map(reqs.map((q) => [q.req_id, { ...(q.text_vi ? { vi: q.text_vi } : {}), ...(q.text_en ? { en: q.text_en } : {}) }]));
    return {
      campaign: presentCampaign(campaign),
      scopeOrgId: national ? null : root,
      measuredAt: now.toISOString(),
      total,
      byMinistry: [...ministries].map(([id, t]) => ({ orgId: id, name: id ? names.get(id) ?? null : null, ...t })).sort(byTasks),
      byProvince: [...fold(of('province'), (r) => [r.key], overdue)].map(([provinceCode, t]) => ({ provinceCode, ...t })).sort(byTasks),
      bySector: [...fold(of('sector'), (r) => [r.key!], overdue)].map(([sector, t]) => ({ sector, ...t })).sort(byTasks),
      byLevel: [...fold(levels, (r) => [r.security_level], overdue)].map(([level, t]) => ({ level, ...t })).sort((a, b) => (b.level ?? 0) - (a.level ?? 0)),
      byRequirement: reqCounts.map((c) => ({ reqId: c.req_id, text: text.get(c.req_id) ?? {}, met: c.met, partly: c.partly, notMet: c.not_met, notApplicable: c.not_applicable }))
        .sort((a, b) => b.notMet - a.notMet || a.reqId.localeCompare(b.reqId)),
      worst: worst.map((w) => ({ taskId: w.id, systemId: w.system_id, systemName: w.system_name, orgId: w.org_id, orgName: w.org_name, level: w.security_level, notMet: w.not_met, partly: w.partly })),
      gaps: {
        noProvider, noConnection,
        systems: gaps.map((g) => ({ systemId: g.system_id, systemName: g.system_name, orgId: g.org_id, orgName: g.org_name, level: g.security_level, noProvider: g.no_provider, noConnection: g.no_connection })),
      },
      trends: trends.map((t) => ({ campaignId: t.campaign_id, title: t.title, dueDate: t.due_date, tasks: t.tasks, submitted: t.submitted, met: t.met, applicable: t.applicable })),
      comparison: previous ? compare(previous, total, trends.find((t) => t.campaign_id === previous.id), reqCounts, previousReqs, text) : null,
    };
  }
}

const percent = (n: number, d: number): number | null => (d > 0 ? Math.round((1000 * n) / d) / 10 : null);
const share = (current: number | null, previous: number | null) => ({
  current, previous, delta: current === null || previous === null ? null : Math.round(10 * (current - previous)) / 10,
});
const reqShare = (r: ReqCountRow | undefined) => (r ? percent(r.met, r.met + r.partly + r.not_met) : null);

/**
 * This campaign against the previous one on the same catalogue: completion (submitted / tasks),
 * compliance (met / answered less not applicable), and the requirements that moved most, worst first.
 */
function compare(previous: { id: string; title: string; due_date: string }, now: Tally, before: TrendRow | undefined, reqs: ReqCountRow[], previousReqs: ReqCountRow[],
  text: Map<string, { vi?: string; en?: string }>): CampaignComparison {
  const earlier = new Map(previousReqs.map((r) => [r.req_id, r]));
  const requirements = reqs.filter((r) => earlier.has(r.req_id))
    .map((r) => ({ reqId: r.req_id, text: text.get(r.req_id) ?? {}, ...share(reqShare(r), reqShare(earlier.get(r.req_id))) }))
    .filter((r) => r.delta !== null && r.delta !== 0)
    .sort((a, b) => a.delta! - b.delta! || a.reqId.localeCompare(b.reqId)).slice(0, LIST);
  return {
    previous: { campaignId: previous.id, title: previous.title, dueDate: previous.due_date },
    completion: share(percent(now.submitted, now.tasks), before ? percent(before.submitted, before.tasks) : null),
    compliance: share(percent(now.met, now.answered - now.notApplicable), before ? percent(before.met, before.answered - before.not_applicable) : null),
    requirements,
  };
}
