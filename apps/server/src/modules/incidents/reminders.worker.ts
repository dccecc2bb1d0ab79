import { sql } from 'kysely';
import { writeEvents } from '../events/index.ts';
import type { ReminderParts } from './incident-parts.ts';
import { PeriodicTask } from '../../common/periodic-task.ts';
import { IncidentAccess } from './incident-access.ts';
import { IncidentClock, presentDeadline } from './incident-clock.ts';
import { reminderAt } from './reporting-clock.ts';

const EVERY_MS = 60_000;

/**
 * Reminds owners (and everyone who may see the incident) before and after each reporting deadline:
 * one `incident.report_due_soon` and one `incident.report_overdue` event per deadline, ever. The
 * reminder row and its event are written in one transaction, and the row's key makes re-runs no-ops.
 */
export class ReportingReminders {
  #p: ReminderParts;
  #clock: IncidentClock;
  #access: IncidentAccess;
  #task = new PeriodicTask(EVERY_MS, () => this.#pass());
  constructor(parts: ReminderParts) {
    this.#p = parts;
    this.#clock = new IncidentClock(parts);
    this.#access = new IncidentAccess(parts);
  }

  start(): void {
    this.#task.start();
  }

  stop(): Promise<void> {
    return this.#task.stop();
  }

  /** One pass over incidents with a deadline within a day or passed; returns the reminders sent. */
  run(): Promise<number> {
    return this.#task.run();
  }

  async #pass(): Promise<number> {
    const now = this.#p.now();
    await this.#p.orgTree.ensure();
    const ids = await sql<{ id: string }>`select id from incidents where next_deadline_at is not null and next_deadline_at < ${new Date(now.getTime() + 86_400_000)} and status <> 'rejected'`.execute(this.#p.db);
    let sent = 0;
    for (const { id } of ids.rows) {
      const c = await this.#clock.deadlines(this.#p.db, id);
      if (!c) continue;
      for (const d of c.deadlines) {
        const kind = d.state === 'overdue' ? 'overdue' : d.state === 'due' && (reminderAt(d)?.getTime() ?? Infinity) <= now.getTime() ? 'due_soon' : null;
        if (!kind) continue;
        sent += await this.#p.db.transaction().execute(async (tx) => {
          const r = await sql`insert into incident_reminders (incident_id, regime_id, rule_key, kind, due_at) values (${id}, ${d.regimeId}, ${d.rule.key}, ${kind}, ${d.dueAt}) on conflict do nothing`.execute(tx);
          if (!Number(r.numAffectedRows ?? 0)) return 0;
          const audience = await this.#access.audience(tx, id);
          await writeEvents(tx, [{ type: kind === 'overdue' ? 'incident.report_overdue' : 'incident.report_due_soon', audience, payload: presentDeadline(c.inc, d) }]);
          await sql`insert into incident_events (incident_id, kind, actor_name, data) values (${id}, ${kind === 'overdue' ? 'report_overdue' : 'report_due_soon'}, 'system', ${JSON.stringify({ regimeCode: d.regimeCode, rule: d.rule.key, dueAt: d.dueAt })}::jsonb)`.execute(tx);
          return 1;
        });
      }
    }
    if (sent) this.#p.relay.wake();
    return sent;
  }
}
