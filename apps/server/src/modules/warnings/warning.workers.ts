import { sql, type Kysely } from 'kysely';
import { createTransport, type Transporter } from 'nodemailer';
import type { DB } from '../../db/index.ts';
import { messageId } from '../../shared/mail.ts';
import type { Platform } from '../../platform.types.ts';
import { warningsRepository as repo } from './warnings.repository.ts';
import { postWebhook } from './webhook-sender.ts';
import { WebhookTargets } from './webhook-targets.ts';
import { WarningProposals, type SurgeProposal } from './proposals.ts';
import { writeEvents, type OutboxEvent } from '../events/index.ts';

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
  #p: Platform;
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<void> | null = null;
  #mail: Transporter | null;
  #targets: WebhookTargets;
  #proposals: WarningProposals;
  #unsubscribe: (() => void) | null = null;
  #syncing: Promise<void> = Promise.resolve();
  backoffMs = 2_000;
  maxAttempts = MAX_ATTEMPTS;

  constructor(platform: Platform) {
    this.#p = platform;
    this.#targets = new WebhookTargets(platform.config.webhookAllowedHosts);
    this.#proposals = new WarningProposals(platform);
    this.#mail = platform.config.smtpUrl ? createTransport(platform.config.smtpUrl) : null;
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
    const due = (await sql<{ id: string; warning_id: string; org_id: string; channel: string; target: string; purpose: string; attempts: number }>`update warning_deliveries d set next_attempt_at = now() + make_interval(secs => ${CLAIM_LEASE_S})
      where d.id in (select id from warning_deliveries where status = 'pending' and next_attempt_at <= now() order by id limit 50 for update skip locked)
      returning d.id::text as id, d.warning_id, d.org_id, d.channel, d.target, d.purpose, d.attempts`.execute(db)).rows.sort((a, b) => Number(BigInt(a.id) - BigInt(b.id)));
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
      await sql`update warning_deliveries set attempts = attempts + 1, last_error = ${error}, status = ${error === null ? 'delivered' : dead ? 'dead' : 'pending'},
        delivered_at = ${error === null ? new Date() : null}, next_attempt_at = ${new Date(Date.now() + this.backoffMs * 2 ** d.attempts)}
        where id = ${d.id}::bigint and status = 'pending' and attempts = ${d.attempts}`.execute(db);
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
      const hook = (await sql<{ url: string; secret: string }>`select url, secret from warning_webhooks where id = ${d.target}::uuid and enabled`.execute(this.#p.db)).rows[0];
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
      const due = (await sql<{ warning_id: string; org_id: string }>`update warning_recipients r set reminders = reminders + 1, last_reminded_at = ${now}
        from warnings w where w.id = r.warning_id and w.status = 'issued' and w.exercise_id is null and r.acked_at is null and w.issued_at < ${edge} and coalesce(r.last_reminded_at, w.issued_at) < ${edge} and r.reminders < 3
        returning r.warning_id, r.org_id`.execute(tx)).rows;
      if (!due.length) return;
      await sql`insert into warning_deliveries (warning_id, org_id, channel, target, purpose) select d.warning_id, d.org_id, 'email', o.incident_reception_email, 'reminder'
        from unnest(${due.map((x) => x.warning_id)}::uuid[], ${due.map((x) => x.org_id)}::uuid[]) as d(warning_id, org_id) join organizations o on o.id = d.org_id where o.incident_reception_email is not null
        union all
        select d.warning_id, d.org_id, 'email', u.email, 'reminder'
        from unnest(${due.map((x) => x.warning_id)}::uuid[], ${due.map((x) => x.org_id)}::uuid[]) as d(warning_id, org_id)
          join users u on u.org_id = d.org_id and u.status = 'active' join user_mail_preferences p on p.user_id = u.id and p.warning_reminders`.execute(tx);
      await writeEvents(tx, due.map((d) => ({ type: 'warning.reminder', audience: { orgIds: [d.org_id] }, payload: { id: d.warning_id } })));
    });
    this.#p.relay.wake();
  }
}

/** The idempotency key of a delivery: stable across attempts and nodes. */
export const deliveryKey = (id: string): string => `lachan-delivery-${id}`;
