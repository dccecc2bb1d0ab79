import { foldDiacritics, type Tlp } from '@lachan/contracts';
import { canonicalJson, granularTlp, kindOf, timestampKey, tlpOf, tlpRank } from '@lachan/stix';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/index.ts';
import { mayVersionObject, type StixWriter } from './intel.policy.ts';
import { viewAt } from './object-view.ts';
import type { StoredVersion } from './stix-objects.repository.ts';
import { stixOwnersRepository } from './stix-owners.repository.ts';

/**
 * What becomes of one valid object a writer sends: stored (by its owner, or the centre), recognised as
 * a version already stored (another organisation sending an exact copy, e.g. the TLP marking
 * definitions every bundle carries), or refused with the reason.
 */
export type WriteDecision =
  | { kind: 'store'; v: StoredVersion }
  | { kind: 'held'; v: StoredVersion; version: string; tlp: string | null }
  | { kind: 'refused'; v: StoredVersion; message: string };

/** Why another organisation's version is refused (TAXII status failures, intake run errors). */
export const NOT_OWNER = 'belongs to another organisation: only that organisation, or the national centre, may issue versions of it';

/**
 * Decide, inside the storing transaction, what becomes of each version: the first writer of an id
 * becomes its owner; its owner and the centre (intel.manage) store versions; anyone else's copy is
 * accepted only when it is exactly a stored version (same content), never as a new or different one.
 * Every path that stores STIX objects (bundle intake, feeds, TAXII add) decides here.
 */
export async function decideWrites(tx: Kysely<DB>, writer: StixWriter, versions: StoredVersion[]): Promise<WriteDecision[]> {
  const owners = await stixOwnersRepository.claim(tx, [...new Set(versions.map((v) => v.id))], writer.orgId);
  const ownerOf = (v: StoredVersion): string | null => owners.get(v.id) ?? null;
  const foreign = versions.filter((v) => !mayVersionObject(writer, ownerOf(v)));
  const held = await stixOwnersRepository.held(tx, foreign.filter((v) => v.modified !== null).map((v) => ({ id: v.id, version: v.version })), foreign.filter((v) => v.modified === null).map((v) => v.id));
  // In an exercise, a writer adds the exercise's own objects; it never versions real knowledge.
  const real = writer.exerciseId ? await stixOwnersRepository.realIds(tx, versions.map((v) => v.id)) : new Set<string>();
  return versions.map((v): WriteDecision => {
    if (real.has(v.id)) return { kind: 'refused', v, message: `${v.id} is real knowledge: an exercise cannot change it` };
    const owner = ownerOf(v);
    if (mayVersionObject(writer, owner)) return { kind: 'store', v: { ...v, ownerOrgId: owner } };
    const copy = canonicalJson(v.object);
    const same = held.find((h) => h.id === v.id && (v.modified === null || h.version === v.version) && canonicalJson(h.object) === copy);
    return same ? { kind: 'held', v, version: same.version, tlp: same.tlp } : { kind: 'refused', v, message: `${v.id} ${NOT_OWNER}` };
  });
}

/**
 * What is stored for a valid object sent by `orgId`: versioned objects by `modified`, others by the
 * time stored; its object-level and highest granular TLP; and its search text (name, description,
 * pattern, value, a note's abstract and content), read from what every
 * reader of the object may see (content marked above GREEN in an object GREEN readers see is left out).
 */
export function toStored(o: Record<string, unknown>, orgId: string): StoredVersion {
  const modified = typeof o.modified === 'string' ? o.modified : null;
  const kind = kindOf(o.type as string);
  const version = modified !== null && kind !== 'sco' ? timestampKey(modified) : timestampKey(new Date().toISOString());
  const tlp = tlpOf(o);
  const granular = granularTlp(o);
  const leastReader: Tlp = tlp !== null && tlpRank(tlp) > tlpRank('GREEN') ? 'RED' : 'GREEN';
  const seen = viewAt({ object: o, tlp, granular_tlp: granular }, leastReader)?.object ?? {};
  const search = foldDiacritics([seen.name, seen.description, seen.pattern, seen.value, seen.abstract, seen.content].filter((x) => typeof x === 'string').join(' ')).toLowerCase();
  return {
    id: o.id as string, version, modified: kind === 'sco' ? null : modified, type: o.type as string,
    specVersion: typeof o.spec_version === 'string' ? o.spec_version : '2.1', object: o,
    ownerOrgId: orgId, addedByOrgId: orgId, tlp, granularTlp: granular, search,
  };
}
