import { sql, type Kysely } from 'kysely';
import type { DeadlinesQuery, IncidentReport, RegimeApplies, ReportContent, ReportingRegime, ReportingRegimeCreate, ReportingRule, ReportKind } from '@lachan/contracts';
import type { DB } from '../../db/index.ts';

export type RegimeRow = {
  id: string; code: string; name: string; name_en: string; legal_basis: string; applies: RegimeApplies; rules: ReportingRule[]; active: boolean;
  effective_from: string; effective_to: string | null; created_at: Date; updated_at: Date;
};
/** A report filed on an incident, with the code of the regime it was filed under. */
export type ReportRow = {
  id: string; incident_id: string; regime_id: string | null; regime_code: string | null; kind: IncidentReport['kind']; version: number; content: ReportContent;
  submitted_by_id: string | null; submitted_by_name: string; submitted_by_org_id: string; submitted_at: Date;
};
const cols = sql`id, code, name, name_en, legal_basis, applies, rules, active, effective_from::text as effective_from, effective_to::text as effective_to, created_at, updated_at`;

/** A regime as the API shows it. */
export const presentRegime = (r: RegimeRow): ReportingRegime => ({
  id: r.id, code: r.code, name: r.name, nameEn: r.name_en, legalBasis: r.legal_basis, applies: r.applies, rules: r.rules, active: r.active,
  effectiveFrom: r.effective_from, effectiveTo: r.effective_to, createdAt: r.created_at.toISOString(), updatedAt: r.updated_at.toISOString(),
});

/** SQL for reporting regimes, the regimes of each incident and the reports filed. */
export const regimesRepository = {
  async all(db: Kysely<DB>): Promise<RegimeRow[]> {
    return (await sql<RegimeRow>`select ${cols} from reporting_regimes order by code`.execute(db)).rows;
  },
  async byId(db: Kysely<DB>, id: string): Promise<RegimeRow | undefined> {
    return (await sql<RegimeRow>`select ${cols} from reporting_regimes where id = ${id}`.execute(db)).rows[0];
  },
  async ofIncident(db: Kysely<DB>, incidentId: string): Promise<RegimeRow[]> {
    return (await sql<RegimeRow>`select ${cols} from reporting_regimes where id in (select regime_id from incident_regimes where incident_id = ${incidentId}) order by code`.execute(db)).rows;
  },
  /**
   * Makes `regimeIds` the incident's regimes; `named` (when the analyst named them) marks which ones
   * were named, and unmarks the others, so that a later automatic re-choice keeps exactly those.
   */
  async setForIncident(tx: Kysely<DB>, incidentId: string, regimeIds: string[], named?: string[]): Promise<void> {
    await sql`delete from incident_regimes where incident_id = ${incidentId} and not (regime_id = any(${regimeIds}::uuid[]))`.execute(tx);
    if (regimeIds.length) await sql`insert into incident_regimes (incident_id, regime_id) select ${incidentId}, r from unnest(${regimeIds}::uuid[]) as x(r) on conflict do nothing`.execute(tx);
    if (named) await sql`update incident_regimes set named = (regime_id = any(${named}::uuid[])) where incident_id = ${incidentId}`.execute(tx);
  },
  /** Regimes a re-choice must keep: those a report was filed under and, unless the analyst names anew, those named. */
  async keptForIncident(db: Kysely<DB>, incidentId: string, withNamed: boolean): Promise<string[]> {
    return (await sql<{ id: string }>`select regime_id as id from incident_reports where incident_id = ${incidentId} and regime_id is not null
      union select regime_id from incident_regimes where incident_id = ${incidentId} and named and ${withNamed}`.execute(db)).rows.map((r) => r.id);
  },
  async reportsFiled(db: Kysely<DB>, incidentId: string): Promise<{ regimeId: string | null; kind: ReportKind; submittedAt: Date }[]> {
    return (await sql<{ regimeId: string | null; kind: ReportKind; submittedAt: Date }>`select regime_id as "regimeId", kind, submitted_at as "submittedAt" from incident_reports where incident_id = ${incidentId}`.execute(db)).rows;
  },
  /** Incidents still owing or about to owe reports under a regime (to recompute after the regime changed). */
  async openIncidentsUnder(db: Kysely<DB>, regimeId: string): Promise<string[]> {
    return (await sql<{ id: string }>`select i.id from incident_regimes r join incidents i on i.id = r.incident_id where r.regime_id = ${regimeId} and i.status <> 'rejected'`.execute(db)).rows.map((r) => r.id);
  },
  /** The reports filed on an incident, in the order filed. */
  async reportsOf(db: Kysely<DB>, incidentId: string): Promise<ReportRow[]> {
    return (await sql<ReportRow>`select r.*, g.code as regime_code from incident_reports r left join reporting_regimes g on g.id = r.regime_id
      where r.incident_id = ${incidentId} order by r.submitted_at, r.kind, r.version`.execute(db)).rows;
  },
  /**
   * Up to 500 incidents (not rejected) under some regime, of one organisation when given, next deadline
   * first: those with a deadline unless `state` is `all`, only those past it at `now` when `overdue`.
   */
  async incidentsWithDeadlines(db: Kysely<DB>, orgId: string | null, state: DeadlinesQuery['state'], now: Date): Promise<string[]> {
    return (await sql<{ id: string }>`select i.id from incidents i where i.status <> 'rejected' and exists (select 1 from incident_regimes r where r.incident_id = i.id)
      ${orgId ? sql`and i.org_id = ${orgId}` : sql``} ${state === 'all' ? sql`` : sql`and i.next_deadline_at is not null`}
      ${state === 'overdue' ? sql`and i.next_deadline_at < ${now}` : sql``}
      order by i.next_deadline_at nulls last limit 500`.execute(db)).rows.map((r) => r.id);
  },
  /** Stores a new regime (active and in force since 2000 unless told); answers its id. */
  async insert(tx: Kysely<DB>, body: ReportingRegimeCreate): Promise<string> {
    return (await sql<{ id: string }>`insert into reporting_regimes (code, name, name_en, legal_basis, applies, rules, active, effective_from, effective_to)
      values (${body.code}, ${body.name}, ${body.nameEn}, ${body.legalBasis ?? ''}, ${JSON.stringify(body.applies)}::jsonb, ${JSON.stringify(body.rules)}::jsonb, ${body.active ?? true},
        ${body.effectiveFrom ?? '2000-01-01'}::date, ${body.effectiveTo ?? null}::date) returning id`.execute(tx)).rows[0]!.id;
  },
  /** Writes every changeable field of the regime as `next` has it. */
  async update(tx: Kysely<DB>, id: string, next: ReportingRegime): Promise<void> {
    await sql`update reporting_regimes set name = ${next.name}, name_en = ${next.nameEn}, legal_basis = ${next.legalBasis}, applies = ${JSON.stringify(next.applies)}::jsonb,
      rules = ${JSON.stringify(next.rules)}::jsonb, active = ${next.active}, effective_from = ${next.effectiveFrom}::date, effective_to = ${next.effectiveTo}::date, updated_at = now() where id = ${id}`.execute(tx);
  },
  /** The next version of a report of `kind` on the incident, under `regimeId` (null: for all its regimes). */
  async nextReportVersion(tx: Kysely<DB>, incidentId: string, kind: ReportKind, regimeId: string | null): Promise<number> {
    return (await sql<{ v: number }>`select coalesce(max(version), 0)::int + 1 as v from incident_reports where incident_id = ${incidentId} and kind = ${kind} and regime_id is not distinct from ${regimeId}`.execute(tx)).rows[0]!.v;
  },
  /** Stores a filed report; answers its id. */
  async insertReport(tx: Kysely<DB>, r: { incidentId: string; regimeId: string | null; kind: ReportKind; version: number; content: ReportContent;
    byId: string | null; byName: string; byOrgId: string; at: Date }): Promise<string> {
    return (await sql<{ id: string }>`insert into incident_reports (incident_id, regime_id, kind, version, content, submitted_by_id, submitted_by_name, submitted_by_org_id, submitted_at)
      values (${r.incidentId}, ${r.regimeId}, ${r.kind}, ${r.version}, ${JSON.stringify(r.content)}::jsonb, ${r.byId}, ${r.byName}, ${r.byOrgId}, ${r.at}) returning id`.execute(tx)).rows[0]!.id;
  },
};
