import type { WarningCreate } from '@lachan/contracts';

type Cve = NonNullable<WarningCreate['cves']>[number];

/**
 * CVE references as the author types them, one per line or comma: `CVE-2024-3400 cvss=10 epss=0.95 kev`
 * (scores and `vector=CVSS:3.1/…` optional; `kev` marks it known exploited).
 */
export function parseCves(text: string): Cve[] {
  return text.split(/[\n,]+/).map((entry) => entry.trim().split(/\s+/).filter(Boolean)).filter((tokens) => tokens.length > 0).map(([id, ...attrs]) => {
    const cve: Cve = { id: id!.toUpperCase() };
    for (const a of attrs) {
      const [key, value] = a.toLowerCase().split('=');
      if (key === 'cvss' && value !== undefined && Number.isFinite(Number(value))) cve.cvss = Number(value);
      else if (key === 'epss' && value !== undefined && Number.isFinite(Number(value))) cve.epss = Number(value);
      else if (key === 'vector' && value !== undefined) cve.cvssVector = a.slice('vector='.length).toUpperCase();
      else if (key === 'kev' || key === 'exploited') cve.knownExploited = true;
    }
    return cve;
  });
}

/** The text of saved CVE references, one per line. */
export function formatCves(cves: readonly Cve[]): string {
  return cves.map((c) => [c.id, c.cvss !== undefined && `cvss=${c.cvss}`, c.epss !== undefined && `epss=${c.epss}`, c.cvssVector && `vector=${c.cvssVector}`, c.knownExploited && 'kev'].filter(Boolean).join(' ')).join('\n');
}
