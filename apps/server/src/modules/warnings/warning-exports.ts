import { createHash } from 'node:crypto';
import type { Warning } from '@lachan/contracts';
import { TLP2_MARKING_IDS, tlp2MarkingDefinition } from '@lachan/stix';

/** A deterministic STIX id: UUIDv5-shaped from the object's type and a stable name. */
const stixId = (type: string, name: string): string => {
  const h = createHash('sha1').update(`lachan:${type}:${name}`).digest('hex');
  return `${type}--${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${h.slice(18, 20)}-${h.slice(20, 32)}`;
};
const PATTERN: Record<string, string> = { ipv4: 'ipv4-addr:value', 'ipv4-cidr': 'ipv4-addr:value', ipv6: 'ipv6-addr:value', domain: 'domain-name:value', url: 'url:value', email: 'email-addr:value', md5: "file:hashes.'MD5'", sha1: "file:hashes.'SHA-1'", sha256: "file:hashes.'SHA-256'" };

const pid = (i: number) => `CSAFPID-${String(i + 1).padStart(4, '0')}`;
const severityOf = (s: number) => (s >= 9 ? 'CRITICAL' : s >= 7 ? 'HIGH' : s >= 4 ? 'MEDIUM' : s > 0 ? 'LOW' : 'NONE');

/**
 * The warning as a CSAF 2.0 document (security advisory when it names CVEs, else informational): the
 * targeting's products/keywords form the product tree; CVSS scores only with their vector, EPSS in notes,
 * known exploitation as an exploit-status threat.
 */
export function toCsaf(w: Warning, publisher: string): Record<string, unknown> {
  const at = w.issuedAt ?? w.createdAt;
  const products = w.targeting.keywords?.length ? w.targeting.keywords : ['Affected products (see notes)'];
  return {
    document: {
      category: w.cves.length ? 'csaf_security_advisory' : 'csaf_informational_advisory',
      csaf_version: '2.0',
      title: w.titleEn,
      lang: 'en',
      publisher: { category: 'coordinator', name: publisher, namespace: 'https://lachan.example.vn' },
      distribution: { tlp: { label: w.tlp === 'AMBER+STRICT' ? 'AMBER' : w.tlp === 'CLEAR' ? 'WHITE' : w.tlp } },
      tracking: { id: w.id, status: w.status === 'issued' ? 'final' : w.status === 'withdrawn' ? 'interim' : 'draft', version: '1', initial_release_date: at, current_release_date: w.updatedAt, revision_history: [{ number: '1', date: at, summary: 'Initial release' }] },
      notes: [
        { category: 'summary', title: 'Summary', text: w.bodyEn },
        { category: 'summary', title: 'Tóm tắt (vi)', text: w.bodyVi },
        ...w.actions.map((a, i) => ({ category: 'general', title: `Recommended action ${i + 1}`, text: a.en })),
      ],
      references: [{ category: 'self', summary: 'This warning', url: `https://lachan.example.vn/api/v1/warnings/${w.id}/csaf` }],
    },
    ...(w.cves.length ? {
      product_tree: { full_product_names: products.map((name, i) => ({ name, product_id: pid(i) })) },
      vulnerabilities: w.cves.map((c) => ({
        cve: c.id,
        notes: [{ category: 'description', text: `CVSS ${c.cvss ?? 'n/a'}; EPSS ${c.epss ?? 'n/a'}; known exploited: ${c.knownExploited ? 'yes' : 'no'}` }],
        product_status: { known_affected: products.map((_, i) => pid(i)) },
        ...(c.knownExploited ? { threats: [{ category: 'exploit_status', details: 'Known to be exploited in the wild.' }] } : {}),
        ...(c.cvss !== undefined && c.cvssVector ? { scores: [{ products: products.map((_, i) => pid(i)), cvss_v3: { version: c.cvssVector.slice(5, 8), vectorString: c.cvssVector, baseScore: c.cvss, baseSeverity: severityOf(c.cvss) } }] } : {}),
      })),
    } : {}),
  };
}

/**
 * The warning as a STIX 2.1 bundle: one report referring to its indicators and vulnerabilities, every
 * object marked with the warning's TLP 2.0 marking definition (included), so a consumer reads
 * AMBER+STRICT as AMBER+STRICT rather than an unmarked object.
 */
export function toStixBundle(w: Warning): Record<string, unknown> {
  const at = w.issuedAt ?? w.createdAt;
  const base = { spec_version: '2.1', created: at, modified: w.updatedAt, object_marking_refs: [TLP2_MARKING_IDS[w.tlp]] };
  const indicators = w.indicators.filter((i) => PATTERN[i.type]).map((i) => ({ type: 'indicator', id: stixId('indicator', `${i.type}:${i.value}`), ...base, pattern_type: 'stix', valid_from: at, pattern: `[${PATTERN[i.type]} ${i.type === 'ipv4-cidr' ? 'ISSUBSET' : '='} '${i.value.replace(/'/g, "\\'")}']`, name: i.value }));
  const vulns = w.cves.map((c) => ({ type: 'vulnerability', id: stixId('vulnerability', c.id), ...base, name: c.id, external_references: [{ source_name: 'cve', external_id: c.id }] }));
  const report = { type: 'report', id: stixId('report', w.id), ...base, name: w.titleEn, description: w.bodyEn, report_types: ['threat-report'], published: at, object_refs: [...indicators, ...vulns].map((o) => o.id), labels: [`tlp:${w.tlp.toLowerCase()}`] };
  if (report.object_refs.length === 0) report.object_refs = [report.id.replace('report', 'note')];
  return { type: 'bundle', id: stixId('bundle', w.id), objects: [report, ...indicators, ...vulns, tlp2MarkingDefinition(w.tlp)] };
}
