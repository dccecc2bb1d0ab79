import { sql, type Kysely } from 'kysely';
import type { Deadline } from '@lachan/contracts';
import type { DB } from '../../db/index.ts';
import type { IncidentParts } from './incident-parts.ts';
import { applicableRegimes, deadlinesOf, nextDeadline, type ComputedDeadline } from './reporting-clock.ts';
import { presentRegime, regimesRepository } from './regimes.repository.ts';
import { incidentSystemsRepository } from './incident-systems.repository.ts';

type ClockRow = {
  id: string; number: string; title: string; title_code: string | null; title_params: Record<string, string> | null; org_id: string; status: string; serious: boolean; personal_data: boolean; created_at: Date; discovered_at: Date | null;
  occurred_at: Date | null; beyond_capacity_at: Date | null; response_ended_at: Date | null; serious_at: Date | null;
};

/** A computed deadline as the API shows it. */
export function presentDeadline(inc: Pick<ClockRow, 'id' | 'number' | 'title' | 'title_code' | 'title_params' | 'org_id'>, d: ComputedDeadline): Deadline {
  return {
    incidentId: inc.id, incidentReference: reference(inc.number), incidentTitle: inc.title,
    incidentTitleCode: inc.title_code as Deadline['incidentTitleCode'], incidentTitleParams: inc.title_params, orgId: inc.org_id, regimeId: d.regimeId, regimeCode: d.regimeCode,
    ruleKey: d.rule.key, kind: d.rule.kind, recipientCodes: d.rule.recipientCodes ?? [], recipients: d.rule.recipients, startedAt: d.startedAt?.toISOString() ?? null, dueAt: d.dueAt?.toISOString() ?? null,
    state: d.state, secondsLeft: d.secondsLeft, metAt: d.metAt?.toISOString() ?? null,
  };
}

/** The human reference of an incident number. */
export const reference = (n: string | number): string => `LC-${String(n).padStart(6, '0')}`;

/** Reporting clocks of incidents: which regimes apply, what is due, and the stored next deadline. */
export class IncidentClock {
  #p: Pick<IncidentParts, 'orgTree' | 'now'>;
  constructor(parts: Pick<IncidentParts, 'orgTree' | 'now'>) {
    this.#p = parts;
  }

  now(): Date {
    return this.#p.now();
  }

  async #row(db: Kysely<DB>, id: string): Promise<ClockRow | undefined> {
    return (await sql<ClockRow>`select id, number::text as number, title, title_code, title_params, org_id, status, serious, personal_data, created_at, discovered_at, occurred_at, beyond_capacity_at,
      response_ended_at, serious_at from incidents where id = ${id}`.execute(db)).rows[0];
  }

  /** Every deadline of one incident now. */
  async deadlines(db: Kysely<DB>, id: string): Promise<{ inc: ClockRow; deadlines: ComputedDeadline[] } | null> {
    const inc = await this.#row(db, id);
    if (!inc) return null;
    const [regimes, reports] = await Promise.all([regimesRepository.ofIncident(db, id), regimesRepository.reportsFiled(db, id)]);
    const clock = {
      status: inc.status, createdAt: inc.created_at, discoveredAt: inc.discovered_at, occurredAt: inc.occurred_at, beyondCapacityAt: inc.beyond_capacity_at,
      responseEndedAt: inc.response_ended_at, seriousAt: inc.serious_at,
    };
    return { inc, deadlines: deadlinesOf(clock, regimes.map((r) => ({ id: r.id, code: r.code, rules: r.rules })), reports, this.now()) };
  }

  /** Stores the earliest deadline still owed, for the list's countdown and overdue filter (inside the change's transaction). */
  async refresh(tx: Kysely<DB>, id: string): Promise<void> {
    const d = await this.deadlines(tx, id);
    if (d) await sql`update incidents set next_deadline_at = ${nextDeadline(d.deadlines)} where id = ${id}`.execute(tx);
  }

  /**
   * Chooses the regimes that apply (track, owner's sectors, personal data, affected systems), or those
   * `codes` name; then refreshes the clock. Never drops a regime a report was filed under, nor (when
   * choosing by itself) one the analyst named: the new set is the union. Call `orgTree.ensure()` before
   * the transaction.
   */
  async chooseRegimes(tx: Kysely<DB>, id: string, codes?: string[]): Promise<void> {
    const inc = (await this.#row(tx, id))!;
    const all = (await regimesRepository.all(tx)).map((r) => ({ ...presentRegime(r) }));
    const systems = await incidentSystemsRepository.traits(tx, id);
    const chosen = codes ? all.filter((r) => codes.includes(r.code)) : applicableRegimes(all, {
      serious: inc.serious, personalData: inc.personal_data, sectors: this.#p.orgTree.profile(inc.org_id)?.sectors ?? [], at: inc.discovered_at ?? inc.created_at, systems,
    });
    const kept = await regimesRepository.keptForIncident(tx, id, !codes);
    const ids = [...new Set([...chosen.map((r) => r.id), ...kept])];
    await regimesRepository.setForIncident(tx, id, ids, codes ? chosen.map((r) => r.id) : undefined);
    await this.refresh(tx, id);
  }
}
