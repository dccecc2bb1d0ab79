import { sql, type Kysely } from 'kysely';
import type { WarningDelivery, WarningStatus } from '@lachan/contracts';
import type { DB } from '../../db/index.ts';

type DeliveryRow = { id: string; org_id: string; channel: 'webhook' | 'email'; target: string; purpose: 'issue' | 'reminder'; status: 'pending' | 'delivered' | 'dead'; attempts: number; last_error: string | null; next_attempt_at: Date; delivered_at: Date | null };
type RecipientRow = { org_id: string; name: string; read_at: Date | null; acked_at: Date | null; reminders: number };

const iso = (d: Date | null) => d?.toISOString() ?? null;
const presentDelivery = (d: DeliveryRow): WarningDelivery => ({
  id: d.id, channel: d.channel, target: d.target, purpose: d.purpose, status: d.status, attempts: d.attempts, lastError: d.last_error,
  nextAttemptAt: d.status === 'pending' ? d.next_attempt_at.toISOString() : null, deliveredAt: iso(d.delivered_at),
});

/** SQL of the delivery view: per organisation and channel, and the re-queueing of dead letters. */
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
};
