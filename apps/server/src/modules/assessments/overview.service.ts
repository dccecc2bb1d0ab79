import type { AssessmentOverview, Tally } from '@lachan/contracts';
import { canManage, type RequestContext } from '../../core/context.ts';
import { forbidden, notFound } from '../../core/errors.ts';
import type { Platform } from '../../platform.types.ts';
import { assessmentsPolicy as policy } from './assessments.policy.ts';
import { assessmentsRepository } from './assessments.repository.ts';
import { presentCampaign } from './assessments.service.ts';
import { cataloguesRepository } from './catalogues.repository.ts';
import { overviewRepository as repo, type OrgTallyRow } from './overview.repository.ts';

/** An owner counts as connected (layer 4) when one of its connectors sent alerts within this window. */
const LIVE_HOURS = 72;
const LIST = 20;

const empty = (): Tally => ({ tasks: 0, submitted: 0, overdue: 0, applicable: 0, answered: 0, met: 0, partly: 0, notMet: 0, notApplicable: 0 });
function add(t: Tally, r: OrgTallyRow, overdue: boolean): void {
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
function fold<K>(rows: OrgTallyRow[], keys: (r: OrgTallyRow) => K[], overdue: boolean): Map<K, Tally> {
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
  #p: Platform;
  constructor(platform: Platform) {
    this.#p = platform;
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
    const [tallies, levels, reqCounts, worst, gaps, trends, reqs] = await Promise.all([
      repo.tallies(this.#p.db, campaignId, orgIds), repo.levels(this.#p.db, campaignId, orgIds), repo.byRequirement(this.#p.db, campaignId, orgIds), repo.worst(this.#p.db, campaignId, orgIds, LIST),
      repo.gapSystems(this.#p.db, campaignId, orgIds, [...covered.providers], [...covered.live], LIST), repo.trends(this.#p.db, orgIds),
      cataloguesRepository.requirements(this.#p.db, campaign.catalogue_id),
    ]);
    const tree = this.#p.orgTree;
    const ministryOf = (id: string | null) => id === null ? null : [id, ...tree.ancestors(id)].find((a) => tree.profile(a)?.kind === 'ministry') ?? null;
    const total = fold(tallies, () => [0], overdue).get(0) ?? empty();
    const ministries = fold(tallies, (r) => [ministryOf(r.org_id)], overdue);
    const names = await repo.orgNames(this.#p.db, [...ministries.keys()].filter((k): k is string => !!k));
    let noProvider = 0;
    let noConnection = 0;
    for (const r of tallies) {
      if (!covered.providers.has(r.org_id!)) noProvider += r.tasks;
      if (!covered.live.has(r.org_id!)) noConnection += r.tasks;
    }
    const text = new Map(reqs.map((q) => [q.req_id, { ...(q.text_vi ? { vi: q.text_vi } : {}), ...(q.text_en ? { en: q.text_en } : {}) }]));
    return {
      campaign: presentCampaign(campaign),
      scopeOrgId: national ? null : root,
      measuredAt: now.toISOString(),
      total,
      byMinistry: [...ministries].map(([id, t]) => ({ orgId: id, name: id ? names.get(id) ?? null : null, ...t })).sort(byTasks),
      byProvince: [...fold(tallies, (r) => [tree.profile(r.org_id!)?.provinceCode ?? null], overdue)].map(([provinceCode, t]) => ({ provinceCode, ...t })).sort(byTasks),
      bySector: [...fold(tallies, (r) => tree.profile(r.org_id!)?.sectors ?? [], overdue)].map(([sector, t]) => ({ sector, ...t })).sort(byTasks),
      byLevel: [...fold(levels, (r) => [r.security_level], overdue)].map(([level, t]) => ({ level, ...t })).sort((a, b) => (b.level ?? 0) - (a.level ?? 0)),
      byRequirement: reqCounts.map((c) => ({ reqId: c.req_id, text: text.get(c.req_id) ?? {}, met: c.met, partly: c.partly, notMet: c.not_met, notApplicable: c.not_applicable }))
        .sort((a, b) => b.notMet - a.notMet || a.reqId.localeCompare(b.reqId)),
      worst: worst.map((w) => ({ taskId: w.id, systemId: w.system_id, systemName: w.system_name, orgId: w.org_id, orgName: w.org_name, level: w.security_level, notMet: w.not_met, partly: w.partly })),
      gaps: {
        noProvider, noConnection,
        systems: gaps.map((g) => ({ systemId: g.system_id, systemName: g.system_name, orgId: g.org_id, orgName: g.org_name, level: g.security_level, noProvider: g.no_provider, noConnection: g.no_connection })),
      },
      trends: trends.map((t) => ({ campaignId: t.campaign_id, title: t.title, dueDate: t.due_date, tasks: t.tasks, submitted: t.submitted, met: t.met, applicable: t.applicable })),
    };
  }
}
