import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/index.ts';
import type { ProposalContent } from './campaign-draft.ts';

/** Which proposal: the one of a campaign, or the one of a surge episode. */
export type ProposalKey = { origin: 'campaign'; campaignId: string } | { origin: 'surge'; surgeKey: string };

/** A campaign's state as its proposal follows it. */
export interface CampaignRow {
  id: string; status: string; confidence: string; severity: number; techniques: string[]; first_activity: Date; last_activity: Date;
  alert_count: number; merged_into_id: string | null;
}

const keyOf = (k: ProposalKey) => (k.origin === 'campaign' ? sql`origin = 'campaign' and campaign_id = ${k.campaignId}` : sql`origin = 'surge' and surge_key = ${k.surgeKey}`);

/** SQL of proposals: what a campaign is now, and the one proposal of a campaign or surge episode. */
export const proposalsRepository = {
  async campaign(tx: Kysely<DB>, id: string): Promise<CampaignRow | undefined> {
    return (await sql<CampaignRow>`select id, status, confidence, severity, techniques, first_activity, last_activity, alert_count, merged_into_id
      from campaigns where id = ${id}`.execute(tx)).rows[0];
  },

  /** The campaign's members, its shared values (most widely seen first) and the campaigns merged into it. */
  async campaignParts(tx: Kysely<DB>, id: string): Promise<{ orgIds: string[]; evidence: { kind: string; value: string }[]; absorbed: string[] }> {
    // One statement: the campaign's transaction holds the embedded engine's one connection, a turn per statement.
    const r = (await sql<{ org_ids: string[]; evidence: { kind: string; value: string }[]; absorbed: string[] }>`select
        array(select org_id::text from campaign_orgs where campaign_id = ${id}) as org_ids,
        coalesce((select jsonb_agg(jsonb_build_object('kind', e.kind, 'value', e.value) order by e.n desc, e.kind desc, e.value)
          from (select kind, value, cardinality(org_ids) as n from campaign_evidence where campaign_id = ${id} and kind <> 'technique'
            order by cardinality(org_ids) desc, kind desc, value limit 1000) e), '[]'::jsonb) as evidence,
        array(select c.id::text from campaigns c where c.merged_into_id = ${id}) as absorbed`.execute(tx)).rows[0]!;
    return { orgIds: r.org_ids, evidence: r.evidence, absorbed: r.absorbed };
  },

  async sectorNames(tx: Kysely<DB>, codes: string[]): Promise<Map<string, { nameVi: string; nameEn: string }>> {
    const r = await sql<{ code: string; name_vi: string; name_en: string }>`select code, name_vi, name_en from sectors where code = any(${codes}::text[])`.execute(tx);
    return new Map(r.rows.map((s) => [s.code, { nameVi: s.name_vi, nameEn: s.name_en }]));
  },

  async find(tx: Kysely<DB>, k: ProposalKey): Promise<{ id: string; status: string } | undefined> {
    return (await sql<{ id: string; status: string }>`select id, status from warnings where ${keyOf(k)} for update`.execute(tx)).rows[0];
  },

  /**
   * Creates the proposal, or refreshes it while it is only proposed (an issued, withdrawn or discarded
   * warning is never changed). `changed`: its title, text, targets, indicators or severity moved.
   * `found`, when given, is the proposal as `find` read it in this transaction (null: none).
   */
  async upsert(tx: Kysely<DB>, k: ProposalKey, authorOrgId: string, c: ProposalContent, found?: { id: string; status: string } | null): Promise<{ id: string; created: boolean; changed: boolean } | null> {
    // `found`: the caller already read (and locked) it in this transaction.
    const existing = found === undefined ? await proposalsRepository.find(tx, k) : found;
    const targeting = JSON.stringify(c.targeting);
    const indicators = JSON.stringify(c.indicators);
    const references = JSON.stringify(c.references);
    if (!existing) {
      const ins = await sql<{ id: string }>`insert into warnings (author_org_id, status, origin, campaign_id, surge_key, title_vi, title_en, body_vi, body_en, severity, tlp, targeting, actions, indicators, "references")
        values (${authorOrgId}, 'proposed', ${k.origin}, ${k.origin === 'campaign' ? k.campaignId : null}, ${k.origin === 'surge' ? k.surgeKey : null}, ${c.titleVi}, ${c.titleEn},
          ${c.bodyVi}, ${c.bodyEn}, ${c.severity}, 'AMBER', ${targeting}::jsonb, ${JSON.stringify(c.actions)}::jsonb, ${indicators}::jsonb, ${references}::jsonb)
        on conflict do nothing returning id`.execute(tx);
      const id = ins.rows[0]?.id;
      return id ? { id, created: true, changed: true } : null;
    }
    if (existing.status !== 'proposed') return null;
    const upd = await sql<{ id: string }>`update warnings set title_vi = ${c.titleVi}, title_en = ${c.titleEn}, body_vi = ${c.bodyVi}, body_en = ${c.bodyEn},
        severity = greatest(severity, ${c.severity}::smallint), targeting = ${targeting}::jsonb, indicators = ${indicators}::jsonb, actions = ${JSON.stringify(c.actions)}::jsonb, "references" = ${references}::jsonb, updated_at = now()
      where id = ${existing.id} and (title_vi, title_en, body_vi, body_en, targeting, indicators) is distinct from (${c.titleVi}, ${c.titleEn}, ${c.bodyVi}, ${c.bodyEn}, ${targeting}::jsonb, ${indicators}::jsonb)
        or id = ${existing.id} and severity < ${c.severity}
      returning id`.execute(tx);
    return { id: existing.id, created: false, changed: upd.rows.length > 0 };
  },

  /** Hands a proposal over to another campaign (the one its campaign was merged into). */
  async repoint(tx: Kysely<DB>, id: string, campaignId: string): Promise<void> {
    await sql`update warnings set campaign_id = ${campaignId}, updated_at = now() where id = ${id}`.execute(tx);
  },

  /** Discards an unissued proposal with the reason; false when there was none to discard. */
  async discard(tx: Kysely<DB>, id: string, reason: string): Promise<boolean> {
    const r = await sql`update warnings set status = 'discarded', status_reason = ${reason}, updated_at = now() where id = ${id} and status = 'proposed' returning id`.execute(tx);
    return r.rows.length > 0;
  },
};
