import type { Warning } from '@lachan/contracts';
import { cvssBase, cvssVectorProblem } from './cvss.ts';

/** Who publishes the CSAF documents and where the warnings are reached. */
export interface CsafPublisher { name: string; namespace: string; publicUrl: string }

/** CSAF 2.0 carries TLP 1.0 labels: TLP 2.0 CLEAR is WHITE, AMBER+STRICT is AMBER with the restriction said in words. */
const TLP1: Record<Warning['tlp'], 'WHITE' | 'GREEN' | 'AMBER' | 'RED'> = { CLEAR: 'WHITE', GREEN: 'GREEN', AMBER: 'AMBER', 'AMBER+STRICT': 'AMBER', RED: 'RED' };
const TLP_TEXT: Record<Warning['tlp'], string> = {
  CLEAR: 'TLP:CLEAR (TLP 2.0): no limit on disclosure.',
  GREEN: 'TLP:GREEN (TLP 2.0): share within the recipient\'s community, not publicly.',
  AMBER: 'TLP:AMBER (TLP 2.0): share within the recipient organisation and its clients, on a need-to-know basis.',
  'AMBER+STRICT': 'TLP:AMBER+STRICT (TLP 2.0): share only within the recipient organisation, not with its clients. CSAF 2.0 knows only the TLP 1.0 labels, so the label says AMBER; the restriction is STRICT.',
  RED: 'TLP:RED (TLP 2.0): for the eyes of the individual recipients only.',
};
const TLP_DEFINITION = { category: 'external', summary: 'FIRST Traffic Light Protocol (TLP) 2.0: the sharing rules this document is distributed under', url: 'https://www.first.org/tlp/' };

const pid = (i: number) => `CSAFPID-${String(i + 1).padStart(4, '0')}`;

/**
 * CSAF `document.tracking`: a draft (never issued) is version 0 with status draft; an issued warning is
 * final, one revision per change since issue (issuing, withdrawing), its version their count.
 */
function tracking(w: Warning): Record<string, unknown> {
  if (w.revisions.length === 0 || w.issuedAt === null) {
    return { id: w.id, status: 'draft', version: '0', initial_release_date: w.createdAt, current_release_date: w.updatedAt, revision_history: [{ number: '0', date: w.createdAt, summary: 'Draft' }] };
  }
  const last = w.revisions[w.revisions.length - 1]!;
  return {
    id: w.id, status: 'final', version: String(last.number), initial_release_date: w.issuedAt, current_release_date: last.date,
    revision_history: w.revisions.map((r) => ({ number: String(r.number), date: r.date, summary: r.summary })),
  };
}

/** Vulnerabilities of a security advisory: scores computed from their vectors (BSI test 6.1.9), CVE records referenced. */
function vulnerabilities(w: Warning, productIds: string[]): Record<string, unknown>[] {
  return w.cves.map((c) => vulnerability(c, productIds));
}

/** One CVE; a vector stored before vectors were checked and that cannot be scored is left out rather than exported wrong. */
function vulnerability(c: Warning['cves'][number], productIds: string[]): Record<string, unknown> {
  const score = c.cvssVector && !cvssVectorProblem(c.cvssVector) ? cvssBase(c.cvssVector) : null;
  return {
    cve: c.id,
    notes: [{ category: 'description', title: 'Scores', text: `CVSS ${score?.baseScore ?? c.cvss ?? 'n/a'}; EPSS ${c.epss ?? 'n/a'}; known exploited: ${c.knownExploited ? 'yes' : 'no'}` }],
    product_status: { known_affected: productIds },
    references: [{ category: 'external', summary: `CVE record ${c.id}`, url: `https://www.cve.org/CVERecord?id=${c.id}` }],
    ...(c.knownExploited ? { threats: [{ category: 'exploit_status', details: 'Known to be exploited in the wild.' }] } : {}),
    ...(score ? { scores: [{ products: productIds, cvss_v3: score }] } : {}),
  };
}

/**
 * The warning as a CSAF 2.0 document: a security advisory when it names CVEs (the targeting's products
 * form the product tree), else an informational advisory. Every change since issue is a revision;
 * withdrawn warnings say so in a note. External references: the warning's own, the CVE records and the
 * TLP 2.0 definition the distribution statement refers to (an informational advisory needs one, BSI 6.1.27.2).
 */
export function toCsaf(w: Warning, publisher: CsafPublisher): Record<string, unknown> {
  const products = w.targeting.keywords?.length ? w.targeting.keywords : ['Affected products (see notes)'];
  const productIds = products.map((_, i) => pid(i));
  const track = tracking(w);
  const withdrawn = w.status === 'withdrawn' ? [{ category: 'general', title: 'Withdrawn', text: `This warning was withdrawn on ${String(track.current_release_date)}; do not act on it any more.` }] : [];
  return {
    document: {
      category: w.cves.length ? 'csaf_security_advisory' : 'csaf_informational_advisory',
      csaf_version: '2.0',
      title: w.titleEn,
      lang: 'en',
      publisher: { category: 'coordinator', name: publisher.name, namespace: publisher.namespace },
      distribution: { tlp: { label: TLP1[w.tlp], url: TLP_DEFINITION.url }, text: TLP_TEXT[w.tlp] },
      tracking: track,
      notes: [
        ...withdrawn,
        { category: 'summary', title: 'Summary', text: w.bodyEn },
        { category: 'summary', title: 'Tóm tắt (vi)', text: w.bodyVi },
        ...w.actions.map((a, i) => ({ category: 'general', title: `Recommended action ${i + 1}`, text: a.en })),
      ],
      references: [
        { category: 'self', summary: 'This warning (CSAF)', url: `${publisher.publicUrl}/api/v1/warnings/${w.id}/csaf` },
        ...w.references.map((r) => ({ category: 'external', summary: r.summary, url: r.url })),
        TLP_DEFINITION,
      ],
    },
    ...(w.cves.length ? {
      product_tree: { full_product_names: products.map((name, i) => ({ name, product_id: productIds[i]! })) },
      vulnerabilities: vulnerabilities(w, productIds),
    } : {}),
  };
}
