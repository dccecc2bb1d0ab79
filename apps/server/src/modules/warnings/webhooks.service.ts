import { sql } from 'kysely';
import type { Webhook, WebhookCreate } from '@lachan/contracts';
import { canManage, type RequestContext } from '../../core/context.ts';
import { requirePermission } from '../../core/authorize.ts';
import { forbidden, notFound } from '../../core/errors.ts';
import { recordChange, transact } from '../../core/change.ts';
import type { Platform } from '../../core/platform.ts';

type Row = { id: string; org_id: string; url: string; enabled: boolean; created_at: Date };
const present = (r: Row): Webhook => ({ id: r.id, orgId: r.org_id, url: r.url, enabled: r.enabled, createdAt: r.created_at.toISOString() });

/** An organisation's webhook endpoints for warnings, managed by its admins (the secret is never read back). */
export class WarningWebhooksService {
  #p: Platform;
  constructor(platform: Platform) {
    this.#p = platform;
  }

  #check(ctx: RequestContext, orgId: string): void {
    requirePermission(ctx, 'warnings.endpoints');
    if (!canManage(ctx.scope, orgId)) throw forbidden('you do not manage this organisation');
  }

  async list(ctx: RequestContext, orgId: string): Promise<Webhook[]> {
    this.#check(ctx, orgId);
    return (await sql<Row>`select id, org_id, url, enabled, created_at from warning_webhooks where org_id = ${orgId} order by created_at`.execute(this.#p.db)).rows.map(present);
  }

  async create(ctx: RequestContext, orgId: string, b: WebhookCreate): Promise<Webhook> {
    this.#check(ctx, orgId);
    return transact(this.#p, async (tx) => {
      const row = (await sql<Row>`insert into warning_webhooks (org_id, url, secret) values (${orgId}, ${b.url}, ${b.secret}) returning id, org_id, url, enabled, created_at`.execute(tx)).rows[0]!;
      await recordChange(tx, ctx, { action: 'warning_webhook.create', entityType: 'warning_webhook', entityId: row.id, orgId, after: { url: b.url } });
      return present(row);
    });
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
