import { sql, type Kysely } from 'kysely';
import type { FocalPointInput } from '@lachan/contracts';
import type { DB } from '../../db/index.ts';

export type FocalPointRow = { id: string; name: string; position: string; phone: string; email: string; available_247: boolean; is_primary: boolean };
export type SocLinkRow = { provider_id: string; provider_name: string; client_id: string; client_name: string; services: string[]; since: Date };

/** SQL for what hangs off an organisation: its 24/7 focal points and its SOC links. */
export const orgLinksRepository = {
  async focalPoints(db: Kysely<DB>, orgId: string): Promise<FocalPointRow[]> {
    return db
      .selectFrom('focal_points')
      .select(['id', 'name', 'position', 'phone', 'email', 'available_247', 'is_primary'])
      .where('org_id', '=', orgId)
      .orderBy('is_primary', 'desc')
      .orderBy('sort')
      .execute();
  },

  async replaceFocalPoints(tx: Kysely<DB>, orgId: string, points: FocalPointInput[]): Promise<void> {
    await tx.deleteFrom('focal_points').where('org_id', '=', orgId).execute();
    if (!points.length) return;
    await tx
      .insertInto('focal_points')
      .values(points.map((p, i) => ({ org_id: orgId, name: p.name, position: p.position ?? '', phone: p.phone, email: p.email, available_247: p.available247 ?? true, is_primary: p.isPrimary ?? false, sort: i })))
      .execute();
  },

  async socLinks(db: Kysely<DB>, orgId: string, side: 'provider' | 'client'): Promise<SocLinkRow[]> {
    const r = await sql<SocLinkRow>`select l.provider_id, p.name as provider_name, l.client_id, c.name as client_name, l.services, l.since
      from soc_links l join organizations p on p.id = l.provider_id join organizations c on c.id = l.client_id
      where ${side === 'provider' ? sql`l.provider_id` : sql`l.client_id`} = ${orgId} order by c.name, p.name`.execute(db);
    return r.rows;
  },

  async addSocLink(tx: Kysely<DB>, providerId: string, clientId: string, services: string[], since: string | undefined): Promise<boolean> {
    const r = await sql`insert into soc_links (provider_id, client_id, services, since) values (${providerId}, ${clientId}, ${services}, coalesce(${since ?? null}::date, current_date))
      on conflict (provider_id, client_id) do nothing`.execute(tx);
    return Number(r.numAffectedRows ?? 0) > 0;
  },

  async removeSocLink(tx: Kysely<DB>, providerId: string, clientId: string): Promise<boolean> {
    const r = await tx.deleteFrom('soc_links').where('provider_id', '=', providerId).where('client_id', '=', clientId).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  },

  /** Re-points a merged organisation's SOC links to the organisation it merged into. */
  async moveSocLinks(tx: Kysely<DB>, fromId: string, toId: string): Promise<void> {
    await sql`insert into soc_links (provider_id, client_id, services, since)
      select case when provider_id = ${fromId} then ${toId}::uuid else provider_id end, case when client_id = ${fromId} then ${toId}::uuid else client_id end, services, since
      from soc_links where (provider_id = ${fromId} or client_id = ${fromId}) and provider_id <> client_id
        and not (provider_id = ${fromId} and client_id = ${toId}) and not (client_id = ${fromId} and provider_id = ${toId})
      on conflict do nothing`.execute(tx);
    await sql`delete from soc_links where provider_id = ${fromId} or client_id = ${fromId}`.execute(tx);
  },
};
