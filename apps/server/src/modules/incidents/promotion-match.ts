import { BlockList, isIP } from 'node:net';
import type { PromotionConditions, PromotionGroupField } from '@lachan/contracts';

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
  dstIp: string | null;
  observables: { type?: string; value: string }[];
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

// Addresses that stay inside an organisation: private, shared (CGNAT), loopback, link-local, unique-local.
const inside = new BlockList();
for (const [net, bits] of [['10.0.0.0', 8], ['172.16.0.0', 12], ['192.168.0.0', 16], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16]] as const) inside.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [['::1', 128], ['fc00::', 7], ['fe80::', 10]] as const) inside.addSubnet(net, bits, 'ipv6');

/** Whether an address belongs inside an organisation's network rather than to the outside world. */
export function isInsideAddress(ip: string): boolean {
  const family = isIP(ip);
  return family !== 0 && inside.check(ip, family === 4 ? 'ipv4' : 'ipv6');
}

/** The party outside the organisation: the source, or the destination of a connection from inside out; null when none is outside. */
export function attackerOf(a: Pick<AlertFacts, 'srcIp' | 'dstIp'>): string | null {
  if (a.srcIp && !isInsideAddress(a.srcIp)) return a.srcIp;
  if (a.dstIp && !isInsideAddress(a.dstIp)) return a.dstIp;
  // Both inside: the source is the one acting (lateral movement, an infected host scanning).
  return a.srcIp && a.dstIp ? a.srcIp : null;
}

/** The system the alert is about: the host name it names, else its address inside the organisation. */
export function assetOf(a: Pick<AlertFacts, 'assetHostname' | 'srcIp' | 'dstIp'>): string | null {
  if (a.assetHostname) return a.assetHostname.toLowerCase();
  if (a.dstIp && isInsideAddress(a.dstIp)) return a.dstIp;
  return a.srcIp && isInsideAddress(a.srcIp) ? a.srcIp : null;
}

/** The detection: the rule id the source gave, else the title. */
export const signatureOf = (a: Pick<AlertFacts, 'ruleId' | 'title'>): string => a.ruleId ?? a.title;

const LEGACY: Record<string, PromotionGroupField[]> = { org: [], rule: ['signature'], srcIp: ['srcIp'], asset: ['asset'] };

/** The fields a rule groups by: `group.by`, else the count's older `groupBy`, else the signature. */
export function groupFields(c: PromotionConditions): PromotionGroupField[] {
  return c.group?.by ?? LEGACY[c.count?.groupBy ?? 'rule'] ?? ['signature'];
}

/** How long a quiet group keeps its incident (minutes). */
export const groupWindowMinutes = (c: PromotionConditions): number => c.group?.windowMinutes ?? 1440;

/** One grouping field's value for an alert ('-' when the alert has none). */
function fieldValue(f: PromotionGroupField, a: AlertFacts): string {
  switch (f) {
    case 'signature': return signatureOf(a);
    case 'attacker': return attackerOf(a) ?? '-';
    case 'asset': return assetOf(a) ?? '-';
    case 'attackerOrAsset': {
      const who = attackerOf(a);
      return who ? `attacker:${who}` : `asset:${assetOf(a) ?? '-'}`;
    }
    case 'srcIp': return a.srcIp ?? '-';
    case 'rsitClass': return a.rsitClass ?? '-';
  }
}

/** The key alerts are grouped by into one incident: the organisation and the rule's grouping fields. */
export function groupKey(c: PromotionConditions, a: AlertFacts): string {
  const fields = groupFields(c);
  return `${a.orgId}|${fields.join('+')}|${fields.map((f) => fieldValue(f, a)).join('|')}`;
}

/** What a group is, for people: the values its alerts share (signature, attacker, asset, source, class). */
export function groupLabel(c: PromotionConditions, a: AlertFacts): Record<string, string> {
  const label: Record<string, string> = {};
  const put = (k: string, v: string | null): void => {
    if (v) label[k] = v;
  };
  for (const f of groupFields(c)) {
    if (f === 'signature') put('signature', a.title === signatureOf(a) ? a.title : `${a.title} (${signatureOf(a)})`);
    else if (f === 'attacker' || (f === 'attackerOrAsset' && attackerOf(a))) put('attacker', attackerOf(a));
    else if (f === 'asset' || f === 'attackerOrAsset') put('asset', assetOf(a));
    else if (f === 'srcIp') put('attacker', a.srcIp);
    else put('rsitClass', a.rsitClass);
  }
  return label;
}
