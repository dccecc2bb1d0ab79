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

  /**
   * Claims up to `limit` due pending digests for this process: each moves past a lease of `leaseS`
   * seconds in the same statement, so no other process sends it meanwhile; one whose sender died is due
   * again when its lease ends.
   */
  async claimDue(db: Kysely<DB>, maxAttempts: number, limit: number, leaseS: number): Promise<DigestRecord[]> {
    return (await sql<DigestRecord>`update constituency_digests d set next_attempt_at = now() + make_interval(secs => ${leaseS})
      where (d.org_id, d.day) in (select org_id, day from constituency_digests where status = 'pending' and attempts < ${maxAttempts} and next_attempt_at <= now()
        order by day, org_id limit ${limit} for update skip locked)
      returning ${COLS}`.execute(db)).rows.sort((a, b) => a.day.localeCompare(b.day) || a.org_id.localeCompare(b.org_id));
  },

  /** Records one attempt, fenced by the attempt count claimed (a claim that outlived its lease does not overwrite the next one's outcome). */
  async settle(db: Kysely<DB>, d: DigestRecord, outcome: { error: string | null; dead: boolean; retryInS: number }): Promise<void> {
    await sql`update constituency_digests set attempts = attempts + 1, last_error = ${outcome.error},
      status = ${outcome.error === null ? 'sent' : outcome.dead ? 'failed' : 'pending'}, sent_at = ${outcome.error === null ? new Date() : null},
      next_attempt_at = now() + make_interval(secs => ${outcome.retryInS})
      where org_id = ${d.org_id} and day = ${d.day}::date and status = 'pending' and attempts = ${d.attempts}`.execute(db);
  },

  async get(db: Kysely<DB>, orgId: string, day: string): Promise<DigestRecord | undefined> {
    return (await sql<DigestRecord>`select ${COLS} from constituency_digests where org_id = ${orgId} and day = ${day}::date`.execute(db)).rows[0];
  },
};
