import { sql } from 'kysely';
import type { PromotionRule, PromotionRuleCreate, PromotionRulePatch, PromotionRulePreview, PromotionRulePreviewBody, PromotionSuppression, PromotionSuppressionQuery } from '@lachan/contracts';
import { canManage, canRead, type RequestContext } from '../../core/context.ts';
import { requirePermission } from '../../core/authorize.ts';
import { conflict, forbidden, notFound } from '../../core/errors.ts';
import { recordChange, transact } from '../events/index.ts';
import type { IncidentParts } from './incident-parts.ts';
import { suppressionsRepository } from './promotion-suppressions.repository.ts';
import { PREVIEW_DAYS, PREVIEW_LIMIT, previewAlerts, simulateOpenings } from './promotion-preview.ts';

type RuleRow = { id: string; org_id: string | null; name: string; enabled: boolean; conditions: unknown; created_at: Date; updated_at: Date };
const presentRule = (r: RuleRow): PromotionRule => ({ id: r.id, orgId: r.org_id, name: r.name, enabled: r.enabled, conditions: r.conditions as PromotionRule['conditions'], createdAt: r.created_at.toISOString(), updatedAt: r.updated_at.toISOString() });

/** Promotion rules: which alerts open incidents (national rules and each organisation's own). */
export class PromotionRulesService {
  #p: IncidentParts;
  constructor(parts: IncidentParts) {
    this.#p = parts;
  }

  /** Organisations whose rules the caller sees (its subtree and its parents; null: all), besides the national rules. */
  async #visibleOrgs(ctx: RequestContext): Promise<string[] | null> {
    await this.#p.orgTree.ensure();
    return ctx.scope.all ? null : [...new Set([...ctx.scope.manage, ...this.#p.orgTree.ancestors(ctx.actor.orgId)])];
  }

  async rules(ctx: RequestContext): Promise<PromotionRule[]> {
    requirePermission(ctx, 'alerts.read');
    const visible = await this.#visibleOrgs(ctx);
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
    const visible = await this.#visibleOrgs(ctx);
    // Another organisation's rule is not listed to the caller, so it is not there for it either (404, not 403).
    if (!before || (visible && before.org_id !== null && !visible.includes(before.org_id))) throw notFound('promotion rule');
    if (!this.#mayManageRule(ctx, before.org_id)) throw forbidden('you may not change this rule');
    return transact(this.#p, async (tx) => {
      const row = (await tx.updateTable('promotion_rules').set({ ...(patch.name ? { name: patch.name } : {}), ...(patch.enabled !== undefined ? { enabled: patch.enabled } : {}), ...(patch.conditions ? { conditions: JSON.stringify(patch.conditions) } : {}), updated_at: new Date() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow()) as RuleRow;
      const rule = presentRule(row);
      await recordChange(tx, ctx, { action: 'promotion_rule.update', entityType: 'promotion_rule', entityId: id, orgId: row.org_id, before: presentRule(before), after: rule });
      return rule;
    });
  }

  /**
   * What a rule would have opened over the last 7 days, before it is saved: the alerts of the
   * organisations it would apply to (its owner's subtree; national: all) that the caller may read.
   */
  async preview(ctx: RequestContext, body: PromotionRulePreviewBody): Promise<PromotionRulePreview> {
    requirePermission(ctx, 'alerts.manage');
    if (!this.#mayManageRule(ctx, body.orgId)) throw forbidden('you may not add rules there');
    await this.#p.orgTree.ensure();
    let orgIds = body.orgId === null ? null : [...this.#p.orgTree.subtree(body.orgId)];
    if (!ctx.scope.all) orgIds = (orgIds ?? [...ctx.scope.read]).filter((id) => ctx.scope.read.has(id));
    const since = new Date(this.#p.now().getTime() - PREVIEW_DAYS * 86_400_000);
    const alerts = await previewAlerts(this.#p.db, orgIds, since, body.conditions.minSeverity ?? 1, PREVIEW_LIMIT);
    return { days: PREVIEW_DAYS, alertsScanned: alerts.length, truncated: alerts.length === PREVIEW_LIMIT, ...simulateOpenings(body.conditions, alerts) };
  }

  /** Groups rules stopped opening incidents for, in the caller's organisations, newest first. */
  async suppressions(ctx: RequestContext, q: PromotionSuppressionQuery): Promise<PromotionSuppression[]> {
    requirePermission(ctx, 'alerts.read');
    return suppressionsRepository.list(this.#p.db, ctx.scope.all ? null : [...ctx.scope.read], q.state ?? 'active');
  }

  /** Lets the rule open incidents for the group again (those who may mark its alerts false positive may lift it). */
  async liftSuppression(ctx: RequestContext, id: string): Promise<PromotionSuppression> {
    requirePermission(ctx, 'incidents.write');
    const s = await suppressionsRepository.byId(this.#p.db, id);
    if (!s || !canRead(ctx.scope, s.orgId)) throw notFound('suppression');
    await transact(this.#p, async (tx) => {
      if (!(await suppressionsRepository.lift(tx, id, ctx.actor.name))) throw conflict('this suppression was already lifted');
      await recordChange(tx, ctx, { action: 'promotion_rule.unsuppress', entityType: 'promotion_suppression', entityId: id, orgId: s.orgId, before: s });
    });
    return (await suppressionsRepository.byId(this.#p.db, id))!;
  }
}
