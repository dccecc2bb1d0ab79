import { isIP } from 'node:net';
import { scoId } from '@lachan/stix';

/** A STIX pattern literal: backslashes and quotes escaped. */
const q = (v: string) => `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** MISP hash attribute types and their STIX `hashes` keys (hash-algorithm-ov, open: others as MISP names them). */
const HASH_KEYS: Record<string, string> = {
  md5: 'MD5', sha1: 'SHA-1', sha224: 'SHA-224', sha256: 'SHA-256', sha384: 'SHA-384', sha512: 'SHA-512', 'sha512/224': 'SHA-512/224', 'sha512/256': 'SHA-512/256',
  'sha3-224': 'SHA3-224', 'sha3-256': 'SHA3-256', 'sha3-384': 'SHA3-384', 'sha3-512': 'SHA3-512', ssdeep: 'SSDEEP', tlsh: 'TLSH',
  authentihash: 'AUTHENTIHASH', vhash: 'VHASH', impfuzzy: 'IMPFUZZY', telfhash: 'TELFHASH', cdhash: 'CDHASH', pehash: 'PEHASH',
};

/** The comparison of a file hash: imphash is a property of the PE extension, the others are `hashes` keys. */
function fileHash(kind: string, value: string): string | null {
  if (kind === 'imphash') return `file:extensions.'windows-pebinary-ext'.imphash = ${q(value)}`;
  const key = HASH_KEYS[kind];
  return key ? `file:hashes.'${key}' = ${q(value)}` : null;
}

const ipType = (ip: string): 'ipv4-addr' | 'ipv6-addr' | null => {
  const family = isIP(ip.split('/')[0]!);
  return family === 4 ? 'ipv4-addr' : family === 6 ? 'ipv6-addr' : null;
};
const port = (p: string | undefined) => (p !== undefined && /^\d{1,5}$/.test(p) && Number(p) <= 65535 ? Number(p) : null);

/** A STIX indicator pattern (and its pattern language) for a MISP detection attribute. */
export interface MispPattern { pattern: string; patternType: 'stix' | 'snort' | 'yara' | 'sigma' }

/**
 * The pattern of a MISP attribute type and value, composites split into their parts and kept together
 * in one observation (`filename|sha256` is one file with that name and hash, `ip-dst|port` one
 * connection); null for a type with no STIX counterpart.
 */
export function mispPattern(type: string, value: string): MispPattern | null {
  const stix = (p: string | null): MispPattern | null => (p === null ? null : { pattern: `[${p}]`, patternType: 'stix' });
  const bar = type.indexOf('|');
  if (bar > 0) {
    const [left, right] = [value.slice(0, value.indexOf('|')), value.slice(value.indexOf('|') + 1)];
    if (!value.includes('|') || left === '' || right === '') return null;
    const [t1, t2] = [type.slice(0, bar), type.slice(bar + 1)];
    if (t1 === 'filename') {
      const h = fileHash(t2, right);
      return stix(h && `file:name = ${q(left)} AND ${h}`);
    }
    if ((t1 === 'ip-dst' || t1 === 'ip-src') && t2 === 'port') {
      const end = t1 === 'ip-dst' ? 'dst' : 'src';
      const kind = ipType(left);
      const n = port(right);
      return stix(kind && n !== null ? `network-traffic:${end}_ref.type = '${kind}' AND network-traffic:${end}_ref.value = ${q(left)} AND network-traffic:${end}_port = ${n}` : null);
    }
    if (t1 === 'hostname' && t2 === 'port') {
      const n = port(right);
      return stix(n === null ? null : `network-traffic:dst_ref.type = 'domain-name' AND network-traffic:dst_ref.value = ${q(left)} AND network-traffic:dst_port = ${n}`);
    }
    if (t1 === 'domain' && t2 === 'ip') return stix(ipType(right) ? `domain-name:value = ${q(left)} AND domain-name:resolves_to_refs[*].value = ${q(right)}` : null);
    if (t1 === 'regkey' && t2 === 'value') return stix(`windows-registry-key:key = ${q(left)} AND windows-registry-key:values[*].data = ${q(right)}`);
    return null;
  }
  switch (type) {
    case 'ip-dst': case 'ip-src': { const kind = ipType(value); return stix(kind && `${kind}:value = ${q(value)}`); }
    case 'domain': case 'hostname': return stix(`domain-name:value = ${q(value)}`);
    case 'url': case 'uri': case 'link': return stix(`url:value = ${q(value)}`);
    case 'email': case 'email-src': case 'email-dst': case 'target-email': case 'whois-registrant-email': case 'email-reply-to': return stix(`email-addr:value = ${q(value)}`);
    case 'email-subject': return stix(`email-message:subject = ${q(value)}`);
    case 'email-attachment': return stix(`email-message:body_multipart[*].body_raw_ref.name = ${q(value)}`);
    case 'filename': return stix(`file:name = ${q(value)}`);
    case 'mutex': return stix(`mutex:name = ${q(value)}`);
    case 'regkey': return stix(`windows-registry-key:key = ${q(value)}`);
    case 'mac-address': return stix(`mac-addr:value = ${q(value.toLowerCase())}`);
    case 'AS': { const n = /^(?:AS)?(\d{1,10})$/i.exec(value.trim()); return stix(n ? `autonomous-system:number = ${Number(n[1])}` : null); }
    case 'user-agent': return stix(`network-traffic:extensions.'http-request-ext'.request_header.'User-Agent' = ${q(value)}`);
    case 'x509-fingerprint-md5': return stix(`x509-certificate:hashes.'MD5' = ${q(value)}`);
    case 'x509-fingerprint-sha1': return stix(`x509-certificate:hashes.'SHA-1' = ${q(value)}`);
    case 'x509-fingerprint-sha256': return stix(`x509-certificate:hashes.'SHA-256' = ${q(value)}`);
    case 'snort': case 'yara': case 'sigma': return { pattern: value, patternType: type };
    case 'stix2-pattern': return { pattern: value, patternType: 'stix' };
    default: return stix(fileHash(type, value));
  }
}

/**
 * The cyber-observables a context attribute (`to_ids` false) is kept as, for an observed-data object:
 * the same types as detection (a composite becomes the objects of its parts, linked); null when STIX has
 * no observable for it (a note keeps it then).
 */
export function mispObservables(type: string, value: string): Record<string, unknown>[] | null {
  const sco = (o: Record<string, unknown>) => ({ ...o, spec_version: '2.1', id: scoId(o as { type: string })! });
  const ip = (v: string) => { const kind = ipType(v); return kind ? sco({ type: kind, value: v }) : null; };
  const file = (props: Record<string, unknown>) => sco({ type: 'file', ...props });
  const hash = (kind: string, v: string): Record<string, unknown> | null => {
    if (kind === 'imphash') return { extensions: { 'windows-pebinary-ext': { imphash: v } } };
    return HASH_KEYS[kind] ? { hashes: { [HASH_KEYS[kind]!]: v } } : null;
  };
  const [left, right] = value.includes('|') ? [value.slice(0, value.indexOf('|')), value.slice(value.indexOf('|') + 1)] : [value, ''];
  if (type.startsWith('filename|')) { const h = hash(type.slice(9), right); return h ? [file({ name: left, ...h })] : null; }
  if (type === 'ip-dst|port' || type === 'ip-src|port') { const a = ip(left); return a ? [a] : null; }
  if (type === 'domain|ip') {
    const a = ip(right);
    return a ? [a, sco({ type: 'domain-name', value: left, resolves_to_refs: [a.id] })] : null;
  }
  if (type === 'hostname|port') return [sco({ type: 'domain-name', value: left })];
  switch (type) {
    case 'ip-dst': case 'ip-src': { const a = ip(value); return a ? [a] : null; }
    case 'domain': case 'hostname': return [sco({ type: 'domain-name', value })];
    case 'url': case 'uri': return [sco({ type: 'url', value })];
    case 'email': case 'email-src': case 'email-dst': case 'target-email': case 'whois-registrant-email': case 'email-reply-to': return [sco({ type: 'email-addr', value })];
    case 'filename': case 'pdb': return [file({ name: value })];
    case 'mutex': return [sco({ type: 'mutex', name: value })];
    case 'regkey': return [sco({ type: 'windows-registry-key', key: value })];
    case 'mac-address': return [sco({ type: 'mac-addr', value: value.toLowerCase() })];
    default: { const h = hash(type, value); return h ? [file(h)] : null; }
  }
}
