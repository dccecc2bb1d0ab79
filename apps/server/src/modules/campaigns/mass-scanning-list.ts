import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/index.ts';

/** One address on the mass-scanning list, as the outer-shield exports take it. */
export interface MassScanningEntry { type: 'ipv4' | 'ipv6'; value: string; orgCount: number; sectors: string[]; lastSeen: Date }

/**
 * The mass-scanning list (addresses the noise model judged internet-wide scanning: background, never
 * campaigns) seen since `since`, widest first: what the intel module's exports add at a low score.
 */
export async function massScanningList(db: Kysely<DB>, since: Date): Promise<MassScanningEntry[]> {
  const rows = await sql<{ type: 'ipv4' | 'ipv6'; value: string; org_count: number; sectors: string[]; last_seen: Date }>`select type, value, org_count, sectors, last_seen
    from mass_scanners where last_seen >= ${since} order by org_count desc, value`.execute(db);
  return rows.rows.map((r) => ({ type: r.type, value: r.value, orgCount: r.org_count, sectors: r.sectors, lastSeen: r.last_seen }));
}
