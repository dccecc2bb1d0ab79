import { randomBytes } from 'node:crypto';
import type { Webhook, WebhookCreate, WebhookCreated, WebhookTestResult } from '@lachan/contracts';
import { canManage, type RequestContext } from '../../core/context.ts';
import { requirePermission } from '../../core/authorize.ts';
import { forbidden, notFound } from '../../core/errors.ts';
import { recordChange, transact } from '../events/index.ts';
import type { WarningsParts } from './warnings-parts.ts';
import { postWebhook } from './webhook-sender.ts';
import { WebhookTargets } from './webhook-targets.ts';
import { webhooksRepository as webhooks, type WebhookRow } from './webhooks.repository.ts';

const present = (r: WebhookRow): Webhook => ({
  id: r.id, orgId: r.org_id, url: r.url, enabled: r.enabled, exercises: r.exercises, createdAt: r.created_at.toISOString(),
  lastDelivery: r.d_status ? { status: r.d_status, attempts: r.d_attempts ?? 0, lastError: r.d_error, at: (r.d_at ?? r.created_at).toISOString() } : null,
});
/** An organisation's webhook endpoints for warnings, managed by its admins (the secret is shown once, when added). */
export class WarningWebhooksService {
  #p: Pick<WarningsParts, 'db' | 'relay' | 'config' | 'now'>;
  #targets: WebhookTargets;
  constructor(parts: Pick<WarningsParts, 'db' | 'relay' | 'config' | 'now'>) {
    this.#p = parts;
    this.#targets = new WebhookTargets(parts.config.webhookAllowedHosts);
  }

  #check(ctx: RequestContext, orgId: string): void {
    requirePermission(ctx, 'warnings.endpoints');
    if (!canManage(ctx.scope, orgId)) throw forbidden('you do not manage this organisation');
  }

  /** The endpoints with the outcome of the latest delivery to each. */
  async list(ctx: RequestContext, orgId: string): Promise<Webhook[]> {
    this.#check(ctx, orgId);
    return (await webhooks.ofOrg(this.#p.db, orgId)).map(present);
  }

  /** Adds an endpoint; the signing secret (generated unless given) is in this answer only. */
  async create(ctx: RequestContext, orgId: string, b: WebhookCreate): Promise<WebhookCreated> {
    this.#check(ctx, orgId);
    this.#targets.check(b.url);
    const secret = b.secret ?? `whsec_${randomBytes(24).toString('base64url')}`;
    return transact(this.#p, async (tx) => {
      const row = await webhooks.insert(tx, orgId, b.url, secret, b.exercises ?? false);
      await recordChange(tx, ctx, { action: 'warning_webhook.create', entityType: 'warning_webhook', entityId: row.id, orgId, after: { url: b.url, exercises: b.exercises ?? false } });
      return { ...present(row), secret };
    });
  }

  /** Sends a signed `warning.test` payload to the endpoint now and says how it answered. */
  async test(ctx: RequestContext, orgId: string, id: string): Promise<WebhookTestResult> {
    this.#check(ctx, orgId);
    const hook = await webhooks.endpointOf(this.#p.db, orgId, id);
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
      if (!(await webhooks.delete(tx, orgId, id))) throw notFound('webhook');
      await recordChange(tx, ctx, { action: 'warning_webhook.delete', entityType: 'warning_webhook', entityId: id, orgId });
    });
  }
}
