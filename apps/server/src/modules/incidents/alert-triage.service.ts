import { sql } from 'kysely';
import { hasPermission, type AlertsActionResult, type AlertsAssign, type AlertsFalsePositive, type AlertsOpenIncident, type IncidentDetail, type Role } from '@lachan/contracts';
import { canRead, type RequestContext } from '../../core/context.ts';
import { requirePermission } from '../../core/authorize.ts';
import { invalid, notFound } from '../../core/errors.ts';
import { recordChange, transact } from '../events/index.ts';
import type { IncidentParts } from './incident-parts.ts';
import { loadAlerts, type LoadedAlert } from './alert-links.ts';
import { alertsTitle } from './incident-title.ts';
import type { IncidentsService } from './incidents.service.ts';
import { feedPromotion } from './false-positive-feedback.ts';
import { suppressionsRepository } from './promotion-suppressions.repository.ts';

const hidden = () => notFound('alert');
const byOrg = (alerts: readonly LoadedAlert[]) => Map.groupBy(alerts, (a) => a.orgId);

/**
 * What analysts do with alerts in the stream: open an incident from chosen alerts, mark them false
 * positive (fed back to promotion and, by the `alerts.false_positive` event, to the campaign noise
 * model), give them to someone. Only callers with incident rights whose scope holds the alerts'
 * organisation (its own people, its SOC provider, the organisations above it); other alerts are not
 * there for them (404).
 */
export class AlertTriageService {
  #p: Pick<IncidentParts, 'db' | 'relay' | 'orgTree'>;
  #incidents: IncidentsService;
  constructor(parts: Pick<IncidentParts, 'db' | 'relay' | 'orgTree'>, incidents: IncidentsService) {
    this.#p = parts;
    this.#incidents = incidents;
  }

  async openIncident(ctx: RequestContext, body: AlertsOpenIncident): Promise<IncidentDetail> {
    requirePermission(ctx, 'incidents.write');
    const alerts = await loadAlerts(this.#p.db, ctx, body.alertIds, hidden);
    const orgs = [...byOrg(alerts).keys()];
    if (orgs.length > 1) throw invalid('these alerts belong to several organisations: open one incident per organisation');
    const made = body.title ? undefined : alertsTitle(alerts);
    return this.#incidents.create(ctx, {
      orgId: orgs[0]!, title: body.title ?? made!.text, severity: body.severity ?? Math.max(...alerts.map((a) => a.severity)), tlp: body.tlp, alertIds: body.alertIds,
    }, made);
  }

  async markFalsePositive(ctx: RequestContext, body: AlertsFalsePositive): Promise<AlertsActionResult> {
    requirePermission(ctx, 'incidents.write');
    const alerts = await loadAlerts(this.#p.db, ctx, body.alertIds, hidden);
    const made = await transact(this.#p, async (tx) => {
      const marked = await sql<{ k: string }>`update alerts a set false_positive_at = now(), false_positive_reason = ${body.reason}, false_positive_by = ${ctx.actor.name}
        from unnest(${alerts.map((a) => a.day)}::date[], ${alerts.map((a) => a.id)}::bigint[]) as t(d, i)
        where a.day = t.d and a.id = t.i and a.false_positive_at is null returning a.day::text || '|' || a.id::text as k`.execute(tx);
      const fresh = new Set(marked.rows.map((r) => r.k));
      const newly = alerts.filter((a) => fresh.has(`${a.day}|${a.id}`));
      const suppressions = await feedPromotion(tx, newly, body.reason, ctx.actor.name);
      for (const [orgId, mine] of byOrg(alerts)) {
        const observables = [...new Map(mine.flatMap((a) => a.observables).map((o) => [`${o.type}|${o.value}`, { type: o.type, value: o.value }])).values()];
        await recordChange(tx, ctx, {
          action: 'alerts.false_positive', entityType: 'alert', entityId: null, orgId, after: { alertIds: mine.map((a) => a.publicId), reason: body.reason },
          event: { type: 'alerts.false_positive', audience: { orgIds: [orgId] }, data: { orgId, alertIds: mine.map((a) => a.publicId), observables, reason: body.reason } },
        });
      }
      for (const id of suppressions) {
        await recordChange(tx, ctx, { action: 'promotion_rule.suppress', entityType: 'promotion_suppression', entityId: id, orgId: alerts[0]!.orgId, after: { reason: body.reason } });
      }
      return { updated: newly.length, suppressions };
    });
    return { updated: made.updated, suppressed: await suppressionsRepository.byIds(this.#p.db, made.suppressions) };
  }

  async assign(ctx: RequestContext, body: AlertsAssign): Promise<AlertsActionResult> {
    requirePermission(ctx, 'incidents.write');
    const alerts = await loadAlerts(this.#p.db, ctx, body.alertIds, hidden);
    if (body.assigneeUserId) await this.#requireAssignee(body.assigneeUserId, alerts);
    const updated = await transact(this.#p, async (tx) => {
      const r = await sql`update alerts a set assignee_user_id = ${body.assigneeUserId}
        from unnest(${alerts.map((a) => a.day)}::date[], ${alerts.map((a) => a.id)}::bigint[]) as t(d, i)
        where a.day = t.d and a.id = t.i and a.assignee_user_id is distinct from ${body.assigneeUserId}::uuid returning a.id`.execute(tx);
      for (const [orgId, mine] of byOrg(alerts)) {
        const data = { orgId, alertIds: mine.map((a) => a.publicId), assigneeUserId: body.assigneeUserId };
        await recordChange(tx, ctx, { action: 'alerts.assign', entityType: 'alert', entityId: null, orgId, after: data, event: { type: 'alerts.assigned', audience: { orgIds: [orgId] }, data } });
      }
      return r.rows.length;
    });
    return { updated, suppressed: [] };
  }

  /** An assignee must be an active user who may read every one of the alerts. */
  async #requireAssignee(userId: string, alerts: readonly LoadedAlert[]): Promise<void> {
    const user = await sql<{ org_id: string; role: Role; status: string }>`select org_id, role, status from users where id = ${userId}`.execute(this.#p.db);
    const u = user.rows[0];
    await this.#p.orgTree.ensure();
    const scope = u && this.#p.orgTree.scopeFor(u.org_id, u.role);
    if (!u || u.status !== 'active' || !hasPermission(u.role, 'alerts.read') || !alerts.every((a) => canRead(scope!, a.orgId) || canRead(scope!, a.reporterOrgId))) {
      throw invalid('that user cannot work on these alerts (unknown, disabled, or outside their organisations)');
    }
  }
}
