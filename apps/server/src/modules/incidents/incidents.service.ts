import type { Kysely } from 'kysely';
import type { DB } from '../../db/index.ts';
import type { IncidentCreate, IncidentDetail, IncidentListQuery, IncidentPatch, IncidentSplit, IncidentSummary, IncidentTransition, IncidentTransfer, ReportContent } from '@lachan/contracts';
import { canRead, type RequestContext } from '../../core/context.ts';
import { requirePermission } from '../../core/authorize.ts';
import { conflict, forbidden, invalid, notFound } from '../../core/errors.ts';
import { transact } from '../events/index.ts';
import type { IncidentParts } from './incident-parts.ts';
import { orgsRepository } from '../orgs/index.ts';
import { accessTo, allows, closeDecision, visibilityOf } from './incidents.policy.ts';
import { encodeCursor, incidentsRepository, type IncidentRow } from './incidents.repository.ts';
import { presentIncident, presentIncidentDetail } from './incidents.presenter.ts';
import { IncidentWriter } from './incident-writer.ts';
import { presentDeadline } from './incident-clock.ts';
import { regimesRepository } from './regimes.repository.ts';
import { attachSystemsFromAlerts, attachSystemsOfMerged } from './incident-systems.ts';
import { incidentSystemsRepository } from './incident-systems.repository.ts';
import { tagExerciseFromAlerts } from './exercise-incidents.ts';
import { PHASE_COLUMN, isTerminal, transitionError } from './incident-lifecycle.ts';
import { shareWithCentre, fileReport } from './incident-steps.ts';
import { linkWithFacts, loadAlerts, type LoadedAlert } from './alert-links.ts';
import { absorb, splitOff } from './incident-regroup.ts';
import type { MadeTitle } from './incident-title.ts';

const outsideScope = () => invalid('some alerts do not exist or are outside your scope');

const CIRCULAR_20 = 'vn-circular-20-2017';

/** Incidents: the list and detail, opening them, editing, moving through the lifecycle, escalating and transferring. */
export class IncidentsService {
  readonly writer: IncidentWriter;
  #p: IncidentParts;
  constructor(parts: IncidentParts) {
    this.#p = parts;
    this.writer = new IncidentWriter(parts);
  }

  async list(ctx: RequestContext, q: IncidentListQuery): Promise<{ items: IncidentSummary[]; nextCursor: string | null }> {
    requirePermission(ctx, 'incidents.read');
    const vis = visibilityOf(await this.writer.access.actor(ctx));
    const rows = await incidentsRepository.list(this.#p.db, vis, q, ctx.actor.id);
    if (!rows) throw invalid('the cursor is not valid');
    const limit = q.limit ?? 50;
    return { items: rows.map(presentIncident), nextCursor: rows.length === limit ? encodeCursor(rows[rows.length - 1]!) : null };
  }

  async get(ctx: RequestContext, id: string): Promise<IncidentDetail> {
    requirePermission(ctx, 'incidents.read');
    const { grant } = await this.writer.access.require(ctx, id, 'read');
    const db = this.#p.db;
    const row = (await incidentsRepository.byId(db, id))!;
    const [systems, affectedOrgs, observables, indicators, regimes, clock, alerts] = await Promise.all([
      incidentSystemsRepository.of(db, id), incidentsRepository.affectedOrgs(db, id), incidentsRepository.observables(db, id), incidentsRepository.indicators(db, id), regimesRepository.ofIncident(db, id), this.writer.clock.deadlines(db, id),
      incidentsRepository.linkedAlerts(db, id),
    ]);
    return presentIncidentDetail(row, {
      systems, affectedOrgs, observables, indicators, regimes: regimes.map((r) => ({ id: r.id, code: r.code, name: r.name })),
      deadlines: clock!.deadlines.map((d) => presentDeadline(clock!.inc, d)), access: grant,
      alerts: alerts.map((a) => ({ id: a.id, title: a.title, severity: a.severity, occurrences: a.occurrences, lastSeen: a.last_seen.toISOString() })),
    });
  }

  /**
   * Opens an incident by hand or from an organisation's report, merging alerts and other incidents into
   * it. `made`: the title the server made for it (from alerts), kept as a code the console words.
   */
  async create(ctx: RequestContext, body: IncidentCreate, made?: MadeTitle): Promise<IncidentDetail> {
    requirePermission(ctx, 'incidents.write');
    const orgId = body.orgId ?? ctx.actor.orgId;
    if (!canRead(ctx.scope, orgId)) throw forbidden('you may not open incidents for that organisation');
    const actor = await this.writer.access.actor(ctx);
    for (const mid of body.mergeIncidentIds ?? []) {
      const facts = await this.writer.access.facts(this.#p.db, mid);
      if (!facts || !allows(accessTo(actor, facts), 'manage')) throw invalid(`incident ${mid} cannot be merged by you`);
    }
    const alerts = await loadAlerts(this.#p.db, ctx, body.alertIds ?? [], outsideScope);
    const centre = body.report ? await orgsRepository.root(this.#p.db) : undefined;
    const now = this.#p.now();
    const id = await transact(this.#p, async (tx) => {
      const report: ReportContent | undefined = body.report;
      const id = await incidentsRepository.insert(tx, {
        orgId, title: body.title, description: body.description ?? report?.description ?? '', severity: body.severity, tlp: body.tlp ?? 'AMBER', pap: body.pap ?? 'AMBER',
        serious: body.serious ?? false, seriousAt: body.serious ? now : null, personalData: body.personalData ?? false,
        rsitClass: body.rsitClass ?? report?.category ?? null, rsitType: body.rsitType ?? null, source: report ? 'report' : 'manual',
        attack: body.attack ?? [], affectedAssets: body.affectedAssets ?? [], affectedSystem: body.affectedSystem ?? report?.affectedSystem ?? null,
        discoveredAt: body.discoveredAt ?? report?.discoveredAt ?? now, occurredAt: body.occurredAt ?? report?.occurredAt ?? null,
        beyondCapacity: body.beyondCapacity ?? report?.beyondCapacity ?? false, beyondCapacityAt: (body.beyondCapacity ?? report?.beyondCapacity) ? now : null,
        assigneeUserId: body.assigneeUserId ?? null, createdByOrgId: ctx.actor.orgId, at: now,
      });
      if (made) await incidentsRepository.setMadeTitle(tx, id, made.code, made.params);
      const observables = [...(body.observables ?? []), ...(report?.iocs ?? []).map((v) => ({ type: 'ioc', value: v }))];
      await incidentsRepository.replaceObservables(tx, id, observables);
      await incidentsRepository.replaceAffectedOrgs(tx, id, body.affectedOrgIds ?? []);
      if (alerts.length) await linkWithFacts(tx, id, alerts);
      await absorb(tx, id, body.mergeIncidentIds ?? []);
      await this.#attachSystems(tx, ctx, id, alerts, body.mergeIncidentIds ?? []);
      await this.writer.clock.chooseRegimes(tx, id, body.regimeCodes);
      await incidentsRepository.addEvent(tx, id, 'created', { name: ctx.actor.name, orgId: ctx.actor.orgId }, { source: report ? 'report' : 'manual', merged: body.mergeIncidentIds ?? [], alerts: alerts.length });
      if (report) await fileReport(tx, ctx, id, { kind: 'notification', content: report }, now, centre?.id ?? null);
      await this.writer.record(tx, ctx, id, 'opened', { title: body.title, orgId }, 'incident.created');
      return id;
    });
    return this.get(ctx, id);
  }

  // Actions judge their body only once the caller may act on the incident (inside `change`), so that
  // an incident the caller cannot see answers 404 whatever the body names.
  async merge(ctx: RequestContext, id: string, others: string[]): Promise<IncidentDetail> {
    await this.writer.change(ctx, id, 'manage', 'merged', async (tx, _row, who) => {
      for (const mid of others) {
        const facts = await this.writer.access.facts(tx, mid);
        if (mid === id || !facts || !allows(accessTo(who.actor, facts), 'manage')) throw invalid(`incident ${mid} cannot be merged by you`);
      }
      await absorb(tx, id, others);
      await this.#attachSystems(tx, ctx, id, [], others);
      return { data: { merged: others }, result: undefined };
    });
    return this.get(ctx, id);
  }

  async linkAlerts(ctx: RequestContext, id: string, alertIds: string[]): Promise<IncidentDetail> {
    await this.writer.change(ctx, id, 'work', 'alerts_linked', async (tx) => {
      const alerts = await loadAlerts(tx, ctx, alertIds, outsideScope);
      await linkWithFacts(tx, id, alerts);
      await this.#attachSystems(tx, ctx, id, alerts, []);
      return { data: { alerts: alertIds }, result: undefined };
    });
    return this.get(ctx, id);
  }

  /** Moves some of the incident's alerts to a new incident (related to this one); answers the new incident. */
  async split(ctx: RequestContext, id: string, body: IncidentSplit): Promise<IncidentDetail> {
    const created = await this.writer.change(ctx, id, 'work', 'split', async (tx, row) => {
      const moved = await loadAlerts(tx, ctx, body.alertIds, outsideScope);
      const into = await splitOff(tx, ctx, row, moved, body.title);
      await this.#attachSystems(tx, ctx, into, moved, []);
      await this.writer.clock.chooseRegimes(tx, into);
      await this.writer.record(tx, ctx, into, 'opened', { title: body.title ?? null, orgId: row.org_id, splitFrom: id }, 'incident.created');
      return { data: { into, alerts: body.alertIds }, result: into };
    });
    return this.get(ctx, created);
  }

  async update(ctx: RequestContext, id: string, patch: IncidentPatch): Promise<IncidentDetail> {
    const manageOnly = patch.tlp !== undefined || patch.pap !== undefined;
    await this.#p.orgTree.ensure();
    const now = this.#p.now();
    await this.writer.change(ctx, id, manageOnly ? 'manage' : 'work', 'updated', async (tx, before) => {
      const set: Record<string, unknown> = {};
      const direct = { title: 'title', description: 'description', severity: 'severity', tlp: 'tlp', pap: 'pap', personalData: 'personal_data', rsitClass: 'rsit_class', rsitType: 'rsit_type',
        attack: 'attack', affectedAssets: 'affected_assets', discoveredAt: 'discovered_at', occurredAt: 'occurred_at', assigneeUserId: 'assignee_user_id' } as const;
      for (const [k, col] of Object.entries(direct)) if (patch[k as keyof typeof direct] !== undefined) set[col] = patch[k as keyof typeof direct];
      // A title someone writes replaces the one the server made.
      if (patch.title !== undefined) Object.assign(set, { title_code: null, title_params: null });
      if (patch.affectedSystem !== undefined) set.affected_system = JSON.stringify(patch.affectedSystem);
      if (patch.serious !== undefined && patch.serious !== before.serious) Object.assign(set, { serious: patch.serious, serious_at: patch.serious ? now : before.serious_at });
      if (patch.beyondCapacity !== undefined) Object.assign(set, { beyond_capacity: patch.beyondCapacity, beyond_capacity_at: patch.beyondCapacity ? (before.beyond_capacity_at ?? now) : before.beyond_capacity_at });
      if (Object.keys(set).length) await incidentsRepository.updateColumns(tx, id, set, now);
      if (patch.observables) await incidentsRepository.replaceObservables(tx, id, patch.observables);
      if (patch.affectedOrgIds) await incidentsRepository.replaceAffectedOrgs(tx, id, patch.affectedOrgIds);
      if (patch.serious !== undefined || patch.personalData !== undefined) await this.writer.clock.chooseRegimes(tx, id);
      return { data: patch, result: undefined };
    });
    return this.get(ctx, id);
  }

  async transition(ctx: RequestContext, id: string, t: IncidentTransition): Promise<IncidentDetail> {
    const action = t.to === 'rejected' || isTerminal(t.to) ? 'read' : 'work';
    const now = this.#p.now();
    await this.writer.change(ctx, id, action, 'status', async (tx, row, who) => {
      const err = transitionError(row.status as never, t.to);
      if (err) throw conflict(err);
      if (t.to === 'closed') {
        const regimes = await regimesRepository.ofIncident(tx, id);
        const reports = await regimesRepository.reportsFiled(tx, id);
        const decision = closeDecision(who.actor, who.grant, { underCircular20: regimes.some((r) => r.code.startsWith(CIRCULAR_20)), finalReportFiled: reports.some((r) => r.kind === 'final') });
        if (decision === 'forbidden') throw forbidden('the national coordinating centre closes Circular 20 incidents; others need the owner profile');
        if (decision === 'needs_final_report') throw conflict('a Circular 20 incident is closed only after its final report');
      } else if ((t.to === 'rejected' || isTerminal(row.status)) && !allows(who.grant, 'manage')) throw forbidden('only the owner of the incident may reject or reopen it');
      if (t.to === 'rejected' && t.resolution === 'duplicate' && !t.duplicateOf) throw invalid('name the incident this one duplicates (duplicateOf)');
      const resolution = t.to === 'closed' ? 'resolved' : t.to === 'rejected' ? (t.resolution ?? 'false_positive') : null;
      await incidentsRepository.setStatus(tx, id, {
        to: t.to, at: now, resolution, duplicateOf: t.to === 'rejected' ? (t.duplicateOf ?? null) : null, phaseColumn: PHASE_COLUMN[t.to], endsResponse: t.to === 'closed',
      });
      if (row.status === 'new' && !(await regimesRepository.ofIncident(tx, id)).length) await this.writer.clock.chooseRegimes(tx, id);
      return { data: { from: row.status, to: t.to, reason: t.reason, resolution }, result: undefined };
    });
    return this.get(ctx, id);
  }

  /** Marks the response as completed: the clock of the final report starts. */
  async completeResponse(ctx: RequestContext, id: string): Promise<IncidentDetail> {
    const now = this.#p.now();
    await this.writer.change(ctx, id, 'work', 'response_completed', async (tx, row) => {
      if (row.response_ended_at) throw conflict('the response is already marked completed');
      await incidentsRepository.markResponseEnded(tx, id, now);
      return { data: { at: now.toISOString() }, result: undefined };
    });
    return this.get(ctx, id);
  }

  /** Escalates to the national centre: shares the incident with it and notes the time. */
  async escalate(ctx: RequestContext, id: string, message: string): Promise<IncidentDetail> {
    const centre = await orgsRepository.root(this.#p.db);
    if (!centre) throw notFound('national centre');
    const now = this.#p.now();
    await this.writer.change(ctx, id, 'work', 'escalated', async (tx, row) => {
      await shareWithCentre(tx, ctx, id, centre.id, row.tlp, 'escalation');
      await incidentsRepository.markEscalated(tx, id, now);
      return { data: { message, to: centre.id }, result: undefined };
    });
    return this.get(ctx, id);
  }

  /** Hands the incident to another organisation; the previous owner keeps analyst access unless told otherwise. */
  async transfer(ctx: RequestContext, id: string, body: IncidentTransfer): Promise<IncidentDetail> {
    const to = await orgsRepository.byId(this.#p.db, body.orgId);
    if (!to || to.status !== 'active') throw invalid('the organisation does not exist or is not active');
    await this.writer.change(ctx, id, 'manage', 'transferred', async (tx, row: IncidentRow) => {
      if (row.org_id === body.orgId) throw conflict('the incident already belongs to that organisation');
      await incidentsRepository.transferTo(tx, id, body.orgId, ctx.actor.name);
      if (body.keepAccess !== false) await incidentsRepository.shareWithPreviousOwner(tx, id, row.org_id, ctx.actor.name);
      return { data: { from: row.org_id, to: body.orgId }, result: undefined };
    });
    return this.get(ctx, id);
  }

  /**
   * The systems the incident's new alerts land on and those of the incidents merged into it join the
   * incident, with the severity and reporting regimes they bring (inside the change's transaction).
   */
  async #attachSystems(tx: Kysely<DB>, ctx: RequestContext, id: string, alerts: readonly LoadedAlert[], merged: readonly string[]): Promise<void> {
    const by = { name: ctx.actor.name, orgId: ctx.actor.orgId };
    if (alerts.length) await tagExerciseFromAlerts(tx, id);
    await attachSystemsFromAlerts(tx, alerts.map((a) => ({ id, day: a.day, alert: a.id, orgId: a.orgId })), this.writer.clock, by);
    await attachSystemsOfMerged(tx, id, merged, this.writer.clock, by);
  }

  async setRegimes(ctx: RequestContext, id: string, codes: string[]): Promise<IncidentDetail> {
    const known = new Set((await regimesRepository.all(this.#p.db)).map((r) => r.code));
    const unknown = codes.filter((c) => !known.has(c));
    if (unknown.length) throw invalid(`unknown regimes: ${unknown.join(', ')}`);
    await this.writer.change(ctx, id, 'manage', 'regimes', async (tx) => ({ data: { regimes: codes }, result: await this.writer.clock.chooseRegimes(tx, id, codes) }));
    return this.get(ctx, id);
  }
}
