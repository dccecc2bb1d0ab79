import { memberCount, type CampaignDetail, type CampaignHistoryEntry, type CampaignListQuery, type CampaignReason, type CampaignSummary, type IncidentTitleCode, type MassScanner, type MassScannerQuery } from '@lachan/contracts';
import type { RequestContext } from '../../core/context.ts';
import { requirePermission } from '../../core/authorize.ts';
import { forbidden, invalid, notFound } from '../../core/errors.ts';
import { recordChange, transact } from '../events/index.ts';
import type { CampaignsParts } from './campaigns-parts.ts';
import { campaignsPolicy as policy } from './campaigns.policy.ts';
import { presentCampaign, presentExplanation, presentReason } from './campaigns.presenter.ts';
import { campaignReads } from './campaign-reads.repository.ts';
import { campaignDecisionsRepository as decisions } from './campaign-decisions.repository.ts';
import { incidentVisibility } from '../incidents/index.ts';

/**
 * Reading campaigns as the caller may see them (members outside their scope only as counts, small
 * ones withheld; evidence, alerts and incidents of named members only), and the centre's decisions.
 */
export class CampaignsService {
  #p: CampaignsParts;
  constructor(parts: CampaignsParts) {
    this.#p = parts;
  }

  async list(ctx: RequestContext, q: CampaignListQuery): Promise<CampaignSummary[]> {
    requirePermission(ctx, 'campaigns.read');
    // The answer depends on the caller's scope alone, never on whether that organisation is in a campaign.
    if (q.orgId && !policy.mayName(ctx, q.orgId)) throw forbidden('you may filter only by an organisation you may see');
    await this.#p.orgTree.ensure();
    const tree = this.#p.orgTree;
    const rows = await campaignReads.list(this.#p.db, policy.scopeOf(ctx), q);
    return rows.map((c) => presentCampaign(c, c.orgs ?? [], (o) => tree.profile(o), (o) => policy.mayName(ctx, o)));
  }

  /** A campaign as the caller may see it; a merged one answers with the campaign it was merged into. */
  async get(ctx: RequestContext, requested: string): Promise<CampaignDetail> {
    requirePermission(ctx, 'campaigns.read');
    await this.#p.orgTree.ensure();
    const db = this.#p.db;
    const scope = policy.scopeOf(ctx);
    const id = await campaignReads.survivorOf(db, requested);
    const c = await campaignReads.byId(db, scope, id);
    const members = c ? await campaignReads.members(db, id) : [];
    if (!c || !policy.mayView(ctx, members.map((m) => m.org_id))) throw notFound('campaign');
    const visible = (o: string) => policy.mayName(ctx, o);
    const named = members.filter((m) => visible(m.org_id));
    const namedIds = named.map((m) => m.org_id);
    const centre = ctx.scope.all;
    const [evidence, alerts, incidents, history] = await Promise.all([
      campaignReads.evidence(db, scope, id),
      campaignReads.alerts(db, id, namedIds),
      incidentVisibility(this.#p, ctx).then((vis) => campaignReads.incidents(db, id, namedIds, vis)),
      campaignReads.history(db, id),
    ]);
    const tree = this.#p.orgTree;
    return {
      ...presentCampaign(c, members.map((m) => m.org_id), (o) => tree.profile(o), visible),
      orgs: named.map((m) => ({ id: m.org_id, name: m.name, sectors: tree.profile(m.org_id)?.sectors ?? [], provinceCode: tree.profile(m.org_id)?.provinceCode ?? null, firstSeen: m.first_seen.toISOString(), lastSeen: m.last_seen.toISOString() })),
      evidence: evidence.map((e) => ({ kind: e.kind, value: e.value, members: memberCount(e.org_ids, visible), firstSeen: e.first_seen.toISOString(), lastSeen: e.last_seen.toISOString() })),
      alerts: alerts.map((a) => ({ id: a.id, orgId: a.org_id, title: a.title, severity: a.severity, lastSeen: a.last_seen.toISOString() })),
      incidents: incidents.map((i) => ({ id: i.id, orgId: i.org_id, title: i.title, titleCode: i.title_code as IncidentTitleCode | null, titleParams: i.title_params, status: i.status })),
      explanation: presentExplanation(c, centre),
      history: history.map((h) => ({ at: h.at.toISOString(), action: h.action as CampaignHistoryEntry['action'], otherCampaignId: centre ? h.other_campaign_id : null,
        reasons: (h.reasons as CampaignReason[]).map((r) => presentReason(r, centre, c.visible_techniques)) })),
      retractedReasons: c.retracted_reason ? c.retracted_reason.map((r) => presentReason(r, centre, c.visible_techniques)) : null,
    };
  }

  /** Addresses judged internet-wide scanning (never campaigns): a low-score list for blocking; counts for the centre only. */
  async massScanners(ctx: RequestContext, q: MassScannerQuery): Promise<MassScanner[]> {
    requirePermission(ctx, 'campaigns.read');
    const since = q.since ? new Date(q.since) : new Date(this.#p.now().getTime() - 14 * 86_400_000);
    const rows = await campaignReads.massScanners(this.#p.db, since, q.limit ?? 1000);
    const centre = ctx.scope.all;
    return rows.map((r) => ({
      value: r.value, type: r.type as MassScanner['type'], orgCount: centre ? r.org_count : null, sectors: r.sectors,
      reasons: (r.reasons as CampaignReason[]).map((x) => presentReason(x, centre)), firstSeen: r.first_seen.toISOString(), lastSeen: r.last_seen.toISOString(),
    }));
  }

  /** Confirms or dismisses a campaign (the centre only). */
  async setStatus(ctx: RequestContext, id: string, status: 'confirmed' | 'dismissed'): Promise<CampaignDetail> {
    return this.#change(ctx, id, `campaign.${status === 'confirmed' ? 'confirm' : 'dismiss'}`, async (tx) => {
      await decisions.setStatus(tx, id, status);
    });
  }

  /** Folds a campaign into another: members, alerts and evidence move; the merged one points at the survivor. */
  async merge(ctx: RequestContext, id: string, intoId: string): Promise<CampaignDetail> {
    if (id === intoId) throw invalid('a campaign cannot be merged into itself');
    if (!(await decisions.isUnmerged(this.#p.db, intoId))) throw notFound('target campaign');
    await this.#change(ctx, id, 'campaign.merge', async (tx) => {
      await decisions.mergeInto(tx, id, intoId);
    });
    return this.get(ctx, intoId);
  }

  async #change(ctx: RequestContext, id: string, action: string, fn: (tx: Parameters<Parameters<typeof transact>[1]>[0]) => Promise<void>): Promise<CampaignDetail> {
    requirePermission(ctx, 'campaigns.manage');
    if (!policy.mayManage(ctx)) throw forbidden('only the national centre decides on campaigns');
    const before = await this.get(ctx, id);
    await transact(this.#p, async (tx) => {
      await fn(tx);
      await recordChange(tx, ctx, { action, entityType: 'campaign', entityId: id, orgId: null, before: { status: before.status }, event: { type: 'campaign.updated', audience: { orgIds: before.orgs.map((o) => o.id) }, data: { id, action } } });
    });
    return this.get(ctx, id);
  }
}
