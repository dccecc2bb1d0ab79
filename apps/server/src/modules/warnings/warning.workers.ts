import { sql, type Kysely } from 'kysely';
import { createTransport, type Transporter } from 'nodemailer';
import type { DB } from '../../db/index.ts';
import type { Platform } from '../../core/platform.ts';
import type { CampaignWrite } from '../campaigns/index.ts';
import { warningsRepository as repo } from './warnings.repository.ts';
import { postWebhook } from './webhook-sender.ts';
import { WebhookTargets } from './webhook-targets.ts';
import { attackReferences } from './campaign-draft.ts';

/** The Reference Security Incident Taxonomy a surge's class comes from. */
const RSIT = 'https://github.com/enisaeu/Reference-Security-Incident-Taxonomy-Task-Force';

const MAX_ATTEMPTS = 6;
const TICK_MS = 1_000;
const REMIND_AFTER_MS = 4 * 3_600_000;

/** A sector surge as the statistics module reports it. */
/** A sector's abnormal activity (the statistics module's surge watcher); `rsitClass` empty when it is the sector's whole activity. */
export interface SurgeSignal { sector: string; rsitClass: string; count: number; baseline: number; windowStart: string; severity: number }


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
  backoffMs = 2_000;
  maxAttempts = MAX_ATTEMPTS;

  constructor(platform: Platform) {
    this.#p = platform;
    this.#targets = new WebhookTargets(platform.config.webhookAllowedHosts);
    const url = process.env.SMTP_URL;
    this.#mail = url ? createTransport(url) : null;
  }

  start(): void {
    this.#timer = setInterval(() => this.wake(), TICK_MS);
    this.#timer.unref();
  }

  async stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    await this.#running;
  }

  /** Runs a delivery round soon (after an issue). */
  wake(): void {
    this.#running ??= this.#round().catch(() => {}).finally(() => (this.#running = null));
  }

  /** Proposes (or issues, by policy) one warning per campaign; called in the campaign's transaction. */
  async proposeFromCampaign(tx: Kysely<DB>, c: CampaignWrite & { id: string }): Promise<void> {
    const orgs = [...c.link.orgs.keys()];
    const sectors = [...new Set(orgs.flatMap((o) => this.#p.orgTree.profile(o)?.sectors ?? []))];
    const values = c.link.evidence.map((e) => e.value);
    const indicators = c.link.evidence.map((e) => ({ type: e.kind === 'network' ? 'ipv4-cidr' : e.value.split(':')[0]!, value: e.kind === 'network' ? e.value : e.value.slice(e.value.indexOf(':') + 1) }));
    await this.#propose(tx, { origin: 'campaign', campaignId: c.id, surgeKey: null, severity: c.severity, sectors, orgIds: orgs,
      // Issued by a policy, it goes to the members unread by anyone: no count of the others in it.
      titleVi: 'Cảnh báo chiến dịch tấn công nhắm vào nhiều tổ chức', titleEn: 'Campaign targeting several organisations',
      bodyVi: `Hạ tầng tấn công chung (${values.join(', ')}) được ghi nhận tại nhiều tổ chức. Kỹ thuật: ${c.techniques.join(', ') || 'chưa rõ'}.`,
      bodyEn: `Shared attack infrastructure (${values.join(', ')}) seen at several organisations. Techniques: ${c.techniques.join(', ') || 'unknown'}.`, indicators,
      references: attackReferences(c.techniques) });
  }

  /** Proposes a sector-wide warning from a surge signal (the statistics module calls this). */
  async proposeFromSurge(s: SurgeSignal): Promise<void> {
    await this.#p.db.transaction().execute((tx) => this.#propose(tx, { origin: 'surge', campaignId: null, surgeKey: `${s.sector}|${s.rsitClass}|${s.windowStart}`, severity: s.severity, sectors: [s.sector], orgIds: null,
      titleVi: s.rsitClass ? `Gia tăng bất thường "${s.rsitClass}" trong lĩnh vực ${s.sector}` : `Hoạt động tấn công gia tăng bất thường trong lĩnh vực ${s.sector}`,
      titleEn: s.rsitClass ? `Surge of "${s.rsitClass}" in sector ${s.sector}` : `Abnormal surge of attack activity in sector ${s.sector}`,
      bodyVi: `${s.count} cảnh báo so với mức nền ${s.baseline} từ ${s.windowStart}.`, bodyEn: `${s.count} alerts against a baseline of ${s.baseline} since ${s.windowStart}.`, indicators: [],
      references: s.rsitClass ? [{ url: RSIT, summary: `Reference Security Incident Taxonomy (RSIT): the class "${s.rsitClass}"` }] : [] }));
    this.#p.relay.wake();
    this.wake();
  }

  async #propose(tx: Kysely<DB>, w: { origin: string; campaignId: string | null; surgeKey: string | null; severity: number; sectors: string[]; orgIds: string[] | null; titleVi: string; titleEn: string; bodyVi: string; bodyEn: string; indicators: unknown[]; references: unknown[] }): Promise<void> {
    const root = (await sql<{ id: string }>`select id from organizations where parent_id is null and kind = 'coordination_centre' limit 1`.execute(tx)).rows[0]!;
    const targeting = w.orgIds ? { orgIds: w.orgIds } : { sectors: w.sectors };
    const ins = await sql<{ id: string }>`insert into warnings (author_org_id, status, origin, campaign_id, surge_key, title_vi, title_en, body_vi, body_en, severity, tlp, targeting, indicators, "references")
      values (${root.id}, 'proposed', ${w.origin}, ${w.campaignId}, ${w.surgeKey}, ${w.titleVi}, ${w.titleEn}, ${w.bodyVi}, ${w.bodyEn}, ${w.severity}, 'AMBER', ${JSON.stringify(targeting)}, ${JSON.stringify(w.indicators)},
        ${JSON.stringify(w.references)})
      on conflict do nothing returning id`.execute(tx);
    const id = ins.rows[0]?.id;
    if (!id) return;
    const auto = await sql`select 1 from warning_policies where auto_issue and min_severity <= ${w.severity} and (sector_code is null or sector_code = any(${w.sectors}::text[])) limit 1`.execute(tx);
    if (auto.rows.length) await repo.issue(tx, id, w.orgIds ?? (await repo.resolve(tx, targeting)).map((r) => r.id), 'policy');
    else await sql`insert into outbox (type, audience, payload) values ('warning.updated', ${JSON.stringify({ orgIds: [root.id] })}::jsonb, ${JSON.stringify({ id, status: 'proposed' })}::jsonb)`.execute(tx);
  }

  async #round(): Promise<void> {
    const db = this.#p.db;
    const due = (await sql<{ id: string; warning_id: string; org_id: string; channel: string; target: string; purpose: string; attempts: number }>`select id::text as id, warning_id, org_id, channel, target, purpose, attempts
      from warning_deliveries where status = 'pending' and next_attempt_at <= now() order by id limit 50`.execute(db)).rows;
    for (const d of due) {
      let error: string | null = null;
      try {
        await this.#send(d);
      } catch (err) {
        error = (err as Error).message.slice(0, 500);
      }
      const dead = error !== null && d.attempts + 1 >= this.maxAttempts;
      if (dead) error = `dead letter after ${d.attempts + 1} attempts: ${error}`;
      await sql`update warning_deliveries set attempts = attempts + 1, last_error = ${error}, status = ${error === null ? 'delivered' : dead ? 'dead' : 'pending'},
        delivered_at = ${error === null ? new Date() : null}, next_attempt_at = ${new Date(Date.now() + this.backoffMs * 2 ** d.attempts)} where id = ${d.id}::bigint`.execute(db);
    }
    await this.#remind();
  }

  async #send(d: { warning_id: string; org_id: string; channel: string; target: string; purpose: string }): Promise<void> {
    const w = await repo.get(this.#p.db, d.warning_id);
    if (!w) throw new Error('warning gone');
    const payload = { type: d.purpose === 'reminder' ? 'warning.reminder' : 'warning.issued', warning: { id: w.id, titleVi: w.title_vi, titleEn: w.title_en, bodyVi: w.body_vi, bodyEn: w.body_en, severity: w.severity, tlp: w.tlp, indicators: w.indicators, cves: w.cves }, orgId: d.org_id };
    if (d.channel === 'webhook') {
      const hook = (await sql<{ url: string; secret: string }>`select url, secret from warning_webhooks where id = ${d.target}::uuid and enabled`.execute(this.#p.db)).rows[0];
      if (!hook) throw new Error('webhook endpoint removed or disabled');
      await postWebhook(hook.url, hook.secret, payload, this.#targets);
      return;
    }
    if (!this.#mail) throw new Error('SMTP_URL is not configured');
    const prefix = d.purpose === 'reminder' ? '[Nhắc lại / Reminder] ' : '';
    await this.#mail.sendMail({ from: process.env.SMTP_FROM ?? 'canhbao@lachan.local', to: d.target, subject: `${prefix}[TLP:${w.tlp}] ${w.title_vi} / ${w.title_en}`, text: `${w.body_vi}\n\n---\n\n${w.body_en}\n` });
  }

  /** Reminds recipients that have not acknowledged an issued warning within 4 h (by `platform.now()`), at most 3 times; one statement claims each reminder. */
  async #remind(): Promise<void> {
    const now = this.#p.now();
    const edge = new Date(now.getTime() - REMIND_AFTER_MS);
    await this.#p.db.transaction().execute(async (tx) => {
      const due = (await sql<{ warning_id: string; org_id: string }>`update warning_recipients r set reminders = reminders + 1, last_reminded_at = ${now}
        from warnings w where w.id = r.warning_id and w.status = 'issued' and r.acked_at is null and w.issued_at < ${edge} and coalesce(r.last_reminded_at, w.issued_at) < ${edge} and r.reminders < 3
        returning r.warning_id, r.org_id`.execute(tx)).rows;
      if (!due.length) return;
      await sql`insert into warning_deliveries (warning_id, org_id, channel, target, purpose) select d.warning_id, d.org_id, 'email', o.incident_reception_email, 'reminder'
        from unnest(${due.map((x) => x.warning_id)}::uuid[], ${due.map((x) => x.org_id)}::uuid[]) as d(warning_id, org_id) join organizations o on o.id = d.org_id where o.incident_reception_email is not null`.execute(tx);
      await sql`insert into outbox (type, audience, payload) select 'warning.reminder', jsonb_build_object('orgIds', jsonb_build_array(o)), jsonb_build_object('id', w)
        from unnest(${due.map((x) => x.warning_id)}::uuid[], ${due.map((x) => x.org_id)}::uuid[]) as d(w, o)`.execute(tx);
    });
    this.#p.relay.wake();
  }
}
