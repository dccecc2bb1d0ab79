import { createHash, randomUUID } from 'node:crypto';
import { canonicalJson } from './canonical-json.ts';

/** Namespace of deterministic SCO ids (STIX 2.1 §2.9). */
export const SCO_ID_NAMESPACE = '00abedb4-aa42-466c-9c01-fed23315a9b7';

/** ID-contributing properties per SCO type (STIX 2.1 §6, each type's "ID Contributing Properties"). */
export const SCO_ID_PROPERTIES: Readonly<Record<string, readonly string[]>> = {
  artifact: ['hashes', 'payload_bin'],
  'autonomous-system': ['number'],
  directory: ['path'],
  'domain-name': ['value'],
  'email-addr': ['value'],
  'email-message': ['from_ref', 'subject', 'body'],
  file: ['hashes', 'name', 'extensions', 'parent_directory_ref'],
  'ipv4-addr': ['value'],
  'ipv6-addr': ['value'],
  'mac-addr': ['value'],
  mutex: ['name'],
  'network-traffic': ['start', 'end', 'src_ref', 'dst_ref', 'src_port', 'dst_port', 'protocols', 'extensions'],
  process: [],
  software: ['name', 'cpe', 'swid', 'vendor', 'version'],
  url: ['value'],
  'user-account': ['account_type', 'user_id', 'account_login'],
  'windows-registry-key': ['key', 'values'],
  'x509-certificate': ['hashes', 'serial_number'],
};

const HASH_PREFERENCE = ['MD5', 'SHA-1', 'SHA-256', 'SHA-512'];

/** UUID version 5 (RFC 4122 §4.3): SHA-1 over namespace bytes + UTF-8 name, version and variant set. */
export function uuidV5(name: string, namespace: string): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const digest = createHash('sha1').update(ns).update(name, 'utf8').digest();
  digest[6] = (digest[6]! & 0x0f) | 0x50;
  digest[8] = (digest[8]! & 0x3f) | 0x80;
  const hex = digest.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The identifier an SCO must carry: `<type>--UUIDv5(namespace, JCS(contributing properties))`, with only
 * one hash (MD5, SHA-1, SHA-256, SHA-512, else the first) taking part. Falls back to a random UUIDv4 when
 * no contributing property is present, as the specification says; null for a type that is not an SCO.
 */
export function scoId(sco: { type: string; [property: string]: unknown }): string | null {
  const props = SCO_ID_PROPERTIES[sco.type];
  if (props === undefined) return null;
  const contributing: Record<string, unknown> = {};
  for (const p of props) {
    const v = sco[p];
    if (v === undefined) continue;
    contributing[p] = p === 'hashes' && typeof v === 'object' && v !== null ? oneHash(v as Record<string, unknown>) : v;
  }
  if (Object.keys(contributing).length === 0) return `${sco.type}--${randomUUID()}`;
  return `${sco.type}--${uuidV5(canonicalJson(contributing), SCO_ID_NAMESPACE)}`;
}

function oneHash(hashes: Record<string, unknown>): Record<string, unknown> {
  const key = HASH_PREFERENCE.find((k) => k in hashes) ?? Object.keys(hashes)[0];
  return key === undefined ? {} : { [key]: hashes[key] };
}
