import { sql, type Kysely } from 'kysely';
import type { SupportRequest } from '@lachan/contracts';
import type { DB } from '../../db/index.ts';

/** A support request as stored, with the name of the organisation asked. */
export type SupportRequestRow = {
  id: string; incident_id: string; from_org_id: string; to_org_id: string; to_org_name: string; message: string; status: SupportRequest['status'];
  response: string | null; created_by_name: string; created_at: Date; responded_at: Date | null; responded_by_name: string | null;
};
const select = sql`select s.*, o.name as to_org_name from support_requests s join organizations o on o.id = s.to_org_id`;

/** SQL for requests for support and the share each request opens to the team asked. */
export const supportRequestsRepository = {
  async ofIncident(db: Kysely<DB>, incidentId: string): Promise<SupportRequestRow[]> {
    return (await sql<SupportRequestRow>`${select} where s.incident_id = ${incidentId} order by s.created_at`.execute(db)).rows;
  },
  /** The latest 500 requests an organisation received (`incoming`) or sent, of one status when given. */
  async ofOrg(db: Kysely<DB>, orgId: string, direction: 'incoming' | 'outgoing', status?: string): Promise<SupportRequestRow[]> {
    const col = direction === 'incoming' ? sql`s.to_org_id` : sql`s.from_org_id`;
    return (await sql<SupportRequestRow>`${select} where ${col} = ${orgId} ${status ? sql`and s.status = ${status}` : sql``} order by s.created_at desc limit 500`.execute(db)).rows;
  },
  async byId(db: Kysely<DB>, id: string): Promise<SupportRequestRow | undefined> {
    return (await sql<SupportRequestRow>`${select} where s.id = ${id}`.execute(db)).rows[0];
  },
  /** The kind of an active organisation (who may be asked for support), none when absent or inactive. */
  async activeOrgKind(db: Kysely<DB>, orgId: string): Promise<string | undefined> {
    return (await sql<{ kind: string }>`select kind from organizations where id = ${orgId} and status = 'active'`.execute(db)).rows[0]?.kind;
  },
  /** Records the request and shares the incident read-only with the team asked (kept if already shared); answers the request's id. */
  async insertWithReadOnlyShare(tx: Kysely<DB>, request: { incidentId: string; fromOrgId: string; toOrgId: string; message: string; tlp: string; byName: string }): Promise<string> {
    const { incidentId, fromOrgId, toOrgId, message, tlp, byName } = request;
    const r = await sql<{ id: string }>`insert into support_requests (incident_id, from_org_id, to_org_id, message, created_by_name) values (${incidentId}, ${fromOrgId}, ${toOrgId}, ${message}, ${byName}) returning id`.execute(tx);
    await sql`insert into incident_shares (incident_id, org_id, profile, tlp_ceiling, reason, created_by_name) values (${incidentId}, ${toOrgId}, 'read_only', ${tlp}, 'support', ${byName}) on conflict do nothing`.execute(tx);
    return r.rows[0]!.id;
  },
  async recordAnswer(tx: Kysely<DB>, id: string, accept: boolean, response: string | null, byName: string): Promise<void> {
    await sql`update support_requests set status = ${accept ? 'accepted' : 'declined'}, response = ${response}, responded_at = now(), responded_by_name = ${byName} where id = ${id}`.execute(tx);
  },
  /** An accepted request makes the team's live read-only share an analyst's. */
  async raiseShareToAnalyst(tx: Kysely<DB>, incidentId: string, orgId: string): Promise<void> {
    await sql`update incident_shares set profile = 'analyst' where incident_id = ${incidentId} and org_id = ${orgId} and revoked_at is null and profile = 'read_only'`.execute(tx);
  },
  /** A declined request ends the share it opened. */
  async revokeSupportShare(tx: Kysely<DB>, incidentId: string, orgId: string, byName: string): Promise<void> {
    await sql`update incident_shares set revoked_at = now(), revoked_by_name = ${byName} where incident_id = ${incidentId} and org_id = ${orgId} and revoked_at is null and reason = 'support'`.execute(tx);
  },
};
