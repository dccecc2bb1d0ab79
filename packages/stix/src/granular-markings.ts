import type { Tlp } from '@lachan/contracts';
import { tlpOfMarking, tlpRank } from './tlp.ts';

/** One step of a selector: a property name or a list index (STIX 2.1 §7.2.3.1). */
export type SelectorStep = string | number;

type Json = Record<string, unknown>;

const INDEX = /^\[(\d+)\]$/;

/**
 * The steps of a granular-marking selector: property names and `[n]` list indices joined by dots
 * (`description`, `external_references.[0].url`, `labels.[1]`); null when it is not that syntax.
 * The first step is always a property of the object itself.
 */
export function parseSelector(selector: string): SelectorStep[] | null {
  const steps: SelectorStep[] = [];
  for (const part of selector.split('.')) {
    const index = INDEX.exec(part);
    if (index) steps.push(Number(index[1]));
    else if (part === '' || /[[\]]/.test(part)) return null;
    else steps.push(part);
  }
  return typeof steps[0] === 'string' ? steps : null;
}

/** The value a selector points at in the object, or undefined when it selects nothing there. */
export function selectValue(object: unknown, steps: readonly SelectorStep[]): unknown {
  let at: unknown = object;
  for (const step of steps) {
    if (typeof step === 'number') at = Array.isArray(at) && step < at.length ? at[step] : undefined;
    else at = isObject(at) && Object.hasOwn(at, step) ? at[step] : undefined;
    if (at === undefined) return undefined;
  }
  return at;
}

/** Why a selector cannot be used on this object (bad syntax, or it selects nothing), or null when it resolves. */
export function selectorProblem(object: Json, selector: string): string | null {
  const steps = parseSelector(selector);
  if (steps === null) return `"${selector}" is not a selector (property names and [n] list indices joined by dots)`;
  return selectValue(object, steps) === undefined ? `"${selector}" selects nothing in the object` : null;
}

/** The highest TLP that granular markings put on any part of the object, or null when none does. */
export function granularTlp(object: Json): Tlp | null {
  let best: Tlp | null = null;
  for (const m of markingsOf(object)) {
    const tlp = typeof m.marking_ref === 'string' ? tlpOfMarking(m.marking_ref) : null;
    if (tlp !== null && (best === null || tlpRank(tlp) > tlpRank(best))) best = tlp;
  }
  return best;
}

/** What redaction leaves of an object: the object without the content above the ceiling, and the selectors taken out. */
export interface Redacted { object: Json; withheld: string[] }

/**
 * Properties whose removal would leave no object to speak of (or would strip the markings of what
 * remains): when one of them is marked above the ceiling, the whole object is withheld instead.
 */
const STRUCTURAL = new Set(['id', 'type', 'spec_version', 'created', 'modified', 'object_marking_refs', 'granular_markings']);

/**
 * The object as a reader allowed up to `ceiling` may see it: every property or list item a granular
 * TLP marking puts above the ceiling is taken out (with everything inside it), lists and dictionaries
 * left empty go too, and the remaining granular markings keep selecting the same content (list indices
 * shifted). Null when a structural property is marked above the ceiling. Markings that are not TLP
 * (statements, `lang`) restrict nothing here and are kept.
 */
export function redactGranular(object: Json, ceiling: Tlp): Redacted | null {
  const marked: SelectorStep[][] = [];
  for (const m of markingsOf(object)) {
    const tlp = typeof m.marking_ref === 'string' ? tlpOfMarking(m.marking_ref) : null;
    if (tlp === null || tlpRank(tlp) <= tlpRank(ceiling)) continue;
    for (const s of selectorsOf(m)) {
      const steps = parseSelector(s);
      if (steps !== null && selectValue(object, steps) !== undefined) marked.push(steps);
    }
  }
  if (marked.length === 0) return { object, withheld: [] };
  if (marked.some((p) => STRUCTURAL.has(p[0] as string))) return null;
  const removed = new Set(marked.map(keyOf));
  const withheld = [...new Set(marked.filter((p) => !hasRemovedAncestor(p, removed)).map(selectorOf))];
  const result = rebuild(object, [], removed) as Json;
  const kept = markingsOf(object).flatMap((m) => {
    const selectors = selectorsOf(m).flatMap((s) => {
      const steps = parseSelector(s);
      const moved = steps === null ? null : shifted(steps, removed);
      return moved === null ? [] : [selectorOf(moved)];
    });
    return selectors.length > 0 ? [{ ...m, selectors }] : [];
  });
  if (kept.length > 0) result.granular_markings = kept;
  else delete result.granular_markings;
  return { object: result, withheld };
}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const keyOf = (steps: readonly SelectorStep[]): string => JSON.stringify(steps);
const selectorOf = (steps: readonly SelectorStep[]): string => steps.map((x) => (typeof x === 'number' ? `[${x}]` : x)).join('.');
const markingsOf = (o: Json): Json[] => (Array.isArray(o.granular_markings) ? o.granular_markings.filter(isObject) : []);
const selectorsOf = (m: Json): string[] => (Array.isArray(m.selectors) ? m.selectors.filter((s): s is string => typeof s === 'string') : []);

function hasRemovedAncestor(steps: readonly SelectorStep[], removed: ReadonlySet<string>): boolean {
  for (let n = 1; n < steps.length; n++) if (removed.has(keyOf(steps.slice(0, n)))) return true;
  return false;
}

/** A copy without the removed paths; containers emptied by the removal are removed too (and recorded). */
function rebuild(value: unknown, path: SelectorStep[], removed: Set<string>): unknown {
  if (Array.isArray(value)) {
    const out = value.flatMap((item, i) => {
      if (removed.has(keyOf([...path, i]))) return [];
      const copy = rebuild(item, [...path, i], removed);
      return removed.has(keyOf([...path, i])) ? [] : [copy];
    });
    if (value.length > 0 && out.length === 0 && path.length > 0) removed.add(keyOf(path));
    return out;
  }
  if (!isObject(value)) return value;
  const out: Json = {};
  for (const [k, v] of Object.entries(value)) {
    const child = [...path, k];
    if (removed.has(keyOf(child))) continue;
    const copy = rebuild(v, child, removed);
    if (!removed.has(keyOf(child))) out[k] = copy;
  }
  if (Object.keys(value).length > 0 && Object.keys(out).length === 0 && path.length > 0) removed.add(keyOf(path));
  return out;
}

/** A kept selector's steps after the removal (list indices moved down past removed items), or null when it pointed into removed content. */
function shifted(steps: readonly SelectorStep[], removed: ReadonlySet<string>): SelectorStep[] | null {
  if (removed.has(keyOf(steps)) || hasRemovedAncestor(steps, removed)) return null;
  return steps.map((step, n) => {
    if (typeof step !== 'number') return step;
    const list = steps.slice(0, n);
    let before = 0;
    for (let i = 0; i < step; i++) if (removed.has(keyOf([...list, i]))) before++;
    return step - before;
  });
}
