import type { RecipientPreview, Warning, WarningCreate, WarningInboxQuery, WarningListQuery, WarningPatch, WarningStatus, WarningTargeting } from '@lachan/contracts';
import type { RequestContext } from '../../core/context.ts';
import { requirePermission } from '../../core/authorize.ts';
import { conflict, forbidden, notFound } from '../../core/errors.ts';
import { recordChange, transact } from '../events/index.ts';
import type { WarningsParts } from './warnings-parts.ts';
import { warningsPolicy as policy } from './warnings.policy.ts';
import { warningsRepository as repo, type WarningRow } from './warnings.repository.ts';
import { deliveriesRepository as deliveries } from './deliveries.repository.ts';
import { presentWarning } from './warnings.presenter.ts';
import { CampaignsService } from '../campaigns/index.ts';
import { draftFromCampaign } from './campaign-draft.ts';
import type { WarningWorkers } from './warning.workers.ts';
import { checkedCves } from './cvss.ts';
import { toCsaf, toStixBundle } from './warning-exports.ts';

/** The publisher name of the CSAF documents. */
const CSAF_PUBLISHER = 'Lachan national coordination centre';

/** Drafting, issuing, reading and acknowledging early warnings. */
export class WarningsService {
  #p: WarningsParts;
  #campaigns: CampaignsService;
  #deliveries: Pick<WarningWorkers, 'wake'>;
  /** `deliveries` are woken when a warning is issued or a delivery retried, to send at once. */
  constructor(parts: WarningsParts, deliveries: Pick<WarningWorkers, 'wake'>) {
    this.#p = parts;
    this.#deliveries = deliveries;
    this.#campaigns = new CampaignsService(parts);
  }

  async #recipientIds(id: string): Promise<string[]> {
    return repo.recipientIds(this.#p.db, id);
  }

  /** The warning if the caller may read it (404 otherwise, so existence does not leak). */
  async #load(ctx: RequestContext, id: string): Promise<{ row: WarningRow; recipients: string[] }> {
    requirePermission(ctx, 'warnings.read');
    const row = await repo.get(this.#p.db, id);
    const recipients = row ? await this.#recipientIds(id) : [];
    if (!row || !policy.mayRead(ctx, row.author_org_id, row.status === 'issued' || row.status === 'withdrawn' ? recipients : [])) throw notFound('warning');
    return { row, recipients };
  }

  async list(ctx: RequestContext, q: WarningListQuery): Promise<Warning[]> {
    requirePermission(ctx, 'warnings.read');
    const rows = await repo.listVisible(this.#p.db, { all: ctx.scope.all, read: [...ctx.scope.read], manage: [...ctx.scope.manage] }, q);
    const issuer = (w: WarningRow) => policy.isIssuer(ctx, w.author_org_id);
    return rows.map((w) => presentWarning(w, undefined, w.status !== 'draft' && w.status !== 'proposed' && issuer(w) ? { targeted: w.d_targeted, acknowledged: w.d_acked, pending: w.d_pending, failed: w.d_failed } : undefined,
      policy.recipientFilter(ctx, w.author_org_id)));
  }

  /** Issued warnings received by the caller's own organisation, with its read and ack times. */
  async inbox(ctx: RequestContext, q: WarningInboxQuery = {}): Promise<Warning[]> {
    requirePermission(ctx, 'warnings.read');
    const rows = await repo.inboxOf(this.#p.db, ctx.actor.orgId, q);
    return rows.map((w) => presentWarning(w, w, undefined, policy.recipientFilter(ctx, w.author_org_id)));
  }

  async get(ctx: RequestContext, id: string): Promise<Warning> {
    const { row } = await this.#load(ctx, id);
    const mine = await repo.receipt(this.#p.db, id, ctx.actor.orgId);
    return presentWarning(row, mine, undefined, policy.recipientFilter(ctx, row.author_org_id));
  }

  /** The warning as a CSAF 2.0 document, published under the configured namespace (LACHAN_CSAF_PUBLISHER_NAMESPACE). */
  async csaf(ctx: RequestContext, id: string): Promise<Record<string, unknown>> {
    const { csafPublisherNamespace: namespace, publicUrl } = this.#p.config;
    return toCsaf(await this.get(ctx, id), { name: CSAF_PUBLISHER, namespace, publicUrl });
  }

  /** The warning as a STIX 2.1 report bundle. */
  async stix(ctx: RequestContext, id: string): Promise<Record<string, unknown>> {
    return toStixBundle(await this.get(ctx, id), CSAF_PUBLISHER);
  }

  async #mayDraft(ctx: RequestContext): Promise<string | null> {
    requirePermission(ctx, 'warnings.write');
    await this.#p.orgTree.ensure();
    const me = this.#p.orgTree.profile(ctx.actor.orgId);
    const province = me?.kind === 'province' ? me.provinceCode : null;
    if (!policy.isCentre(ctx) && !(ctx.actor.role === 'org_admin' && province)) throw forbidden('only the national centre or a province coordinator drafts warnings');
    return province;
  }

  /** A draft drafted from a campaign (the centre): the composer opens it prefilled. */
  async draftFromCampaign(ctx: RequestContext, campaignId: string): Promise<Warning> {
    if (!policy.isCentre(ctx)) throw forbidden('only the national centre drafts a warning from a campaign');
    return this.create(ctx, draftFromCampaign(await this.#campaigns.get(ctx, campaignId)), campaignId);
  }

  async create(ctx: RequestContext, b: WarningCreate, campaignId: string | null = null): Promise<Warning> {
    await this.#mayDraft(ctx);
    const cves = checkedCves(b.cves) ?? [];
    return transact(this.#p, async (tx) => {
      const row = await repo.insertDraft(tx, ctx.actor.orgId, campaignId, b, cves);
      await recordChange(tx, ctx, { action: 'warning.create', entityType: 'warning', entityId: row.id, orgId: ctx.actor.orgId, after: { titleEn: b.titleEn, campaignId } });
      return presentWarning(row);
    });
  }

  async update(ctx: RequestContext, id: string, p: WarningPatch): Promise<Warning> {
    await this.#mayDraft(ctx);
    const { row } = await this.#load(ctx, id);
    if (row.status === 'issued' || row.status === 'withdrawn') throw conflict('an issued warning is not edited; withdraw it and issue another');
    if (row.status === 'discarded') throw conflict('the warning was discarded; draft another');
    if (!policy.isCentre(ctx) && row.author_org_id !== ctx.actor.orgId) throw forbidden('not your draft');
    const cves = checkedCves(p.cves);
    return transact(this.#p, async (tx) => {
      const out = await repo.updateDraft(tx, id, p, cves);
      await recordChange(tx, ctx, { action: 'warning.update', entityType: 'warning', entityId: id, orgId: row.author_org_id, after: p });
      return presentWarning(out);
    });
  }

  /** The organisations a targeting reaches now. */
  async preview(ctx: RequestContext, t: WarningTargeting): Promise<RecipientPreview> {
    requirePermission(ctx, 'warnings.write');
    const orgs = await repo.resolve(this.#p.db, t);
    return { count: orgs.length, orgs };
  }

  /** Approves and issues a draft or proposal to the organisations its targeting reaches. */
  async issue(ctx: RequestContext, id: string): Promise<Warning> {
    const province = await this.#mayDraft(ctx);
    const { row } = await this.#load(ctx, id);
    if (row.status !== 'draft' && row.status !== 'proposed') throw conflict(`the warning is ${row.status}`);
    const recipients = await repo.resolve(this.#p.db, row.targeting);
    if (!policy.mayIssue(ctx, province, recipients)) throw forbidden('only the national centre issues beyond a province');
    await transact(this.#p, async (tx) => {
      await repo.issue(tx, id, recipients.map((r) => r.id), ctx.actor.name);
      await recordChange(tx, ctx, { action: 'warning.issue', entityType: 'warning', entityId: id, orgId: row.author_org_id, after: { recipients: recipients.length } });
    });
    this.#deliveries.wake();
    return this.get(ctx, id);
  }

  /**
   * Discards a draft or a proposal (one a campaign or a surge drafted, say) that will not be issued.
   * Nothing was sent, so nothing is withdrawn; the row stays, marked, so that its campaign or surge does
   * not propose it again, and lists leave it out unless asked for discarded warnings.
   */
  async discard(ctx: RequestContext, id: string): Promise<Warning> {
    await this.#mayDraft(ctx);
    const { row } = await this.#load(ctx, id);
    if (!policy.isCentre(ctx) && row.author_org_id !== ctx.actor.orgId) throw forbidden('not your draft');
    if (row.status !== 'draft' && row.status !== 'proposed') throw conflict(`the warning is ${row.status}; only a draft or a proposal is discarded (an issued warning is withdrawn)`);
    await transact(this.#p, async (tx) => {
      await repo.discard(tx, id);
      await recordChange(tx, ctx, {
        action: 'warning.discard', entityType: 'warning', entityId: id, orgId: row.author_org_id, before: { status: row.status },
        event: { type: 'warning.updated', audience: { orgIds: [row.author_org_id] }, data: { id, status: 'discarded' } },
      });
    });
    return this.get(ctx, id);
  }

  async withdraw(ctx: RequestContext, id: string): Promise<Warning> {
    await this.#mayDraft(ctx);
    const { row, recipients } = await this.#load(ctx, id);
    if (!policy.isCentre(ctx) && row.author_org_id !== ctx.actor.orgId) throw forbidden('not your warning');
    if (row.status === 'withdrawn') throw conflict('already withdrawn');
    if (row.status !== 'issued') throw conflict(`the warning is ${row.status}, never issued: discard it instead`);
    await transact(this.#p, async (tx) => {
      await repo.withdraw(tx, id, 'Withdrawn by the issuer: no longer valid');
      await recordChange(tx, ctx, { action: 'warning.withdraw', entityType: 'warning', entityId: id, orgId: row.author_org_id, event: { type: 'warning.withdrawn', audience: { orgIds: recipients }, data: { id } } });
    });
    return this.get(ctx, id);
  }

  /** Records that an organisation read (`read`) or acknowledged (`ack`) a warning it received. */
  async mark(ctx: RequestContext, id: string, what: 'read' | 'ack', orgId = ctx.actor.orgId): Promise<Warning> {
    requirePermission(ctx, what === 'ack' ? 'warnings.ack' : 'warnings.read');
    // A warning the caller may not read is not there for it (404), as when reading it.
    const { row, recipients } = await this.#load(ctx, id);
    if (row.status !== 'issued' || !policy.mayAck(ctx, orgId, new Set(recipients))) throw forbidden('this warning was not sent to that organisation');
    await transact(this.#p, async (tx) => {
      if (what === 'read') await repo.markRead(tx, id, orgId);
      else {
        await repo.markAcknowledged(tx, id, orgId, ctx.actor.name);
        await recordChange(tx, ctx, { action: 'warning.ack', entityType: 'warning', entityId: id, orgId, event: { type: 'warning.acknowledged', audience: { orgIds: [orgId, row.author_org_id] }, data: { id, orgId } } });
      }
    });
    return this.get(ctx, id);
  }

  /** Delivery figures per warning, per organisation and channel: the centre, or the author's admins. */
  async status(ctx: RequestContext, id: string): Promise<WarningStatus> {
    const { row } = await this.#load(ctx, id);
    if (!policy.isIssuer(ctx, row.author_org_id)) throw forbidden('delivery status is for the issuer');
    return deliveries.status(this.#p.db, id, row.issued_at);
  }

  /** Queues a dead-lettered delivery again (the centre, or the author's admins, while the warning stands). */
  async retryDelivery(ctx: RequestContext, id: string, deliveryId: string): Promise<WarningStatus> {
    requirePermission(ctx, 'warnings.write');
    const { row } = await this.#load(ctx, id);
    if (!policy.isCentre(ctx) && !(ctx.actor.role === 'org_admin' && ctx.scope.manage.has(row.author_org_id))) throw forbidden('only the issuer retries deliveries');
    if (row.status !== 'issued') throw conflict(`the warning is ${row.status}`);
    await transact(this.#p, async (tx) => {
      const d = await deliveries.retry(tx, id, deliveryId);
      if (!d) throw notFound('dead-lettered delivery');
      await recordChange(tx, ctx, { action: 'warning.delivery_retry', entityType: 'warning', entityId: id, orgId: row.author_org_id, after: { deliveryId, orgId: d.org_id, channel: d.channel } });
    });
    this.#deliveries.wake();
    return this.status(ctx, id);
  }
}
