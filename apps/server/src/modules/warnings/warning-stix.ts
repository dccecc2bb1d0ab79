import { createHash } from 'node:crypto';
import type { Warning } from '@lachan/contracts';
import { TLP2_MARKING_IDS, tlp2MarkingDefinition } from '@lachan/stix';

/** A deterministic STIX id: UUIDv5-shaped from the object's type and a stable name. */
const stixId = (type: string, name: string): string => {
  const h = createHash('sha1').update(`lachan:${type}:${name}`).digest('hex');
  return `${type}--${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${h.slice(18, 20)}-${h.slice(20, 32)}`;
};
const PATTERN: Record<string, string> = { ipv4: 'ipv4-addr:value', 'ipv4-cidr': 'ipv4-addr:value', ipv6: 'ipv6-addr:value', domain: 'domain-name:value', url: 'url:value', email: 'email-addr:value', md5: "file:hashes.'MD5'", sha1: "file:hashes.'SHA-1'", sha256: "file:hashes.'SHA-256'" };
const literal = (v: string) => v.replace(/\\/g, '\\\\').replace(/'/g, "\\'");

/** The issuing centre as a STIX identity: the same object (id and timestamps) in every bundle. */
function issuer(name: string): Record<string, unknown> {
  const at = '2026-01-01T00:00:00.000Z';
  return { type: 'identity', spec_version: '2.1', id: stixId('identity', 'lachan-issuer'), created: at, modified: at, name, identity_class: 'organization', sectors: ['government-national'] };
}

/**
 * The warning as a STIX 2.1 bundle: one report by the issuing centre (its identity included) referring
 * to the warning's indicators and vulnerabilities, every object marked with the TLP 2.0 marking
 * definition of the warning (a reference to the standard id, the definition included), so a consumer
 * reads AMBER+STRICT as AMBER+STRICT. The report refers only to objects of the bundle. Ids are
 * per warning, so withdrawing one warning revokes its report and indicators (modified at the
 * withdrawal) without touching another warning's objects of the same value.
 */
export function toStixBundle(w: Warning, publisher = 'Lachan national coordination centre'): Record<string, unknown> {
  const identity = issuer(publisher);
  const at = w.issuedAt ?? w.createdAt;
  const withdrawn = w.status === 'withdrawn';
  const modified = w.revisions.at(-1)?.date ?? w.updatedAt;
  const base = { spec_version: '2.1', created_by_ref: identity.id as string, created: at, modified: modified < at ? at : modified, object_marking_refs: [TLP2_MARKING_IDS[w.tlp]], ...(withdrawn ? { revoked: true } : {}) };
  const indicators = w.indicators.filter((i) => PATTERN[i.type]).map((i) => ({
    type: 'indicator', id: stixId('indicator', `${w.id}:${i.type}:${i.value}`), ...base, name: i.value, pattern_type: 'stix', valid_from: at,
    pattern: `[${PATTERN[i.type]} ${i.type === 'ipv4-cidr' ? 'ISSUBSET' : '='} '${literal(i.value)}']`,
  }));
  const vulns = w.cves.map((c) => ({ type: 'vulnerability', id: stixId('vulnerability', `${w.id}:${c.id}`), ...base, name: c.id, external_references: [{ source_name: 'cve', external_id: c.id }] }));
  const text = withdrawn ? `Withdrawn on ${modified}; do not act on it any more.\n\n${w.bodyEn}` : w.bodyEn;
  const report = {
    type: 'report', id: stixId('report', w.id), ...base, name: withdrawn ? `[Withdrawn] ${w.titleEn}` : w.titleEn, description: text, report_types: ['threat-report'], published: at,
    ...(w.references.length ? { external_references: w.references.map((r) => ({ source_name: 'reference', url: r.url, description: r.summary })) } : {}),
    object_refs: [identity, ...indicators, ...vulns].map((o) => o.id as string),
  };
  return { type: 'bundle', id: stixId('bundle', `${w.id}:${modified}`), objects: [report, identity, ...indicators, ...vulns, tlp2MarkingDefinition(w.tlp)] };
}
