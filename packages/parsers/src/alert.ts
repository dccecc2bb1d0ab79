import type { NormalizedAlert, StoredAlertFormat } from '@lachan/contracts';
import type { ObservableSet } from './observable-set.ts';

/** A fresh alert with every optional field empty and medium severity; mappers fill it in. */
export function newAlert(format: StoredAlertFormat): NormalizedAlert {
  return {
    format,
    eventTime: null,
    sourceRef: null,
    title: '',
    description: null,
    vendor: null,
    product: null,
    ruleId: null,
    ruleName: null,
    severity: 2,
    sourceSeverity: null,
    rsitClass: null,
    rsitType: null,
    attackTechniques: [],
    srcIp: null,
    srcPort: null,
    dstIp: null,
    dstPort: null,
    protocol: null,
    assetHostname: null,
    assetIp: null,
    observables: [],
    tags: [],
  };
}

export const MAX_TITLE = 512;
const MAX_DESCRIPTION = 65_536;
const MAX_TAGS = 50;
const MAX_TAG = 64;
const TECHNIQUE = /^T\d{4}(?:\.\d{3})?$/;
const CONTROL_RUNS = /[\u0000-\u001f\u007f]+/g;

/** Cuts to at most `max` UTF-16 units without splitting a surrogate pair. */
export function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  const end = s.charCodeAt(max - 1) >= 0xd800 && s.charCodeAt(max - 1) <= 0xdbff ? max - 1 : max;
  return s.slice(0, end);
}

function clipOrNull(s: string | null, max: number): string | null {
  return s === null ? null : clip(s, max);
}

/** ATT&CK technique ids, upper-cased and validated (`T1110`, `T1059.001`); others dropped. */
export function techniqueIds(raw: Iterable<unknown>): string[] {
  const out: string[] = [];
  for (const v of raw) {
    if (typeof v !== 'string') continue;
    const id = v.trim().toUpperCase().replace('/', '.');
    if (TECHNIQUE.test(id) && !out.includes(id)) out.push(id);
  }
  return out;
}

/**
 * Final clean-up shared by every format: a one-line title of 1–512 characters (the full text moves to
 * the description when cut), bounded text fields, techniques validated, tags deduped (≤ 50 × 64) and
 * the collected observables attached; an empty eventKey is left out.
 */
export function finishAlert(a: NormalizedAlert, observables: ObservableSet, fallbackTitle: string): NormalizedAlert {
  let title = a.title.replace(CONTROL_RUNS, ' ').trim();
  if (title.length > MAX_TITLE) {
    if (a.description === null) a.description = title;
    title = clip(title, MAX_TITLE).trimEnd();
  }
  a.title = title === '' ? fallbackTitle : title;
  a.description = clipOrNull(a.description, MAX_DESCRIPTION);
  a.vendor = clipOrNull(a.vendor, 128);
  a.product = clipOrNull(a.product, 128);
  a.ruleId = clipOrNull(a.ruleId, 256);
  a.ruleName = clipOrNull(a.ruleName, 512);
  a.protocol = clipOrNull(a.protocol, 32);
  a.assetHostname = clipOrNull(a.assetHostname, 255);
  a.sourceSeverity = clipOrNull(a.sourceSeverity, 64);
  a.attackTechniques = techniqueIds(a.attackTechniques).slice(0, 50);
  const tags: string[] = [];
  for (const t of a.tags) {
    const tag = clip(t.trim(), MAX_TAG);
    if (tag !== '' && !tags.includes(tag)) tags.push(tag);
    if (tags.length >= MAX_TAGS) break;
  }
  a.tags = tags;
  a.observables = observables.items;
  const key = [...new Set(a.eventKey ?? [])].map((k) => clip(k, 2048)).slice(0, 20);
  if (key.length > 0) a.eventKey = key;
  else delete a.eventKey;
  return a;
}

const PROTOCOL_NUMBERS: Record<string, string> = { '1': 'icmp', '2': 'igmp', '6': 'tcp', '17': 'udp', '47': 'gre', '50': 'esp', '58': 'ipv6-icmp', '132': 'sctp' };

/** A transport protocol in lower case; IANA numbers of the common ones become names. */
export function protocolName(v: unknown): string | null {
  const s = typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim() : '';
  if (s === '') return null;
  return PROTOCOL_NUMBERS[s] ?? s.toLowerCase();
}
