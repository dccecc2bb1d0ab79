import { sql } from 'kysely';
import { recordChange } from '../events/index.ts';
import { systemContext } from '../../core/context.ts';
import { PeriodicTask } from '../../common/periodic-task.ts';
import type { AssessmentsParts } from './assessments-parts.ts';

const EVERY_MS = 60_000;
/** Reminded this many days before the due date; escalated to the supervisor this many days after it. */
export const DUE_SOON_DAYS = 3;
export const ESCALATE_AFTER_DAYS = 7;
const BATCH = 500;

type Kind = 'due_soon' | 'overdue' | 'escalated';
type Due = { id: string; org_id: string; campaign_id: string; title: string; system_name: string; due_date: string; kind: Kind };

/**
 * The deadline of every task not yet submitted, as the incident reporting clocks do it: one
 * `assessment.due_soon` to the owner before the due date, one `assessment.overdue` after it, and one
 * `assessment.escalated` to the owner's supervisor (its parent organisation) a week later. The
 * reminder row and its event are written in one transaction; the row's key makes re-runs no-ops.
 */
export class AssessmentDeadlines {
  #p: AssessmentsParts;
  /** Started and stopped by the node that leads it. */
  readonly task = new PeriodicTask(EVERY_MS, () => this.#pass());
  constructor(parts: AssessmentsParts) {
    this.#p = parts;
  }

  /** One pass now; resolves to the reminders sent. */
  run(): Promise<number> {
    return this.task.run();
  }

  async #pass(): Promise<number> {
    const today = this.#p.now().toISOString().slice(0, 10);
    await this.#p.orgTree.ensure();
    const due = await sql<Due>`select t.id, t.org_id, t.campaign_id, c.title, s.name as system_name, to_char(c.due_date, 'YYYY-MM-DD') as due_date, k.kind
      from assessment_tasks t join assessment_campaigns c on c.id = t.campaign_id join information_systems s on s.id = t.system_id
      cross join lateral (values
        (case when ${today}::date > c.due_date + ${ESCALATE_AFTER_DAYS}::int then 'escalated' end),
        (case when ${today}::date > c.due_date then 'overdue' end),
        (case when ${today}::date >= c.due_date - ${DUE_SOON_DAYS}::int then 'due_soon' end)) as k(kind)
      where c.status = 'open' and t.status = 'open' and t.version = 0 and k.kind is not null
        and not exists (select 1 from assessment_reminders r where r.task_id = t.id and r.kind = k.kind)
      limit ${BATCH}`.execute(this.#p.db);
    let sent = 0;
    for (const d of due.rows) {
      const supervisor = this.#p.orgTree.ancestors(d.org_id)[0] ?? null;
      const to = d.kind === 'escalated' ? (supervisor ? [supervisor] : []) : [d.org_id];
      sent += await this.#p.db.transaction().execute(async (tx) => {
        const r = await sql`insert into assessment_reminders (task_id, kind) values (${d.id}, ${d.kind}) on conflict do nothing`.execute(tx);
        if (!Number(r.numAffectedRows ?? 0)) return 0;
        await recordChange(tx, systemContext(d.org_id, 'assessment deadlines'), {
          action: `assessment.${d.kind}`, entityType: 'assessment_task', entityId: d.id, orgId: d.org_id, after: { dueDate: d.due_date, to },
          event: {
            type: `assessment.${d.kind}`, audience: { orgIds: to, manage: true },
            data: { taskId: d.id, campaignId: d.campaign_id, campaignTitle: d.title, systemName: d.system_name, orgId: d.org_id, dueDate: d.due_date },
          },
        });
        return 1;
      });
    }
    if (sent) this.#p.relay.wake();
    return sent;
  }
}
