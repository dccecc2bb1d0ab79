import type { PromotionConditions } from '@lachan/contracts';

/** The fields of a stored alert that promotion conditions look at. */
export interface AlertFacts {
  orgId: string;
  severity: number;
  rsitClass: string | null;
  format: string;
  ruleId: string | null;
  title: string;
  attack: string[];
  assetHostname: string | null;
  srcIp: string | null;
  observables: { value: string }[];
}

/** Whether one alert meets every condition a rule gives (the count condition is checked apart). */
export function matchesConditions(c: PromotionConditions, a: AlertFacts): boolean {
  if (c.minSeverity && a.severity < c.minSeverity) return false;
  if (c.rsitClasses?.length && !c.rsitClasses.includes(a.rsitClass ?? '')) return false;
  if (c.formats?.length && !c.formats.includes(a.format as never)) return false;
  if (c.ruleIds?.length && !c.ruleIds.includes(a.ruleId ?? '')) return false;
  if (c.attack?.length && !a.attack.some((t) => c.attack!.some((x) => t === x || t.startsWith(`${x}.`)))) return false;
  if (c.assetHostnames?.length && !c.assetHostnames.includes(a.assetHostname?.toLowerCase() ?? '')) return false;
  if (c.observables?.length) {
    const wanted = new Set(c.observables.map((v) => v.toLowerCase()));
    if (!a.observables.some((o) => wanted.has(o.value.toLowerCase()))) return false;
  }
  return true;
}

/** The value an alert is grouped by: its rule (or title), source address, asset, or nothing (per organisation). */
export function groupValue(c: PromotionConditions, a: AlertFacts): string {
  const by = c.count?.groupBy ?? 'rule';
  return by === 'org' ? '' : by === 'srcIp' ? (a.srcIp ?? '-') : by === 'asset' ? (a.assetHostname ?? '-') : (a.ruleId ?? a.title);
}

/** The key alerts are grouped by into one incident: per organisation and per rule, source or asset. */
export function groupKey(c: PromotionConditions, a: AlertFacts): string {
  return `${a.orgId}|${c.count?.groupBy ?? 'rule'}|${groupValue(c, a)}`;
}
