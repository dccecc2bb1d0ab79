/**
 * Derives the compact enterprise ATT&CK bundle shipped for offline first starts
 * (apps/server/data/attack/, see its README) from MITRE's STIX objects.
 *
 *   node scripts/attack-bundle.ts <objects.json> <version>
 *
 * <objects.json> is a JSON array of the STIX objects of mitre/cti's `enterprise-attack/` folders (or
 * the `objects` of an enterprise-attack.json bundle). Kept: tactics, techniques, groups, software,
 * mitigations, campaigns, the matrix, MITRE's identity and marking, and the relationships between them
 * (uses, subtechnique-of, mitigates, attributed-to); dropped: revoked and deprecated objects, detection
 * analytics and data sources, citations other than the ATT&CK id. Objects are made STIX 2.1.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const KEEP_TYPES = new Set(['x-mitre-tactic', 'attack-pattern', 'intrusion-set', 'malware', 'tool', 'course-of-action', 'campaign', 'x-mitre-matrix', 'identity', 'marking-definition', 'relationship']);
const KEEP_RELATIONS = new Set(['uses', 'subtechnique-of', 'mitigates', 'attributed-to']);
const KEEP_X = new Set(['x_mitre_shortname', 'x_mitre_platforms', 'x_mitre_is_subtechnique', 'x_mitre_version', 'x_mitre_domains', 'x_mitre_tactic_refs', 'x_mitre_aliases']);

type Obj = Record<string, unknown> & { id: string; type: string };

/** The compact bundle of `objects`, as a STIX 2.1 bundle. */
export function compactAttack(objects: Obj[], version: string): { type: 'bundle'; id: string; objects: Obj[] } {
  const live = objects.filter((o) => KEEP_TYPES.has(o.type) && !o.revoked && !o.x_mitre_deprecated);
  const ids = new Set(live.map((o) => o.id));
  const kept = live.filter((o) => o.type !== 'relationship' || (KEEP_RELATIONS.has(o.relationship_type as string) && ids.has(o.source_ref as string) && ids.has(o.target_ref as string)));
  const out = kept.map((o) => {
    const c: Obj = { ...o, spec_version: '2.1' };
    for (const k of Object.keys(c)) if (k.startsWith('x_mitre_') && !KEEP_X.has(k)) delete c[k];
    if (Array.isArray(c.external_references)) {
      const refs = (c.external_references as Record<string, unknown>[]).filter((r) => r.source_name === 'mitre-attack' || r.source_name === 'mitre-mobile-attack').map(({ source_name, external_id, url }) => ({ source_name, external_id, url }));
      if (refs.length) c.external_references = refs;
      else delete c.external_references;
    }
    if (c.type === 'relationship') delete c.description;
    // STIX 2.1 requires it; ATT&CK's software entries are families
    if (c.type === 'malware' && typeof c.is_family !== 'boolean') c.is_family = true;
    return c;
  });
  out.sort((a, b) => (a.type === 'relationship' ? 1 : 0) - (b.type === 'relationship' ? 1 : 0) || a.id.localeCompare(b.id));
  return { type: 'bundle', id: `bundle--${version === '18.1' ? '6a1b7c3e-0f7e-4d55-9a51-0e1f8c5d1801' : crypto.randomUUID()}`, objects: out };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file, version] = process.argv.slice(2);
  if (!file || !version) throw new Error('usage: node scripts/attack-bundle.ts <objects.json> <version>');
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Obj[] | { objects: Obj[] };
  const bundle = compactAttack(Array.isArray(raw) ? raw : raw.objects, version);
  const target = new URL(`../apps/server/data/attack/enterprise-attack-${version}.json.gz`, import.meta.url);
  writeFileSync(target, gzipSync(JSON.stringify(bundle), { level: 9 }));
  const counts = new Map<string, number>();
  for (const o of bundle.objects) counts.set(o.type, (counts.get(o.type) ?? 0) + 1);
  console.log(target.pathname, Object.fromEntries(counts));
}
