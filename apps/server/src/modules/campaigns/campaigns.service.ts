import { sql } from 'kysely';
import type { CampaignDetail, CampaignListQuery, CampaignSummary } from '@lachan/contracts';
import type { RequestContext } from '../../core/context.ts';
import { requirePermission } from '../../core/authorize.ts';
import { forbidden, invalid, notFound } from '../../core/errors.ts';
import { recordChange, transact } from '../../core/change.ts';
import type { Platform } from '../../core/platform.ts';
import { campaignsPolicy as policy } from './campaigns.policy.ts';
import { presentCampaign, type CampaignRow } from './campaigns.presenter.ts';

/** Reading campaigns as the caller may see them, and the centre's decisions on them. */
export class CampaignsService {
  #p: Platform;
  constructor(platform: Platform) {
    this.#p = platform;
  }

  async list(ctx: RequestContext, q: CampaignListQuery): Promise<CampaignSummary[]> {
    requirePermission(ctx, 'campaigns.read');
    await this.#p.orgTree.ensure();
    const scope = ctx.scope.all ? null : [...ctx.scope.read];
    const r = await sql<CampaignRow & { orgs: string[] }>`select c.*, (select array_agg(org_id::text) from campaign_orgs where campaign_id = c.id) as orgs from campaigns c
      where (${scope === null} or exists (select 1 from campaign_orgs m where m.campaign_id = c.id and m.org_id = any(${scope ?? []}::uuid[])))
        and (${q.status ?? null}::text is null or c.status = ${q.status ?? null} or (${q.status ?? null} = 'active' and c.status in ('detected', 'confirmed')))
        and (${q.confidence ?? null}::text is null or c.confidence = ${q.confidence ?? null})
        and (${q.orgId ?? null}::uuid is null or exists (select 1 from campaign_orgs m where m.campaign_id = c.id and m.org_id = ${q.orgId ?? null}))
      order by c.last_activity desc limit ${q.limit ?? 100}`.execute(this.#p.db);
    const tree = this.#p.orgTree;
    return r.rows
      .filter((c) => !q.sector || (c.orgs ?? []).some((o) => tree.profile(o)?.sectors.includes(q.sector!)))
      .map((c) => presentCampaign(c, c.orgs ?? [], (o) => tree.profile(o), (o) => policy.mayName(ctx, o)));
  }

  async get(ctx: RequestContext, id: string): Promise<CampaignDetail> {
    requirePermission(ctx, 'campaigns.read');
    await this.#p.orgTree.ensure();
    const db = this.#p.db;
    const c = (await sql<CampaignRow>`select * from campaigns where id = ${id}`.execute(db)).rows[0];
    const members = (await sql<{ org_id: string; name: string; first_seen: Date; last_seen: Date }>`select m.org_id, o.name, m.first_seen, m.last_seen from campaign_orgs m join organizations o on o.id = m.org_id where m.campaign_id = ${id} order by m.first_seen`.execute(db)).rows;
    if (!c || !policy.mayView(ctx, members.map((m) => m.org_id))) throw notFound('campaign');
    const named = members.filter((m) => policy.mayName(ctx, m.org_id));
    const namedIds = named.map((m) => m.org_id);
    const evidence = (await sql<{ kind: 'observable'; value: string; org_ids: string[]; first_seen: Date; last_seen: Date }>`select * from campaign_evidence where campaign_id = ${id} order by kind, value`.execute(db)).rows;
    const alerts = (await sql<{ id: string; org_id: string; title: string; severity: number; last_seen: Date }>`select to_char(a.day, 'YYYYMMDD') || '-' || a.id as id, a.org_id, a.title, a.severity, a.last_seen
      from campaign_alerts l join alerts a on a.day = l.alert_day and a.id = l.alert_id where l.campaign_id = ${id} and l.org_id = any(${namedIds}::uuid[]) order by a.last_seen desc limit 500`.execute(db)).rows;
    const incidents = (await sql<{ id: string; org_id: string; title: string; status: string }>`select distinct i.id, i.org_id, i.title, i.status from campaign_alerts l
      join incident_alerts ia on ia.alert_day = l.alert_day and ia.alert_id = l.alert_id join incidents i on i.id = ia.incident_id
      where l.campaign_id = ${id} and i.org_id = any(${namedIds}::uuid[])`.execute(db)).rows;
    const tree = this.#p.orgTree;
    return {
      ...presentCampaign(c, members.map((m) => m.org_id), (o) => tree.profile(o), (o) => policy.mayName(ctx, o)),
      orgs: named.map((m) => ({ id: m.org_id, name: m.name, sectors: tree.profile(m.org_id)?.sectors ?? [], provinceCode: tree.profile(m.org_id)?.provinceCode ?? null, firstSeen: m.first_seen.toISOString(), lastSeen: m.last_seen.toISOString() })),
      hiddenOrgCount: members.length - named.length,
      evidence: evidence.map((e) => ({ kind: e.kind, value: e.value, orgCount: e.org_ids.length, firstSeen: e.first_seen.toISOString(), lastSeen: e.last_seen.toISOString() })),
      alerts: alerts.map((a) => ({ id: a.id, orgId: a.org_id, title: a.title, severity: a.severity, lastSeen: a.last_seen.toISOString() })),
      incidents: incidents.map((i) => ({ id: i.id, orgId: i.org_id, title: i.title, status: i.status })),
    };
  }

  /** Confirms or dismisses a campaign (the centre only). */
  async setStatus(ctx: RequestContext, id: string, status: 'confirmed' | 'dismissed'): Promise<CampaignDetail> {
    return this.#change(ctx, id, `campaign.${status === 'confirmed' ? 'confirm' : 'dismiss'}`, async (tx) => {
      await sql`update campaigns set status = ${status}, updated_at = now() where id = ${id}`.execute(tx);
    });
  }

  /** Folds a campaign into another: members, alerts and evidence move; the merged one points at the survivor. */
  async merge(ctx: RequestContext, id: string, intoId: string): Promise<CampaignDetail> {
    if (id === intoId) throw invalid('a campaign cannot be merged into itself');
    if (!(await sql`select 1 from campaigns where id = ${intoId} and status <> 'merged'`.execute(this.#p.db)).rows.length) throw notFound('target campaign');
    await this.#change(ctx, id, 'campaign.merge', async (tx) => {
      await sql`insert into campaign_orgs select ${intoId}::uuid, org_id, first_seen, last_seen from campaign_orgs where campaign_id = ${id} on conflict do nothing`.execute(tx);
      await sql`insert into campaign_alerts select ${intoId}::uuid, alert_day, alert_id, org_id from campaign_alerts where campaign_id = ${id} on conflict do nothing`.execute(tx);
      await sql`insert into campaign_evidence select ${intoId}::uuid, kind, value, org_ids, first_seen, last_seen from campaign_evidence where campaign_id = ${id} on conflict do nothing`.execute(tx);
      await sql`update campaigns set org_count = (select count(*) from campaign_orgs where campaign_id = ${intoId}), alert_count = (select count(*) from campaign_alerts where campaign_id = ${intoId}), updated_at = now() where id = ${intoId}`.execute(tx);
      await sql`update campaigns set status = 'merged', merged_into_id = ${intoId}, updated_at = now() where id = ${id}`.execute(tx);
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
