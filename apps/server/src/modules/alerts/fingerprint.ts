import { hash } from 'node:crypto';
import type { NormalizedAlert } from '@lachan/contracts';

/**
 * The dedup key of an alert: who reported it, what fired (format, rule and title: some sources reuse
 * one rule id for many findings), the key endpoints, the asset, every observable (type and value, in any
 * order: a different file hash, URL or user is a different event), what else tells the event apart
 * (`eventKey`: file path, process) and the time bucket its event falls in. Repeats inside a bucket share
 * one row; a repeat is therefore always the same event.
 */
export function fingerprint(a: NormalizedAlert, reporterOrgId: string, eventMs: number, bucketSeconds: number): string {
  const bucket = Math.floor(eventMs / 1000 / bucketSeconds);
  let text = `${reporterOrgId}|${a.format}|${a.ruleId ?? ''}|${a.title}|${a.srcIp ?? ''}|${a.dstIp ?? ''}|${a.assetHostname ?? ''}|${a.assetIp ?? ''}|${bucket}`;
  // Length-prefixed parts, sorted: no two different sets can hash alike by concatenation.
  const parts = a.observables.map((o) => `${o.type}:${o.value}`);
  if (a.eventKey !== undefined) for (const k of a.eventKey) parts.push(`key:${k}`);
  parts.sort();
  for (const p of parts) text += `|${p.length}:${p}`;
  // One call over the whole text (the same digest as feeding the parts one by one, without a Hash object per alert).
  return hash('sha1', text, 'base64url');
}
