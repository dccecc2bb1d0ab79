import { assetOf, isInsideAddress } from './promotion-match.ts';

/** What alerts tell about the incident they join. */
export interface AlertFactsSource {
  severity: number;
  rsitClass: string | null;
  rsitType?: string | null;
  attack: string[];
  assetHostname: string | null;
  srcIp: string | null;
  dstIp: string | null;
  observables: { type: string; value: string }[];
  indicatorMatches: { indicatorId: number }[];
}

/** The facts an incident takes from its alerts: RSIT class, techniques, assets, observables, matched indicators. */
export interface IncidentFacts {
  rsitClass: string | null;
  rsitType: string | null;
  attack: string[];
  assets: string[];
  observables: { type: string; value: string }[];
  indicatorIds: number[];
}

const MAX_PER_CALL = 200;

/**
 * Sums up alerts for their incident: the RSIT class of the most severe classified alert, every
 * technique and asset, and the observables worth comparing incidents by (outside addresses, names,
 * hashes: not user names, not addresses inside the organisation).
 */
export function factsOf(alerts: readonly AlertFactsSource[]): IncidentFacts {
  const classified = alerts.filter((a) => a.rsitClass).sort((x, y) => y.severity - x.severity)[0];
  const observables = new Map<string, { type: string; value: string }>();
  for (const a of alerts) {
    for (const o of a.observables) {
      if (observables.size >= MAX_PER_CALL) break;
      if (o.type === 'user' || ((o.type === 'ipv4' || o.type === 'ipv6') && isInsideAddress(o.value))) continue;
      observables.set(`${o.type}|${o.value}`, { type: o.type, value: o.value });
    }
  }
  return {
    rsitClass: classified?.rsitClass ?? null,
    rsitType: classified?.rsitType ?? null,
    attack: [...new Set(alerts.flatMap((a) => a.attack))].slice(0, 100),
    assets: [...new Set(alerts.map(assetOf).filter((x): x is string => x !== null))].slice(0, 100),
    observables: [...observables.values()],
    indicatorIds: [...new Set(alerts.flatMap((a) => a.indicatorMatches.map((m) => m.indicatorId)))],
  };
}
