import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Webhook, WebhookCreate, WebhookCreated, WebhookTestResult } from '@lachan/contracts';
import { canManage, type RequestContext } from '../../core/context.ts';
import { requirePermission } from '../../core/authorize.ts';
import { forbidden, notFound } from '../../core/errors.ts';
import { recordChange, transact } from '../events/index.ts';
import type { Platform } from '../../platform.types.ts';
import { postWebhook } from './webhook-sender.ts';
import { WebhookTargets } from './webhook-targets.ts';

type Row = { id: string; org_id: string; url: string; enabled: boolean; exercises: boolean; created_at: Date; d_status: 'pending' | 'delivered' | 'dead' | null; d_attempts: number | null; d_error: string | null; d_at: Date | null };
const present = (r: Row): Webhook => ({
  id: r.id, orgId: r.org_id, url: r.url, enabled: r.enabled, exercises: r.exercises, createdAt: r.created_at.toISOString(),
  lastDelivery: r.d_status ? { status: r.d_status, attempts: r.d_attempts ?? 0, lastError: r.d_error, at: (r.d_at ?? r.created_at).toISOString() } : null,
});
const LAST = sql`left join lateral (select d.status as d_status, d.attempts as d_attempts, d.last_error as d_error, coalesce(d.delivered_at, d.next_attempt_at) as d_at
  from warning_deliveries d where d.channel = 'webhook' and d.target = w.id::text order by d.id desc limit 1) d on true`;

/** An organisation's webhook endpoints for warnings, managed by its admins (the secret is shown once, when added). */
export class WarningWebhooksService {
  #p: Platform;
  #targets: WebhookTargets;
  constructor(platform: Platform) {
    this.#p = platform;
    this.#targets = new WebhookTargets(platform.config.webhookAllowedHosts);
  }

  #check(ctx: RequestContext, orgId: string): void {
    requirePermission(ctx, 'warnings.endpoints');
    if (!canManage(ctx.scope, orgId)) throw forbidden('you do not manage this organisation');
  }

  /** The endpoints with the outcome of the latest delivery to each. */
  async list(ctx: RequestContext, orgId: string): Promise<Webhook[]> {
    this.#check(ctx, orgId);
    return (await sql<Row>`select w.id, w.org_id, w.url, w.enabled, w.exercises, w.created_at, d.* from warning_webhooks w ${LAST} where w.org_id = ${orgId} order by w.created_at`.execute(this.#p.db)).rows.map(present);
  }

  /** Adds an endpoint; the signing secret (generated unless given) is in this answer only. */
  async create(ctx: RequestContext, orgId: string, b: WebhookCreate): Promise<WebhookCreated> {
    this.#check(ctx, orgId);
    this.#targets.check(b.url);
    const secret = b.secret ?? `whsec_${randomBytes(24).toString('base64url')}`;
    return transact(this.#p, async (tx) => {
      const row = (await sql<Row>`insert into warning_webhooks (org_id, url, secret, exercises) values (${orgId}, ${b.url}, ${secret}, ${b.exercises ?? false}) returning id, org_id, url, enabled, exercises, created_at`.execute(tx)).rows[0]!;
      await recordChange(tx, ctx, { action: 'warning_webhook.create', entityType: 'warning_webhook', entityId: row.id, orgId, after: { url: b.url, exercises: b.exercises ?? false } });
      return { ...present(row), secret };
    });
  }

  /** Sends a signed `warning.test` payload to the endpoint now and says how it answered. */
  async test(ctx: RequestContext, orgId: string, id: string): Promise<WebhookTestResult> {
    this.#check(ctx, orgId);
    const hook = (await sql<{ url: string; secret: string }>`select url, secret from warning_webhooks where id = ${id} and org_id = ${orgId}`.execute(this.#p.db)).rows[0];
    if (!hook) throw notFound('webhook');
    const started = performance.now();
    try {
      const status = await postWebhook(hook.url, hook.secret, { type: 'warning.test', orgId, at: this.#p.now().toISOString() }, this.#targets, 5_000);
      return { ok: true, httpStatus: status, error: null, ms: Math.round(performance.now() - started) };
    } catch (err) {
      const m = /answered (\d+)/.exec((err as Error).message);
      return { ok: false, httpStatus: m ? Number(m[1]) : null, error: (err as Error).message.slice(0, 500), ms: Math.round(performance.now() - started) };
    }
  }

  async remove(ctx: RequestContext, orgId: string, id: string): Promise<void> {
    this.#check(ctx, orgId);
    await transact(this.#p, async (tx) => {
      const r = await sql`delete from warning_webhooks where id = ${id} and org_id = ${orgId} returning id`.execute(tx);
      if (!r.rows.length) throw notFound('webhook');
      await recordChange(tx, ctx, { action: 'warning_webhook.delete', entityType: 'warning_webhook', entityId: id, orgId });
    });
  }
}
