import { createHash } from 'node:crypto';
import type { NormalizedAlert } from '@lachan/contracts';

/**
 * The dedup key of an alert: who reported it, what fired (format, rule and title: some sources reuse
 * one rule id for many findings), the key endpoints, and the time bucket its event falls in. Repeats
 * inside a bucket share one row.
 */
export function fingerprint(a: NormalizedAlert, reporterOrgId: string, eventMs: number, bucketSeconds: number): string {
  const bucket = Math.floor(eventMs / 1000 / bucketSeconds);
  const key = `${reporterOrgId}|${a.format}|${a.ruleId ?? ''}|${a.title}|${a.srcIp ?? ''}|${a.dstIp ?? ''}|${a.assetHostname ?? ''}|${a.assetIp ?? ''}|${bucket}`;
  return createHash('sha1').update(key).digest('base64url');
}
