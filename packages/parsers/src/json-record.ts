import { fail } from './failure.ts';

/** A parsed JSON object whose members are not yet checked. */
export type JsonObject = { [key: string]: unknown };

/** Parses one record that must be a JSON object (JSON.parse once, no reviver: it is the hot path). */
export function parseJsonObject(record: string): JsonObject {
  let value: unknown;
  try {
    value = JSON.parse(record);
  } catch (e) {
    fail('malformed_json', `not valid JSON: ${(e as Error).message}`);
  }
  if (!isObject(value)) fail('not_an_object', `expected a JSON object, got ${Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value}`);
  return value;
}

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const segmentCache = new Map<string, string[]>();
function segments(path: string): string[] {
  let s = segmentCache.get(path);
  if (s === undefined) {
    s = path.split('.');
    segmentCache.set(path, s);
  }
  return s;
}

/**
 * Every value at a dotted path, whether the document nests (`{"event":{"kind":..}}`) or flattens
 * (`{"event.kind":..}`, as Kibana alert documents do) and through arrays at any level; arrays at the end
 * are flattened and null/undefined dropped.
 */
export function values(o: unknown, path: string): unknown[] {
  const out: unknown[] = [];
  collect(o, segments(path), 0, out);
  return out;
}

function collect(o: unknown, segs: string[], from: number, out: unknown[]): void {
  if (Array.isArray(o)) {
    for (const x of o) collect(x, segs, from, out);
    return;
  }
  if (from === segs.length) {
    if (o !== undefined && o !== null) out.push(o);
    return;
  }
  if (!isObject(o)) return;
  let key = '';
  for (let i = from; i < segs.length; i++) {
    key = i === from ? segs[i]! : `${key}.${segs[i]!}`;
    if (Object.hasOwn(o, key)) collect(o[key], segs, i + 1, out);
  }
}

/** The first value at a dotted path (see `values`), or undefined. */
export function field(o: unknown, path: string): unknown {
  if (!isObject(o)) return undefined;
  if (Object.hasOwn(o, path)) return o[path];
  const segs = segments(path);
  return segs.length === 1 ? undefined : walk(o, segs, 0);
}

function walk(o: JsonObject, segs: string[], from: number): unknown {
  let key = '';
  for (let i = from; i < segs.length; i++) {
    key = i === from ? segs[i]! : `${key}.${segs[i]!}`;
    if (!Object.hasOwn(o, key)) continue;
    const v = o[key];
    if (i === segs.length - 1) return v;
    if (isObject(v)) {
      const r = walk(v, segs, i + 1);
      if (r !== undefined) return r;
    }
  }
  return undefined;
}

/** A non-empty trimmed string from a string or finite number; null otherwise. Arrays give their first item. */
export function str(v: unknown): string | null {
  if (Array.isArray(v)) return v.length > 0 ? str(v[0]) : null;
  if (typeof v === 'string') {
    const t = v.trim();
    return t === '' ? null : t;
  }
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
}

/** An integer from a number or a decimal string; null otherwise. */
export function int(v: unknown): number | null {
  if (typeof v === 'number') return Number.isInteger(v) ? v : null;
  if (typeof v === 'string' && /^\s*-?\d{1,15}\s*$/.test(v)) return Number.parseInt(v, 10);
  return null;
}

/** A finite number from a number or a numeric string; null otherwise. */
export function num(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' && /^\s*-?\d+(?:\.\d+)?\s*$/.test(v)) return Number.parseFloat(v);
  return null;
}

/** A TCP/UDP port (0–65535) from a number or string; null otherwise. */
export function port(v: unknown): number | null {
  const n = int(Array.isArray(v) ? v[0] : v);
  return n !== null && n >= 0 && n <= 65535 ? n : null;
}

/** Strings (and numbers, as strings) from a value or an array of values. */
export function strings(v: unknown): string[] {
  if (Array.isArray(v)) {
    const out: string[] = [];
    for (const x of v) {
      const s = str(x);
      if (s !== null) out.push(s);
    }
    return out;
  }
  const s = str(v);
  return s === null ? [] : [s];
}
