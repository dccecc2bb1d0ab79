import type { Deadline, DeadlinesQuery, IncidentReport, IncidentReportCreate, ReportingRegime, ReportingRegimeCreate, ReportingRegimePatch } from '@lachan/contracts';
import type { RequestContext } from '../../core/context.ts';
import { canRead } from '../../core/context.ts';
import { requirePermission } from '../../core/authorize.ts';
import { conflict, forbidden, invalid, notFound } from '../../core/errors.ts';
import { recordChange, transact } from '../events/index.ts';
import type { IncidentParts } from './incident-parts.ts';
import { orgsRepository } from '../orgs/index.ts';
import type { IncidentWriter } from './incident-writer.ts';
import { presentDeadline } from './incident-clock.ts';
import { presentRegime, regimesRepository, type ReportRow } from './regimes.repository.ts';
import { fileReport } from './incident-steps.ts';
import { accessTo } from './incidents.policy.ts';

const presentReport = (r: ReportRow): IncidentReport => ({
  id: r.id, incidentId: r.incident_id, regimeId: r.regime_id, regimeCode: r.regime_code, kind: r.kind, version: r.version, content: r.content,
  submittedById: r.submitted_by_id, submittedByName: r.submitted_by_name, submittedByOrgId: r.submitted_by_org_id, submittedAt: r.submitted_at.toISOString(),
});

/** Reports filed on incidents, the deadlines they answer, and the reporting regimes themselves. */
export class IncidentReportsService {
  #p: Pick<IncidentParts, 'db' | 'relay' | 'now'>;
  #w: IncidentWriter;
  constructor(parts: Pick<IncidentParts, 'db' | 'relay' | 'now'>, writer: IncidentWriter) {
    this.#p = parts;
    this.#w = writer;
  }

  async list(ctx: RequestContext, incidentId: string): Promise<IncidentReport[]> {
    await this.#w.access.require(ctx, incidentId, 'read');
    return (await regimesRepository.reportsOf(this.#p.db, incidentId)).map(presentReport);
  }

  async file(ctx: RequestContext, incidentId: string, body: IncidentReportCreate): Promise<IncidentReport> {
    const centre = await orgsRepository.root(this.#p.db);
    const id = await this.#w.change(ctx, incidentId, 'work', 'report_filed', async (tx) => {
      // Judged after access: which regimes an incident is under is not told to those who cannot see it.
      let regimeId: string | null = null;
      if (body.regimeCode) {
        const regime = (await regimesRepository.ofIncident(tx, incidentId)).find((r) => r.code === body.regimeCode);
        if (!regime) throw invalid(`the incident is not under regime ${body.regimeCode}`);
        regimeId = regime.id;
      }
      const id = await fileReport(tx, ctx, incidentId, { kind: body.kind, regimeId, content: body.content }, this.#p.now(), centre?.id ?? null);
      return { data: { kind: body.kind, regimeCode: body.regimeCode ?? null, reportId: id }, result: id };
    });
    return (await this.list(ctx, incidentId)).find((r) => r.id === id)!;
  }

  /** "My organisation's deadlines": every reporting deadline of incidents the caller sees, soonest first. */
  async deadlines(ctx: RequestContext, q: DeadlinesQuery): Promise<Deadline[]> {
    requirePermission(ctx, 'incidents.read');
    if (q.orgId && !canRead(ctx.scope, q.orgId) && q.orgId !== ctx.actor.orgId) throw forbidden('that organisation is outside your scope');
    const actor = await this.#w.access.actor(ctx);
    const orgFilter = q.orgId ?? (ctx.scope.all ? null : ctx.actor.orgId);
    const ids = await regimesRepository.incidentsWithDeadlines(this.#p.db, orgFilter, q.state, this.#p.now());
    const out: Deadline[] = [];
    for (const id of ids) {
      const facts = await this.#w.access.facts(this.#p.db, id);
      if (!facts || !accessTo(actor, facts)) continue;
      const c = await this.#w.clock.deadlines(this.#p.db, id);
      if (!c) continue;
      for (const d of c.deadlines) if (q.state === 'all' || d.state === 'overdue' || (q.state !== 'overdue' && d.state === 'due')) out.push(presentDeadline(c.inc, d));
    }
    return out.sort((a, b) => (a.dueAt ?? '9').localeCompare(b.dueAt ?? '9'));
  }

  async regimes(ctx: RequestContext): Promise<ReportingRegime[]> {
    requirePermission(ctx, 'incidents.read');
    return (await regimesRepository.all(this.#p.db)).map(presentRegime);
  }

  #coordinatorOnly(ctx: RequestContext): void {
    if (ctx.actor.role !== 'national_coordinator') throw forbidden('reporting regimes are kept by the national coordinator');
  }

  async createRegime(ctx: RequestContext, body: ReportingRegimeCreate): Promise<ReportingRegime> {
    this.#coordinatorOnly(ctx);
    return transact(this.#p, async (tx) => {
      if ((await regimesRepository.all(tx)).some((r) => r.code === body.code)) throw conflict('a regime with this code exists');
      const regimeId = await regimesRepository.insert(tx, body);
      const regime = presentRegime((await regimesRepository.byId(tx, regimeId))!);
      await recordChange(tx, ctx, { action: 'reporting_regime.create', entityType: 'reporting_regime', entityId: regime.id, orgId: ctx.actor.orgId, after: regime });
      return regime;
    });
  }

  /** Changes a regime; the clocks of incidents under it are recomputed in the same transaction. */
  async updateRegime(ctx: RequestContext, id: string, patch: ReportingRegimePatch): Promise<ReportingRegime> {
    this.#coordinatorOnly(ctx);
    return transact(this.#p, async (tx) => {
      const before = await regimesRepository.byId(tx, id);
      if (!before) throw notFound('reporting regime');
      const cur = presentRegime(before);
      const next = { ...cur, ...patch };
      await regimesRepository.update(tx, id, next);
      for (const incidentId of await regimesRepository.openIncidentsUnder(tx, id)) await this.#w.clock.refresh(tx, incidentId);
      const after = presentRegime((await regimesRepository.byId(tx, id))!);
      await recordChange(tx, ctx, { action: 'reporting_regime.update', entityType: 'reporting_regime', entityId: id, orgId: ctx.actor.orgId, before: cur, after });
      return after;
    });
  }
}
