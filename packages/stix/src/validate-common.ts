import { selectorProblem } from './granular-markings.ts';
import { isIdentifier } from './identifier.ts';
import { compareTimestamps, isStixTimestamp } from './timestamp.ts';
import type { StixKind } from './vocab.ts';

/** Collects error messages for one object, each prefixed with the property it concerns. */
export type Report = (message: string) => void;

type Obj = Record<string, unknown>;

const PROPERTY_NAME = /^[a-zA-Z0-9_]+$/;

/** Common properties (STIX 2.1 §3.2) according to the object's kind. */
export function checkCommon(o: Obj, kind: StixKind, report: Report): void {
  const versioned = kind === 'sdo' || kind === 'sro' || kind === 'custom' || o.type === 'language-content' || o.type === 'extension-definition';
  if (kind === 'sco') {
    if (o.spec_version !== undefined && o.spec_version !== '2.1') report(`spec_version must be "2.1", got ${JSON.stringify(o.spec_version)}`);
  } else if (o.spec_version !== '2.1') {
    report(o.spec_version === undefined ? 'spec_version is required' : `spec_version must be "2.1", got ${JSON.stringify(o.spec_version)}`);
  }
  if (versioned || o.type === 'marking-definition') requireTimestamp(o, 'created', report);
  if (versioned) requireTimestamp(o, 'modified', report);
  else optionalTimestamp(o, 'modified', report);
  if (isStixTimestamp(o.created) && isStixTimestamp(o.modified) && compareTimestamps(o.modified, o.created) < 0) {
    report('modified must not be earlier than created');
  }
  for (const key of Object.keys(o)) if (!PROPERTY_NAME.test(key)) report(`property name "${key}" may contain only letters, digits and _`);
  if (o.created_by_ref !== undefined && !isIdentifier(o.created_by_ref, 'identity')) report('created_by_ref must be an identity id');
  if (o.revoked !== undefined && typeof o.revoked !== 'boolean') report('revoked must be a boolean');
  if (o.labels !== undefined && !isStringList(o.labels)) report('labels must be a non-empty list of strings');
  if (o.confidence !== undefined && !(Number.isInteger(o.confidence) && (o.confidence as number) >= 0 && (o.confidence as number) <= 100)) {
    report('confidence must be an integer from 0 to 100');
  }
  if (o.lang !== undefined && typeof o.lang !== 'string') report('lang must be a language tag string');
  if (o.defanged !== undefined && typeof o.defanged !== 'boolean') report('defanged must be a boolean');
  checkExternalReferences(o.external_references, report);
  if (o.object_marking_refs !== undefined && !isIdList(o.object_marking_refs, 'marking-definition')) {
    report('object_marking_refs must be a list of marking-definition ids');
  }
  checkGranularMarkings(o, report);
  if (o.extensions !== undefined && !isPlainObject(o.extensions)) report('extensions must be an object');
}

function checkExternalReferences(value: unknown, report: Report): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) return report('external_references must be a list');
  value.forEach((ref, i) => {
    if (!isPlainObject(ref) || typeof ref.source_name !== 'string') report(`external_references[${i}].source_name is required`);
  });
}

/** Granular markings: each needs a marking or a language, and every selector must select content of this object (§7.2.3.1). */
function checkGranularMarkings(o: Obj, report: Report): void {
  const value = o.granular_markings;
  if (value === undefined) return;
  if (!Array.isArray(value)) return report('granular_markings must be a list');
  value.forEach((m, i) => {
    if (!isPlainObject(m) || !isStringList(m.selectors)) return report(`granular_markings[${i}].selectors must be a non-empty list`);
    if (m.marking_ref === undefined && m.lang === undefined) report(`granular_markings[${i}] needs marking_ref or lang`);
    if (m.marking_ref !== undefined && !isIdentifier(m.marking_ref, 'marking-definition')) report(`granular_markings[${i}].marking_ref must be a marking-definition id`);
    for (const s of m.selectors) {
      const problem = selectorProblem(o, s);
      if (problem !== null) report(`granular_markings[${i}].selectors: ${problem}`);
    }
  });
}

/** Report when a required timestamp property is missing or malformed. */
export function requireTimestamp(o: Obj, key: string, report: Report): void {
  if (o[key] === undefined) report(`${key} is required`);
  else optionalTimestamp(o, key, report);
}

/** Report when an optional timestamp property is present but malformed. */
export function optionalTimestamp(o: Obj, key: string, report: Report): void {
  if (o[key] !== undefined && !isStixTimestamp(o[key])) report(`${key} must be an RFC 3339 UTC timestamp ending in Z, got ${JSON.stringify(o[key])}`);
}

/** True for a plain JSON object (not null, not an array). */
export function isPlainObject(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** True for a non-empty list of strings. */
export function isStringList(v: unknown): v is string[] {
  return Array.isArray(v) && v.length > 0 && v.every((s) => typeof s === 'string');
}

/** True for a non-empty list of identifiers (of `type` when given). */
export function isIdList(v: unknown, type?: string): v is string[] {
  return Array.isArray(v) && v.length > 0 && v.every((s) => isIdentifier(s, type));
}
