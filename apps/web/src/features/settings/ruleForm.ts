import type { PromotionConditions, PromotionGroupField } from '@lachan/contracts';

/** The rule form's fields as typed (empty strings and lists: not set). */
export interface RuleFormValues {
  name: string;
  orgId: string | null;
  minSeverity: string;
  rsitClasses: string[];
  ruleIds: string[];
  attack: string[];
  countThreshold: number | '';
  countWindow: number | '';
  groupBy: PromotionGroupField[];
  groupWindow: number | '';
}

export const EMPTY_RULE: RuleFormValues = {
  name: '', orgId: null, minSeverity: '', rsitClasses: [], ruleIds: [], attack: [], countThreshold: '', countWindow: '', groupBy: ['signature'], groupWindow: '',
};

/** The conditions a form describes: only what was filled in (a count needs both its threshold and window). */
export function conditionsOf(v: RuleFormValues): PromotionConditions {
  const c: PromotionConditions = {};
  if (v.minSeverity) c.minSeverity = Number(v.minSeverity);
  if (v.rsitClasses.length) c.rsitClasses = v.rsitClasses;
  if (v.ruleIds.length) c.ruleIds = v.ruleIds;
  if (v.attack.length) c.attack = v.attack.map((x) => x.toUpperCase());
  if (v.countThreshold !== '' && v.countWindow !== '') c.count = { threshold: v.countThreshold, windowMinutes: v.countWindow };
  c.group = { by: v.groupBy, ...(v.groupWindow !== '' ? { windowMinutes: v.groupWindow } : {}) };
  return c;
}

/** The form filled from a stored rule. */
export function valuesOf(rule: { name: string; orgId: string | null; conditions: PromotionConditions }): RuleFormValues {
  const c = rule.conditions;
  return {
    name: rule.name, orgId: rule.orgId, minSeverity: c.minSeverity ? String(c.minSeverity) : '', rsitClasses: c.rsitClasses ?? [], ruleIds: c.ruleIds ?? [],
    attack: c.attack ?? [], countThreshold: c.count?.threshold ?? '', countWindow: c.count?.windowMinutes ?? '',
    groupBy: c.group?.by ?? ['signature'], groupWindow: c.group?.windowMinutes ?? '',
  };
}

/** A part of a rule's conditions: its translation key under settings.rules.part and its parameters. */
export type ConditionPart = { key: 'minSeverity' | 'rsit' | 'ruleIds' | 'attack' | 'formats' | 'assets' | 'observables' | 'count'; params: Record<string, string | number> };

/** The parts of a rule's conditions worth a line in the list. */
export function conditionParts(c: PromotionConditions): ConditionPart[] {
  const parts: ConditionPart[] = [];
  if (c.minSeverity) parts.push({ key: 'minSeverity', params: { severity: c.minSeverity } });
  if (c.rsitClasses?.length) parts.push({ key: 'rsit', params: { list: c.rsitClasses.join(', ') } });
  if (c.ruleIds?.length) parts.push({ key: 'ruleIds', params: { list: c.ruleIds.join(', ') } });
  if (c.attack?.length) parts.push({ key: 'attack', params: { list: c.attack.join(', ') } });
  if (c.formats?.length) parts.push({ key: 'formats', params: { list: c.formats.join(', ') } });
  if (c.assetHostnames?.length) parts.push({ key: 'assets', params: { n: c.assetHostnames.length } });
  if (c.observables?.length) parts.push({ key: 'observables', params: { n: c.observables.length } });
  if (c.count) parts.push({ key: 'count', params: { threshold: c.count.threshold, minutes: c.count.windowMinutes } });
  return parts;
}
