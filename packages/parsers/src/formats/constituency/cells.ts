import type { NormalizedAlert, SeverityLevel } from '@lachan/contracts';
import { protocolName } from '../../alert.ts';

export { protocolName };
import { fail } from '../../failure.ts';
import { normaliseIp } from '../../ip.ts';
import type { ObservableSet } from '../../observable-set.ts';
import { normaliseDomain, normaliseUrl } from '../../observables.ts';
import { normaliseRsit } from '../../rsit.ts';
import { parseIsoTime, toIso } from '../../time.ts';
import type { ParseContext } from '../../types.ts';
import type { ConstituencyRecord } from './record.ts';

const WORD_SEVERITY: Record<string, SeverityLevel> = { critical: 4, high: 3, medium: 2, low: 1, info: 1, informational: 1 };

/** What a feed mapper fills in: the alert's fields and its observables, from one row's named cells. */
export interface RowMapping {
  alert: NormalizedAlert;
  obs: ObservableSet;
  rec: ConstituencyRecord;
  ctx: ParseContext;
}

/** A report time: ISO 8601 or `YYYY-MM-DD HH:MM:SS` (abuse.ch, Shadowserver), read in `zone` when it names none. */
export function reportTime(m: RowMapping, value: string | undefined, zone = 'UTC'): void {
  if (value === undefined) return;
  // UTC as a fixed offset: the same instant, without a time-zone database lookup per row.
  const ms = parseIsoTime(value, zone === 'UTC' ? 0 : zone);
  if (ms === null) fail('invalid_value', `line ${m.rec.line}: "${value.slice(0, 64)}" is not a time`);
  m.alert.eventTime = toIso(ms);
}

/** The host in the constituency: an address becomes the asset address, a name the asset host name. */
export function constituencyHost(m: RowMapping, value: string | undefined, column: string): void {
  if (value === undefined) return;
  const ip = normaliseIp(value);
  if (ip !== null) {
    m.alert.assetIp ??= ip.value;
    m.obs.addIp(ip.value, 'related');
    return;
  }
  const url = value.includes('/') ? normaliseUrl(value) : null;
  const host = url !== null ? new URL(url).hostname.replace(/^\[|\]$/g, '') : value;
  const hostIp = normaliseIp(host);
  if (url !== null) m.obs.add('url', url, 'related');
  if (hostIp !== null) {
    m.alert.assetIp ??= hostIp.value;
    m.obs.addIp(hostIp.value, 'related');
    return;
  }
  const domain = normaliseDomain(host);
  if (domain === null) fail('invalid_value', `line ${m.rec.line}: ${column} "${value.slice(0, 128)}" is not an address, domain or URL`);
  m.alert.assetHostname ??= domain;
  m.obs.add('domain', domain, 'related');
}

/** A port cell; an empty one is none, a bad one refuses the row. */
export function portCell(m: RowMapping, value: string | undefined, column: string): number | null {
  if (value === undefined) return null;
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65535) fail('invalid_value', `line ${m.rec.line}: ${column} "${value.slice(0, 32)}" is not a port`);
  return Number(value);
}

/** Severity from a word (critical…info) or 1–4; null when the cell says neither. */
export function severityCell(value: string | undefined): SeverityLevel | null {
  if (value === undefined) return null;
  const v = value.trim().toLowerCase();
  if (/^[1-4]$/.test(v)) return Number(v) as SeverityLevel;
  return WORD_SEVERITY[v] ?? null;
}

export function classify(m: RowMapping, cls: string | null, type: string | null): void {
  const r = normaliseRsit(cls, type);
  m.alert.rsitClass = r.rsitClass;
  m.alert.rsitType = r.rsitType;
}


