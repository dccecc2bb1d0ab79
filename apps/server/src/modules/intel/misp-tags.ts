import { createHash } from 'node:crypto';
import { TLP2_MARKING_IDS } from '@lachan/stix';

type Tag = { name?: string };

/** `tlp:*` tags as TLP 2.0 marking definitions; TLP 1.0's WHITE reads as CLEAR. */
const TLP: Record<string, string> = {
  clear: TLP2_MARKING_IDS.CLEAR, white: TLP2_MARKING_IDS.CLEAR, green: TLP2_MARKING_IDS.GREEN,
  amber: TLP2_MARKING_IDS.AMBER, 'amber+strict': TLP2_MARKING_IDS['AMBER+STRICT'], red: TLP2_MARKING_IDS.RED,
};

/** The TLP 2.0 marking for the `tlp:*` tag among `tags`, if any (the most restrictive when several). */
export function tlpMarking(tags: Tag[] | undefined): string | null {
  const order = Object.values(TLP2_MARKING_IDS);
  let best: string | null = null;
  for (const t of tags ?? []) {
    const name = t.name?.trim().toLowerCase() ?? '';
    const m = name.startsWith('tlp:') ? TLP[name.slice(4)] : undefined;
    if (m && (best === null || order.indexOf(m) > order.indexOf(best))) best = m;
  }
  return best;
}

const ATTACK = /^misp-galaxy:mitre-(?:[a-z-]+-)?attack-pattern="(.+?)(?: - (T\d{4}(?:\.\d{3})?))?"$/i;
const ACTOR = /^misp-galaxy:threat-actor="(.+)"$/i;
const INTRUSION_SET = /^misp-galaxy:mitre-intrusion-set="(.+?)(?: - (G\d{4}))?"$/i;

/** Tags that are neither TLP nor mapped to objects: the labels of what the event makes. */
export function tagLabels(tags: Tag[] | undefined): string[] {
  return (tags ?? []).map((t) => t.name?.trim() ?? '').filter((n) => n !== '' && !n.toLowerCase().startsWith('tlp:') && !ATTACK.test(n) && !ACTOR.test(n) && !INTRUSION_SET.test(n));
}

const idOf = (type: string, name: string) => {
  const h = createHash('sha256').update(name).digest('hex');
  return `${type}--${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

/** The object a galaxy tag names (per event, so two feeds never version each other's), or null. */
function galaxyObject(eventUuid: string, tag: string, at: string, marking: object): Record<string, unknown> | null {
  const common = (type: string, key: string) => ({ type, spec_version: '2.1', id: idOf(type, `misp:${eventUuid}:${key}`), created: at, modified: at, ...marking });
  let m = ATTACK.exec(tag);
  if (m) {
    const [, name, technique] = m;
    return {
      ...common('attack-pattern', technique ?? name!), name: name!,
      ...(technique ? { external_references: [{ source_name: 'mitre-attack', external_id: technique, url: `https://attack.mitre.org/techniques/${technique.replace('.', '/')}/` }] } : {}),
    };
  }
  if ((m = ACTOR.exec(tag))) return { ...common('threat-actor', m[1]!), name: m[1]! };
  if ((m = INTRUSION_SET.exec(tag))) {
    return { ...common('intrusion-set', m[2] ?? m[1]!), name: m[1]!, ...(m[2] ? { external_references: [{ source_name: 'mitre-attack', external_id: m[2], url: `https://attack.mitre.org/groups/${m[2]}/` }] } : {}) };
  }
  return null;
}

/**
 * ATT&CK techniques, threat actors and intrusion sets named by galaxy tags, with the relationships
 * saying which indicators indicate them: the event's tags hold for every indicator, an attribute's
 * own tags for its indicator (or its context object, related to them) only.
 */
export function galaxyObjects(e: { uuid?: string; Tag?: Tag[] }, items: Array<{ id: string; tags: Tag[] | undefined }>, at: string, marking: object): Record<string, unknown>[] {
  const indicators = items.filter((i) => i.id.startsWith('indicator--'));
  const objects = new Map<string, Record<string, unknown>>();
  const edges = new Set<string>();
  const add = (tags: Tag[] | undefined, sources: string[]) => {
    for (const t of tags ?? []) {
      const o = galaxyObject(e.uuid ?? '', t.name?.trim() ?? '', at, marking);
      if (!o) continue;
      objects.set(o.id as string, o);
      for (const s of sources) edges.add(`${s} ${o.id as string}`);
    }
  };
  add(e.Tag, indicators.map((i) => i.id));
  for (const i of items) add(i.tags, [i.id]);
  const relationships = [...edges].map((edge) => {
    const [source, target] = edge.split(' ') as [string, string];
    // Only an indicator indicates; context (observed data, a note) is related to what its tags name.
    const type = source.startsWith('indicator--') ? 'indicates' : 'related-to';
    return { type: 'relationship', spec_version: '2.1', id: idOf('relationship', `misp:${edge}`), created: at, modified: at, relationship_type: type, source_ref: source, target_ref: target, ...marking };
  });
  return [...objects.values(), ...relationships];
}
