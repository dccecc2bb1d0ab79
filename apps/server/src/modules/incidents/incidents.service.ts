import { sql, type RawBuilder } from 'kysely';
import type { IncidentListQuery, IncidentSummary, PromotionRule, PromotionRuleCreate, PromotionRulePatch, AlertSummary } from '@lachan/contracts';
import { canManage, canRead, type RequestContext } from '../../core/context.ts';
import { requirePermission } from '../../core/authorize.ts';
import { forbidden, notFound } from '../../core/errors.ts';
import { recordChange, transact } from '../../core/change.ts';
import type { Platform } from '../../core/platform.ts';

type IncidentRow = { id: string; org_id: string; org_name: string; title: string; severity: number; status: string; tlp: string; rule_id: string | null; alert_count: number; first_alert_at: Date | null; last_alert_at: Date | null; created_at: Date };
const presentIncident = (r: IncidentRow): IncidentSummary => ({
  id: r.id, orgId: r.org_id, orgName: r.org_name, title: r.title, severity: r.severity, status: r.status, tlp: r.tlp, ruleId: r.rule_id, alertCount: r.alert_count,
  firstAlertAt: r.first_alert_at?.toISOString() ?? null, lastAlertAt: r.last_alert_at?.toISOString() ?? null, createdAt: r.created_at.toISOString(),
});
type RuleRow = { id: string; org_id: string | null; name: string; enabled: boolean; conditions: unknown; created_at: Date; updated_at: Date };
const presentRule = (r: RuleRow): PromotionRule => ({ id: r.id, orgId: r.org_id, name: r.name, enabled: r.enabled, conditions: r.conditions as PromotionRule['conditions'], createdAt: r.created_at.toISOString(), updatedAt: r.updated_at.toISOString() });

/** Incidents as the alert relay opens them (the incidents issue grows this module), and promotion rules. */
export class IncidentsService {
  #p: Platform;
  constructor(platform: Platform) {
    this.#p = platform;
  }

  async list(ctx: RequestContext, q: IncidentListQuery): Promise<IncidentSummary[]> {
    requirePermission(ctx, 'incidents.read');
    const where: RawBuilder<unknown>[] = [sql`true`];
    if (!ctx.scope.all) where.push(sql`i.org_id = any(${[...ctx.scope.read]}::uuid[])`);
    if (q.orgId) where.push(sql`i.org_id = ${q.orgId}`);
    if (q.status) where.push(sql`i.status = ${q.status}`);
    const r = await sql<IncidentRow>`select i.*, o.name as org_name from incidents i join organizations o on o.id = i.org_id
      where ${sql.join(where, sql` and `)} order by i.created_at desc limit ${q.limit ?? 100}`.execute(this.#p.db);
    return r.rows.map(presentIncident);
  }

  async get(ctx: RequestContext, id: string): Promise<IncidentSummary & { alerts: Pick<AlertSummary, 'id' | 'title' | 'severity' | 'occurrences' | 'lastSeen'>[] }> {
    requirePermission(ctx, 'incidents.read');
    const r = await sql<IncidentRow>`select i.*, o.name as org_name from incidents i join organizations o on o.id = i.org_id where i.id = ${id}`.execute(this.#p.db);
    const row = r.rows[0];
    if (!row || !canRead(ctx.scope, row.org_id)) throw notFound('incident');
    const alerts = await sql<{ id: string; title: string; severity: number; occurrences: number; last_seen: Date }>`select to_char(a.day, 'YYYYMMDD') || '-' || a.id as id, a.title, a.severity, a.occurrences, a.last_seen
      from incident_alerts l join alerts a on a.day = l.alert_day and a.id = l.alert_id where l.incident_id = ${id} order by a.last_seen desc limit 500`.execute(this.#p.db);
    return { ...presentIncident(row), alerts: alerts.rows.map((a) => ({ id: a.id, title: a.title, severity: a.severity, occurrences: a.occurrences, lastSeen: a.last_seen.toISOString() })) };
  }

  async rules(ctx: RequestContext): Promise<PromotionRule[]> {
    requirePermission(ctx, 'alerts.read');
    await this.#p.orgTree.ensure();
    const visible = ctx.scope.all ? null : [...new Set([...ctx.scope.manage, ...this.#p.orgTree.ancestors(ctx.actor.orgId)])];
    const r = await sql<RuleRow>`select * from promotion_rules where ${visible ? sql`(org_id is null or org_id = any(${visible}::uuid[]))` : sql`true`} order by org_id nulls first, name`.execute(this.#p.db);
    return r.rows.map(presentRule);
  }

  /** National rules belong to the centre; an organisation's rules to its admins. */
  #mayManageRule(ctx: RequestContext, orgId: string | null): boolean {
    return orgId === null ? ctx.scope.all && ctx.actor.role === 'national_coordinator' : canManage(ctx.scope, orgId);
  }

  async createRule(ctx: RequestContext, body: PromotionRuleCreate): Promise<PromotionRule> {
    requirePermission(ctx, 'alerts.manage');
    if (!this.#mayManageRule(ctx, body.orgId)) throw forbidden('you may not add rules there');
    return transact(this.#p, async (tx) => {
      const row = (await tx.insertInto('promotion_rules').values({ org_id: body.orgId, name: body.name, enabled: body.enabled ?? true, conditions: JSON.stringify(body.conditions) }).returningAll().executeTakeFirstOrThrow()) as RuleRow;
      const rule = presentRule(row);
      await recordChange(tx, ctx, { action: 'promotion_rule.create', entityType: 'promotion_rule', entityId: row.id, orgId: body.orgId, after: rule });
      return rule;
    });
  }

  async updateRule(ctx: RequestContext, id: string, patch: PromotionRulePatch): Promise<PromotionRule> {
    requirePermission(ctx, 'alerts.manage');
    const before = (await this.#p.db.selectFrom('promotion_rules').selectAll().where('id', '=', id).executeTakeFirst()) as RuleRow | undefined;
    if (!before) throw notFound('promotion rule');
    if (!this.#mayManageRule(ctx, before.org_id)) throw forbidden('you may not change this rule');
    return transact(this.#p, async (tx) => {
      const row = (await tx.updateTable('promotion_rules').set({ ...(patch.name ? { name: patch.name } : {}), ...(patch.enabled !== undefined ? { enabled: patch.enabled } : {}), ...(patch.conditions ? { conditions: JSON.stringify(patch.conditions) } : {}), updated_at: new Date() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow()) as RuleRow;
      const rule = presentRule(row);
      await recordChange(tx, ctx, { action: 'promotion_rule.update', entityType: 'promotion_rule', entityId: id, orgId: row.org_id, before: presentRule(before), after: rule });
      return rule;
    });
  }
}
