import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/index.ts';

/** SQL of the centre's decisions on a campaign: confirming or dismissing it, and merging it by hand. */
export const campaignDecisionsRepository = {
  async setStatus(tx: Kysely<DB>, id: string, status: 'confirmed' | 'dismissed'): Promise<void> {
    await sql`update campaigns set status = ${status}, updated_at = now() where id = ${id}`.execute(tx);
  },
  /** Whether the campaign exists and was not merged into another (so it can take one in). */
  async isUnmerged(db: Kysely<DB>, id: string): Promise<boolean> {
    return (await sql`select 1 from campaigns where id = ${id} and status <> 'merged'`.execute(db)).rows.length > 0;
  },
  /** Copies the campaign's members, alerts and evidence into `intoId`, recounts it, and marks the campaign merged into it. */
  async mergeInto(tx: Kysely<DB>, id: string, intoId: string): Promise<void> {
    await sql`insert into campaign_orgs select ${intoId}::uuid, org_id, first_seen, last_seen from campaign_orgs where campaign_id = ${id} on conflict do nothing`.execute(tx);
    await sql`insert into campaign_alerts select ${intoId}::uuid, alert_day, alert_id, org_id from campaign_alerts where campaign_id = ${id} on conflict do nothing`.execute(tx);
    await sql`insert into campaign_evidence select ${intoId}::uuid, kind, value, org_ids, first_seen, last_seen from campaign_evidence where campaign_id = ${id} on conflict do nothing`.execute(tx);
    await sql`update campaigns set org_count = (select count(*) from campaign_orgs where campaign_id = ${intoId}), alert_count = (select count(*) from campaign_alerts where campaign_id = ${intoId}), updated_at = now() where id = ${intoId}`.execute(tx);
    await sql`update campaigns set status = 'merged', merged_into_id = ${intoId}, updated_at = now() where id = ${id}`.execute(tx);
  },
};
