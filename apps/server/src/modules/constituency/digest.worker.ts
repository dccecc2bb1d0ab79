import { createTransport, type Transporter } from 'nodemailer';
import type { ConstituencyParts } from './constituency-parts.ts';
import { messageId } from '../../common/mail.ts';
import { PeriodicTask } from '../../common/periodic-task.ts';
import { digestsRepository, type DigestRecord } from './digests.repository.ts';
import { rowsRepository } from './rows.repository.ts';

const EVERY_MS = 5 * 60_000;
const MAX_ATTEMPTS = 6;
/** How long a claimed digest is this process's to send; then another may take it. */
const LEASE_S = 120;
/** The first retry's wait; doubled at each failed attempt. */
const RETRY_S = 60;
const ROWS_IN_MAIL = 100;
const SEVERITY = ['', 'low', 'medium', 'high', 'critical'];
const DAY_MS = 86_400_000;

/**
 * The daily digest of constituency reports: once a UTC day is over, one digest per organisation that
 * received rows that day, e-mailed (the warnings' SMTP path, `SMTP_URL`) to its incident reception
 * address in Vietnamese and English; retried on the next passes, failed after MAX_ATTEMPTS. Idempotent:
 * a digest is made once per organisation and day, and marked sent once.
 */
export class DigestWorker {
  #p: Pick<ConstituencyParts, 'db' | 'config' | 'now'>;
  #mail: Transporter | null;
  readonly task: PeriodicTask;

  constructor(parts: Pick<ConstituencyParts, 'db' | 'config' | 'now'>, mail: Transporter | null = parts.config.smtpUrl ? createTransport(parts.config.smtpUrl) : null) {
    this.#p = parts;
    this.#mail = mail;
    this.task = new PeriodicTask(EVERY_MS, () => this.pass());
  }

  /** Makes the digests of the last two finished days (a restart misses none) and sends those pending. */
  async pass(): Promise<number> {
    const now = this.#p.now().getTime();
    for (const back of [2, 1]) await digestsRepository.make(this.#p.db, new Date(now - back * DAY_MS).toISOString().slice(0, 10));
    let sent = 0;
    for (const d of await digestsRepository.claimDue(this.#p.db, MAX_ATTEMPTS, 50, LEASE_S)) {
      let error: string | null = null;
      try {
        await this.#send(d);
        sent++;
      } catch (err) {
        error = (err as Error).message.slice(0, 500);
      }
      await digestsRepository.settle(this.#p.db, d, { error, dead: error !== null && d.attempts + 1 >= MAX_ATTEMPTS, retryInS: RETRY_S * 2 ** d.attempts });
    }
    return sent;
  }

  async #send(d: DigestRecord): Promise<void> {
    if (!this.#mail) throw new Error('SMTP_URL is not configured');
    const { summary, rows } = await rowsRepository.digest(this.#p.db, d.org_id, d.day, ROWS_IN_MAIL);
    const total = summary.reduce((n, s) => n + s.rows, 0);
    const table = summary.map((s) => `  ${s.report_type}: ${s.rows} (${s.hosts} host(s), max ${SEVERITY[s.max_severity]})`).join('\n');
    const list = rows.map((r) => `  [${SEVERITY[r.severity]}] ${r.report_type} ${r.report_day} ${r.host ?? ''} — ${r.title}`).join('\n');
    const more = total > rows.length ? `\n  … ${total - rows.length} more / còn ${total - rows.length} dòng nữa` : '';
    await this.#mail.sendMail({
      from: this.#p.config.smtpFrom,
      // Stable across attempts and processes: a receiver that saw an attempt whose outcome was lost drops the repeat.
      messageId: messageId(`lachan-digest-${d.org_id}-${d.day}`, this.#p.config.smtpFrom),
      to: d.recipient!,
      subject: `[Lachan] Báo cáo địa bàn ngày ${d.day}: ${total} / Constituency reports of ${d.day}: ${total}`,
      text: `Các nguồn giám sát bên ngoài đã báo về ${total} địa chỉ của tổ chức ngày ${d.day} (UTC). Chi tiết trong hàng đợi cảnh báo của tổ chức.\n`
        + `Outside monitoring reported ${total} of your organisation's hosts on ${d.day} (UTC). Details are in your organisation's alert queue.\n\n`
        + `${table}\n\n${list}${more}\n`,
    });
  }
}
