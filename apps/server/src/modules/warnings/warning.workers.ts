import type { Kysely } from 'kysely';
import { createTransport, type Transporter } from 'nodemailer';
import type { DB } from '../../db/index.ts';
import { messageId } from '../../common/mail.ts';
import { warningsRepository as repo } from './warnings.repository.ts';
import { deliveriesRepository as deliveries } from './deliveries.repository.ts';
import { webhooksRepository as webhooks } from './webhooks.repository.ts';
import { postWebhook } from './webhook-sender.ts';
import { WebhookTargets } from './webhook-targets.ts';
import { WarningProposals, type SurgeProposal } from './proposals.ts';
import { writeEvents, type OutboxEvent } from '../events/index.ts';
import type { WarningsParts } from './warnings-parts.ts';

const MAX_ATTEMPTS = 6;
const TICK_MS = 1_000;
const REMIND_AFTER_MS = 4 * 3_600_000;
/** How long a claimed delivery is left to its node before another may try it (longer than a webhook's timeout). */
const CLAIM_LEASE_S = 60;

/**
 * A change of a campaign decided outside the engine's own upsert (the centre dismissed, confirmed or
 * merged it; a campaign retracted or merged by the engine announces itself the same way): its proposal
 * follows. The engine's routine `campaign.updated` after each batch is already followed in its transaction.
 */
const isCampaignDecision = (e: OutboxEvent) =>
  e.type.startsWith('campaign.') && e.type !== 'campaign.detected' && (e.type !== 'campaign.updated' || (e.payload as { action?: string } | null)?.action !== undefined);

/**
 * Background work of warnings: proposals from campaigns and surges (issued at once when a policy says
 * so), the durable delivery queue (signed webhooks and SMTP e-mail, exponential back-off, dead letter
 * after MAX_ATTEMPTS) and reminders to organisations that have not acknowledged. Idempotent.
 */
export class WarningWorkers {
  #p: WarningsParts;
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<void> | null = null;
  #mail: Transporter | null;
  #targets: WebhookTargets;
  #proposals: WarningProposals;
  #unsubscribe: (() => void) | null = null;
  #syncing: Promise<void> = Promise.resolve();
  backoffMs = 2_000;
  maxAttempts = MAX_ATTEMPTS;

  constructor(parts: WarningsParts) {
    this.#p = parts;
    this.#targets = new WebhookTargets(parts.config.webhookAllowedHosts);
    this.#proposals = new WarningProposals(parts);
    this.#mail = parts.config.smtpUrl ? createTransport(parts.config.smtpUrl) : null;
  }

  start(): void {
    this.#timer = setInterval(() => this.wake(), TICK_MS);
    this.#timer.unref();
    this.#unsubscribe = this.#p.relay.subscribe((events) => {
      const ids = new Set(events.filter(isCampaignDecision).map((e) => (e.payload as { id: string }).id));
      for (const id of ids) this.#syncing = this.#syncing.then(() => this.#p.db.transaction().execute((tx) => this.#proposals.syncCampaign(tx, id))).catch(() => {});
    });
  }

  async stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    this.#unsubscribe?.();
    await this.#syncing;
    await this.#running;
  }

  /** Resolves when the proposals of campaigns decided on so far are in line (tests). */
  async settled(): Promise<void> {
    await this.#syncing;
  }

  /** Runs a delivery round soon (after an issue), when this node runs the deliveries (else their leader's next tick does). */
  wake(): void {
    if (!this.#timer) return;
    this.#running ??= this.#round().catch(() => {}).finally(() => (this.#running = null));
  }

  /**
   * Brings the campaign's one proposal in line with it, in the campaign's transaction: proposed when it
   * reaches medium confidence (or issued at once by a policy), refreshed as it grows while unissued,
   * discarded when the campaign stops being active, handed over when it is merged into another.
   */
  async proposeFromCampaign(tx: Kysely<DB>, c: { id: string }): Promise<void> {
    await this.#proposals.syncCampaign(tx, c.id);
  }

  /** Proposes to the sector (or refreshes) the one warning of a surge episode (the statistics module calls this). */
  async proposeFromSurge(s: SurgeProposal): Promise<void> {
    await this.#proposals.fromSurge(s);
    this.wake();
  }

  async #round(): Promise<void> {
    const db = this.#p.db;
    // Claimed, not just read: a lease moves the due time past the attempt, so no other node sends these meanwhile.
    const due = await deliveries.claimDue(db, CLAIM_LEASE_S);
    for (const d of due) {
      let error: string | null = null;
      try {
        await this.#send(d);
      } catch (err) {
        error = (err as Error).message.slice(0, 500);
      }
      const dead = error !== null && d.attempts + 1 >= this.maxAttempts;
      if (dead) error = `dead letter after ${d.attempts + 1} attempts: ${error}`;
      // Fenced by the attempt claimed: a claim that outlived its lease does not overwrite the next one's outcome.
      await deliveries.recordAttempt(db, d, error, dead, new Date(Date.now() + this.backoffMs * 2 ** d.attempts));
    }
    await this.#remind();
  }

  /**
   * One attempt. Its idempotency key is the delivery's id, the same on every attempt and every node:
   * `Idempotency-Key` on webhooks, the `Message-ID` of e-mail, so a receiver that saw it once (an
   * attempt whose outcome was lost with its node) drops the repeat.
   */
  async #send(d: { id: string; warning_id: string; org_id: string; channel: string; target: string; purpose: string }): Promise<void> {
    const w = await repo.get(this.#p.db, d.warning_id);
    if (!w) throw new Error('warning gone');
    const payload = { type: d.purpose === 'reminder' ? 'warning.reminder' : 'warning.issued', warning: { id: w.id, titleVi: w.title_vi, titleEn: w.title_en, bodyVi: w.body_vi, bodyEn: w.body_en, severity: w.severity, tlp: w.tlp, indicators: w.indicators, cves: w.cves }, orgId: d.org_id };
    if (d.channel === 'webhook') {
      const hook = await webhooks.enabledEndpoint(this.#p.db, d.target);
      if (!hook) throw new Error('webhook endpoint removed or disabled');
      await postWebhook(hook.url, hook.secret, payload, this.#targets, undefined, deliveryKey(d.id));
      return;
    }
    if (!this.#mail) throw new Error('SMTP_URL is not configured');
    const prefix = d.purpose === 'reminder' ? '[Nhắc lại / Reminder] ' : '';
    await this.#mail.sendMail({ from: this.#p.config.smtpFrom, messageId: messageId(deliveryKey(d.id), this.#p.config.smtpFrom), to: d.target, subject: `${prefix}[TLP:${w.tlp}] ${w.title_vi} / ${w.title_en}`, text: `${w.body_vi}\n\n---\n\n${w.body_en}\n` });
  }

  /**
   * Reminds recipients that have not acknowledged an issued warning within 4 h (by `platform.now()`), at most 3 times
   * (their reception address and the users who asked for reminders); one statement claims each reminder.
   */
  async #remind(): Promise<void> {
    const now = this.#p.now();
    const edge = new Date(now.getTime() - REMIND_AFTER_MS);
    await this.#p.db.transaction().execute(async (tx) => {
      const due = await deliveries.claimReminders(tx, now, edge);
      if (!due.length) return;
      await deliveries.queueReminderMails(tx, due);
      await writeEvents(tx, due.map((d) => ({ type: 'warning.reminder', audience: { orgIds: [d.org_id] }, payload: { id: d.warning_id } })));
    });
    this.#p.relay.wake();
  }
}

/** The idempotency key of a delivery: stable across attempts and nodes. */
export const deliveryKey = (id: string): string => `lachan-delivery-${id}`;
