import type { IncidentSummary } from '@lachan/contracts';
import { assetOf, attackerOf, signatureOf, type AlertFacts } from './promotion-match.ts';

/** A title the server makes: its code and parameters (the console words them) and its English wording. */
export interface MadeTitle {
  code: NonNullable<IncidentSummary['titleCode']>;
  params: Record<string, string>;
  text: string;
}

const MAX = 500;
const english = (what: string, p: Record<string, string>): string =>
  [what, p.attacker && `from ${p.attacker}`, p.asset && `on ${p.asset}`].filter(Boolean).join(' ').slice(0, MAX);

/** The title of an incident a rule opened for a group: the rule, and what the group's alerts share. */
export function promotedTitle(rule: string, label: Record<string, string>): MadeTitle {
  const params = { rule, ...label };
  return { code: 'promoted', params, text: english(label.signature ? `${rule}: ${label.signature}` : rule, params) };
}

/** The title of an incident opened from chosen alerts: the signature, attacker and asset they all share, else how many they are. */
export function alertsTitle(alerts: readonly Pick<AlertFacts, 'ruleId' | 'title' | 'srcIp' | 'dstIp' | 'assetHostname'>[]): MadeTitle {
  const shared = (of: (a: (typeof alerts)[number]) => string | null): string | null => {
    const values = new Set(alerts.map(of));
    return values.size === 1 ? [...values][0]! : null;
  };
  const params: Record<string, string> = { count: String(alerts.length) };
  if (shared(signatureOf)) params.signature = alerts[0]!.title;
  const attacker = shared(attackerOf);
  const asset = shared(assetOf);
  if (attacker) params.attacker = attacker;
  if (asset) params.asset = asset;
  return { code: 'alerts', params, text: english(params.signature ?? `${alerts.length} alerts`, params) };
}
