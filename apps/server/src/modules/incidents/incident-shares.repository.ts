import { sql, type Kysely } from 'kysely';
import type { IncidentShare, IncidentShareCreate, OrgLink, OrgLinkCreate, Tlp } from '@lachan/contracts';
import type { DB } from '../../db/index.ts';

/** A share as stored, with the organisation's name and the incident's TLP (which decides whether it is in force). */
export type ShareRow = {
  id: string; incident_id: string; org_id: string; org_name: string; profile: IncidentShare['profile']; tlp_ceiling: Tlp; reason: IncidentShare['reason'];
  created_by_name: string; created_at: Date; revoked_at: Date | null; revoked_by_name: string | null; tlp: Tlp;
};
/** A standing link between organisations, with both names. */
export type LinkRow = {
  id: string; from_org_id: string; from_org_name: string; to_org_id: string; to_org_name: string; type: OrgLink['type']; profile: OrgLink['profile'];
  tlp_ceiling: OrgLink['tlpCeiling']; created_by_name: string; created_at: Date;
};

/** SQL of incidents shared with other organisations, and of the standing links between organisations. */
export const incidentSharesRepository = {
  async ofIncident(db: Kysely<DB>, incidentId: string): Promise<ShareRow[]> {
    return (await sql<ShareRow>`select s.*, o.name as org_name, i.tlp from incident_shares s join organizations o on o.id = s.org_id join incidents i on i.id = s.incident_id
      where s.incident_id = ${incidentId} order by s.created_at`.execute(db)).rows;
  },
  /** Shares the incident by hand; none when a share with that organisation already exists. */
  async insertManual(tx: Kysely<DB>, incidentId: string, body: IncidentShareCreate, byName: string): Promise<string | undefined> {
    return (await sql<{ id: string }>`insert into incident_shares (incident_id, org_id, profile, tlp_ceiling, reason, created_by_name)
      values (${incidentId}, ${body.orgId}, ${body.profile}, ${body.tlpCeiling}, 'manual', ${byName}) on conflict do nothing returning id`.execute(tx)).rows[0]?.id;
  },
  /** Revokes a live share of the incident; answers the organisation that loses it, none when there was no such share. */
  async revoke(tx: Kysely<DB>, incidentId: string, shareId: string, byName: string): Promise<string | undefined> {
    return (await sql<{ org_id: string }>`update incident_shares set revoked_at = now(), revoked_by_name = ${byName}
      where id = ${shareId} and incident_id = ${incidentId} and revoked_at is null returning org_id`.execute(tx)).rows[0]?.org_id;
  },
  /** The links with `orgId` at either end (every link when none), by the names of their ends. */
  async links(db: Kysely<DB>, orgId: string | undefined): Promise<LinkRow[]> {
    return (await sql<LinkRow>`select l.*, f.name as from_org_name, t.name as to_org_name from org_links l join organizations f on f.id = l.from_org_id join organizations t on t.id = l.to_org_id
      where ${orgId ? sql`(l.from_org_id = ${orgId} or l.to_org_id = ${orgId})` : sql`true`} order by f.name, t.name`.execute(db)).rows;
  },
  /** Links two active organisations; none when they are already linked or one is missing or inactive. */
  async insertLink(tx: Kysely<DB>, body: OrgLinkCreate, byName: string): Promise<string | undefined> {
    return (await sql<{ id: string }>`insert into org_links (from_org_id, to_org_id, type, profile, tlp_ceiling, created_by_name)
      select ${body.fromOrgId}, ${body.toOrgId}, ${body.type}, ${body.profile ?? 'read_only'}, ${body.tlpCeiling ?? 'AMBER'}, ${byName}
      where exists (select 1 from organizations where id = ${body.fromOrgId} and status = 'active') and exists (select 1 from organizations where id = ${body.toOrgId} and status = 'active')
      on conflict (from_org_id, to_org_id) do nothing returning id`.execute(tx)).rows[0]?.id;
  },
  async deleteLink(tx: Kysely<DB>, id: string): Promise<void> {
    await sql`delete from org_links where id = ${id}`.execute(tx);
  },
  /** Raises the centre's live share of the incident to analyst and to at least `tlp` (none: nothing changes). */
  async raiseCentreShare(tx: Kysely<DB>, incidentId: string, centreId: string, tlp: Tlp): Promise<void> {
    await sql`update incident_shares set tlp_ceiling = case when lachan_tlp_rank(tlp_ceiling) < lachan_tlp_rank(${tlp}) then ${tlp} else tlp_ceiling end,
        profile = case when profile = 'read_only' then 'analyst' else profile end
      where incident_id = ${incidentId} and org_id = ${centreId} and revoked_at is null`.execute(tx);
  },
  /** Shares the incident with the centre as analyst up to `tlp`, unless it already has a live share. */
  async insertCentreShareIfNone(tx: Kysely<DB>, incidentId: string, centreId: string, tlp: Tlp, reason: 'escalation' | 'report', byName: string): Promise<void> {
    await sql`insert into incident_shares (incident_id, org_id, profile, tlp_ceiling, reason, created_by_name)
      select ${incidentId}, ${centreId}, 'analyst', ${tlp}, ${reason}, ${byName}
      where not exists (select 1 from incident_shares where incident_id = ${incidentId} and org_id = ${centreId} and revoked_at is null)`.execute(tx);
  },
};
