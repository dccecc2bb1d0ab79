import { sql, type Kysely } from 'kysely';
import type { WarningDelivery, WarningStatus } from '@lachan/contracts';
import type { DB } from '../../db/index.ts';

type DeliveryRow = { id: string; org_id: string; channel: 'webhook' | 'email'; target: string; purpose: 'issue' | 'reminder'; status: 'pending' | 'delivered' | 'dead'; attempts: number; last_error: string | null; next_attempt_at: Date; delivered_at: Date | null };
/** A delivery claimed for an attempt. */
export type DueDelivery = { id: string; warning_id: string; org_id: string; channel: string; target: string; purpose: string; attempts: number };
type RecipientRow = { org_id: string; name: string; read_at: Date | null; acked_at: Date | null; reminders: number };

const iso = (d: Date | null) => d?.toISOString() ?? null;
const presentDelivery = (d: DeliveryRow): WarningDelivery => ({
  id: d.id, channel: d.channel, target: d.target, purpose: d.purpose, status: d.status, attempts: d.attempts, lastError: d.last_error,
  nextAttemptAt: d.status === 'pending' ? d.next_attempt_at.toISOString() : null, deliveredAt: iso(d.delivered_at),
});

/** SQL of deliveries: the view per organisation and channel, re-queueing dead letters, claiming and recording attempts, reminders. */
export const deliveriesRepository = {
  /** The delivery figures of a warning issued at `issuedAt` (the live stream counts as delivered then). */
  async status(db: Kysely<DB>, warningId: string, issuedAt: Date | null): Promise<WarningStatus> {
    const orgs = (await sql<RecipientRow>`select r.org_id, o.name, r.read_at, r.acked_at, r.reminders
      from warning_recipients r join organizations o on o.id = r.org_id where r.warning_id = ${warningId} order by o.name`.execute(db)).rows;
    const rows = (await sql<DeliveryRow>`select id::text as id, org_id, channel, target, purpose, status, attempts, last_error, next_attempt_at, delivered_at
      from warning_deliveries where warning_id = ${warningId} order by id`.execute(db)).rows;
    const byOrg = new Map<string, DeliveryRow[]>();
    for (const d of rows) (byOrg.get(d.org_id) ?? byOrg.set(d.org_id, []).get(d.org_id)!).push(d);
    const stream = (): WarningDelivery => ({ id: null, channel: 'stream', target: null, purpose: 'issue', status: 'delivered', attempts: 1, lastError: null, nextAttemptAt: null, deliveredAt: iso(issuedAt) });
    const channels = ['webhook', 'email'].map((channel) => {
      const of = rows.filter((d) => d.channel === channel);
      return { channel, delivered: of.filter((d) => d.status === 'delivered').length, pending: of.filter((d) => d.status === 'pending').length, failed: of.filter((d) => d.status === 'dead').length };
    }).filter((c) => c.delivered + c.pending + c.failed > 0);
    const names = new Map(orgs.map((o) => [o.org_id, o.name]));
    return {
      targeted: orgs.length, read: orgs.filter((o) => o.read_at).length, acknowledged: orgs.filter((o) => o.acked_at).length,
      channels: [{ channel: 'stream', delivered: issuedAt ? orgs.length : 0, pending: 0, failed: 0 }, ...channels],
      orgs: orgs.map((o) => ({ orgId: o.org_id, name: o.name, readAt: iso(o.read_at), ackedAt: iso(o.acked_at), reminders: o.reminders, deliveries: [stream(), ...(byOrg.get(o.org_id) ?? []).map(presentDelivery)] })),
      deadLetters: rows.filter((d) => d.status === 'dead').map((d) => ({ ...presentDelivery(d), id: d.id, orgId: d.org_id, name: names.get(d.org_id) ?? d.org_id })),
    };
  },

  /** Queues a dead delivery again from its first attempt; false when there is no such dead delivery. */
  async retry(tx: Kysely<DB>, warningId: string, deliveryId: string): Promise<{ org_id: string; channel: string } | undefined> {
    return (await sql<{ org_id: string; channel: string }>`update warning_deliveries set status = 'pending', attempts = 0, next_attempt_at = now()
      where id = ${deliveryId}::bigint and warning_id = ${warningId} and status = 'dead' returning org_id, channel`.execute(tx)).rows[0];
  },

  /**
   * Claims up to 50 due deliveries, oldest first, by moving their due time `leaseSeconds` on (so no other
   * node sends them meanwhile; rows another node holds are skipped); answers them in id order.
   */
  async claimDue(db: Kysely<DB>, leaseSeconds: number): Promise<DueDelivery[]> {
    return (await sql<DueDelivery>`update warning_deliveries d set next_attempt_at = now() + make_interval(secs => ${leaseSeconds})
      where d.id in (select id from warning_deliveries where status = 'pending' and next_attempt_at <= now() order by id limit 50 for update skip locked)
      returning d.id::text as id, d.warning_id, d.org_id, d.channel, d.target, d.purpose, d.attempts`.execute(db)).rows.sort((a, b) => Number(BigInt(a.id) - BigInt(b.id)));
  },

  /**
   * Records the outcome of the attempt claimed (`error` null: delivered), fenced by its attempt count so
   * that a claim that outlived its lease does not overwrite the next one's outcome.
   */
  async recordAttempt(db: Kysely<DB>, d: DueDelivery, error: string | null, dead: boolean, nextAttemptAt: Date): Promise<void> {
    await sql`update warning_deliveries set attempts = attempts + 1, last_error = ${error}, status = ${error === null ? 'delivered' : dead ? 'dead' : 'pending'},
      delivered_at = ${error === null ? new Date() : null}, next_attempt_at = ${nextAttemptAt}
      where id = ${d.id}::bigint and status = 'pending' and attempts = ${d.attempts}`.execute(db);
  },

  /**
   * Counts a reminder for each recipient of a real issued warning that has not acknowledged it since
   * before `edge` (issue or last reminder), fewer than 3 times; answers those reminded.
   */
  async claimReminders(tx: Kysely<DB>, now: Date, edge: Date): Promise<{ warning_id: string; org_id: string }[]> {
    return (await sql<{ warning_id: string; org_id: string }>`update warning_recipients r set reminders = reminders + 1, last_reminded_at = ${now}
      from warnings w where w.id = r.warning_id and w.status = 'issued' and w.exercise_id is null and r.acked_at is null and w.issued_at < ${edge} and coalesce(r.last_reminded_at, w.issued_at) < ${edge} and r.reminders < 3
      returning r.warning_id, r.org_id`.execute(tx)).rows;
  },

  /** Queues reminder e-mails: to each reminded organisation's reception address and its active users who asked for reminders. */
  async queueReminderMails(tx: Kysely<DB>, due: readonly { warning_id: string; org_id: string }[]): Promise<void> {
    await sql`insert into warning_deliveries (warning_id, org_id, channel, target, purpose) select d.warning_id, d.org_id, 'email', o.incident_reception_email, 'reminder'
      from unnest(${due.map((x) => x.warning_id)}::uuid[], ${due.map((x) => x.org_id)}::uuid[]) as d(warning_id, org_id) join organizations o on o.id = d.org_id where o.incident_reception_email is not null
      union all
      select d.warning_id, d.org_id, 'email', u.email, 'reminder'
      from unnest(${due.map((x) => x.warning_id)}::uuid[], ${due.map((x) => x.org_id)}::uuid[]) as d(warning_id, org_id)
        join users u on u.org_id = d.org_id and u.status = 'active' join user_mail_preferences p on p.user_id = u.id and p.warning_reminders`.execute(tx);
  },
};
