import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/index.ts';

export type DigestRecord = {
  org_id: string; day: string; row_count: number; status: 'pending' | 'sent' | 'no_address' | 'failed'; recipient: string | null; attempts: number;
  last_error: string | null; sent_at: Date | null;
};

const COLS = sql`org_id, to_char(day, 'YYYY-MM-DD') as day, row_count, status, recipient, attempts, last_error, sent_at`;

/** SQL of the daily digests: made once per organisation and day received, then sent. */
export const digestsRepository = {
  /**
   * Makes the digests of `day` (UTC) for every organisation that received rows that day; an existing
   * one is left alone (idempotent). Without a reception address the digest is `no_address` at once.
   */
  async make(db: Kysely<DB>, day: string): Promise<number> {
    const r = await sql`insert into constituency_digests (org_id, day, row_count, status, recipient)
      select r.org_id, ${day}::date, count(*)::int, case when o.incident_reception_email is null then 'no_address' else 'pending' end, o.incident_reception_email
      from constituency_rows r join organizations o on o.id = r.org_id
      where r.received_at >= (${day}::date::timestamp at time zone 'UTC') and r.received_at < ((${day}::date + 1)::timestamp at time zone 'UTC')
      group by r.org_id, o.incident_reception_email
      on conflict (org_id, day) do nothing`.execute(db);
    return Number(r.numAffectedRows ?? 0);
  },

  async pending(db: Kysely<DB>, maxAttempts: number, limit: number): Promise<DigestRecord[]> {
    return (await sql<DigestRecord>`select ${COLS} from constituency_digests where status = 'pending' and attempts < ${maxAttempts} order by day, org_id limit ${limit}`.execute(db)).rows;
  },

  /**
   * Takes one attempt at a pending digest for this process: true when it was still pending at the attempt
   * count read (so two server processes never both send it; a process that dies mid-send leaves it pending).
   */
  async claim(db: Kysely<DB>, d: DigestRecord): Promise<boolean> {
    const r = await sql`update constituency_digests set attempts = attempts + 1
      where org_id = ${d.org_id} and day = ${d.day}::date and status = 'pending' and attempts = ${d.attempts}`.execute(db);
    return Number(r.numAffectedRows ?? 0) === 1;
  },

  async settle(db: Kysely<DB>, d: { org_id: string; day: string }, outcome: { error: string | null; dead: boolean }): Promise<void> {
    await sql`update constituency_digests set last_error = ${outcome.error},
      status = ${outcome.error === null ? 'sent' : outcome.dead ? 'failed' : 'pending'}, sent_at = ${outcome.error === null ? new Date() : null}
      where org_id = ${d.org_id} and day = ${d.day}::date`.execute(db);
  },

  async get(db: Kysely<DB>, orgId: string, day: string): Promise<DigestRecord | undefined> {
    return (await sql<DigestRecord>`select ${COLS} from constituency_digests where org_id = ${orgId} and day = ${day}::date`.execute(db)).rows[0];
  },
};
