import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/index.ts';

/** An endpoint with the outcome of its latest delivery (none yet: the `d_` fields are null). */
export type WebhookRow = {
  id: string; org_id: string; url: string; enabled: boolean; exercises: boolean; created_at: Date;
  d_status: 'pending' | 'delivered' | 'dead' | null; d_attempts: number | null; d_error: string | null; d_at: Date | null;
};
/** Where and how a delivery is posted. */
export type WebhookEndpoint = { url: string; secret: string };

const LAST = sql`left join lateral (select d.status as d_status, d.attempts as d_attempts, d.last_error as d_error, coalesce(d.delivered_at, d.next_attempt_at) as d_at
  from warning_deliveries d where d.channel = 'webhook' and d.target = w.id::text order by d.id desc limit 1) d on true`;

/** SQL of organisations' webhook endpoints for warnings. */
export const webhooksRepository = {
  async ofOrg(db: Kysely<DB>, orgId: string): Promise<WebhookRow[]> {
    return (await sql<WebhookRow>`select w.id, w.org_id, w.url, w.enabled, w.exercises, w.created_at, d.* from warning_webhooks w ${LAST} where w.org_id = ${orgId} order by w.created_at`.execute(db)).rows;
  },
  /** Stores an endpoint; answers it (no delivery yet: the `d_` fields are absent). */
  async insert(tx: Kysely<DB>, orgId: string, url: string, secret: string, exercises: boolean): Promise<WebhookRow> {
    return (await sql<WebhookRow>`insert into warning_webhooks (org_id, url, secret, exercises) values (${orgId}, ${url}, ${secret}, ${exercises}) returning id, org_id, url, enabled, exercises, created_at`.execute(tx)).rows[0]!;
  },
  /** One of the organisation's endpoints, enabled or not. */
  async endpointOf(db: Kysely<DB>, orgId: string, id: string): Promise<WebhookEndpoint | undefined> {
    return (await sql<WebhookEndpoint>`select url, secret from warning_webhooks where id = ${id} and org_id = ${orgId}`.execute(db)).rows[0];
  },
  /** The endpoint a delivery targets, while it is enabled. */
  async enabledEndpoint(db: Kysely<DB>, id: string): Promise<WebhookEndpoint | undefined> {
    return (await sql<WebhookEndpoint>`select url, secret from warning_webhooks where id = ${id}::uuid and enabled`.execute(db)).rows[0];
  },
  /** Removes one of the organisation's endpoints; false when it has no such endpoint. */
  async delete(tx: Kysely<DB>, orgId: string, id: string): Promise<boolean> {
    return (await sql`delete from warning_webhooks where id = ${id} and org_id = ${orgId} returning id`.execute(tx)).rows.length > 0;
  },
};
