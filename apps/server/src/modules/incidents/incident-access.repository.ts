import { sql, type Kysely } from 'kysely';
import type { ShareProfile, Tlp } from '@lachan/contracts';
import type { DB } from '../../db/index.ts';
import type { LinkGrant } from './incidents.policy.ts';

/** A live share as the access policy weighs it. */
export type LiveShareRow = { org_id: string; profile: ShareProfile; tlp_ceiling: Tlp; revoked_at: Date | null };

/** SQL of what the incident access policy weighs: standing links, an incident's owner, TLP and live shares, SOC providers. */
export const incidentAccessRepository = {
  /** The standing links an organisation holds to others. */
  async linksFrom(db: Kysely<DB>, orgId: string): Promise<({ to_org_id: string } & LinkGrant)[]> {
    return (await sql<{ to_org_id: string } & LinkGrant>`select to_org_id, type, profile, tlp_ceiling as "tlpCeiling" from org_links where from_org_id = ${orgId}`.execute(db)).rows;
  },
  /** The standing links others hold to any of `orgIds`. */
  async linksTo(db: Kysely<DB>, orgIds: readonly string[]): Promise<{ fromOrgId: string; type: LinkGrant['type']; tlpCeiling: Tlp }[]> {
    return (await sql<{ fromOrgId: string; type: LinkGrant['type']; tlpCeiling: Tlp }>`select from_org_id as "fromOrgId", type, tlp_ceiling as "tlpCeiling" from org_links where to_org_id = any(${[...orgIds]}::uuid[])`.execute(db)).rows;
  },
  /** An incident's owner, TLP and first report time. */
  async incident(db: Kysely<DB>, id: string): Promise<{ org_id: string; tlp: Tlp; reported_at: Date | null } | undefined> {
    return (await sql<{ org_id: string; tlp: Tlp; reported_at: Date | null }>`select org_id, tlp, reported_at from incidents where id = ${id}`.execute(db)).rows[0];
  },
  async liveShares(db: Kysely<DB>, incidentId: string): Promise<LiveShareRow[]> {
    return (await sql<LiveShareRow>`select org_id, profile, tlp_ceiling, revoked_at from incident_shares where incident_id = ${incidentId} and revoked_at is null`.execute(db)).rows;
  },
  /** The SOC providers serving any of `orgIds`. */
  async socProvidersOf(db: Kysely<DB>, orgIds: readonly string[]): Promise<string[]> {
    return (await sql<{ provider_id: string }>`select distinct provider_id from soc_links where client_id = any(${[...orgIds]}::uuid[])`.execute(db)).rows.map((r) => r.provider_id);
  },
};
