import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createTestApp, type TestApp } from '../testing/harness.ts';
import { openLevels, routeTable, type RouteBody } from './closed-bodies.ts';

type Schema = Record<string, unknown>;
const FIELD = 'zz_not_a_field';

const pick = <T>(arb: fc.Arbitrary<T>): T => fc.sample(arb, { numRuns: 1, seed: 12 })[0]!;

/** A string the schema accepts (format first, then pattern, then length). */
function text(s: Schema): string {
  const min = Number(s.minLength ?? 1);
  // A pattern fixes its own length (a 64-digit hash): only a declared maxLength bounds it.
  const max = Number(s.maxLength ?? (typeof s.pattern === 'string' ? Number.MAX_SAFE_INTEGER : 40));
  switch (s.format) {
    case 'uuid': return randomUUID();
    case 'email': return 'kiem.tra@closed.example.vn';
    case 'date-time': return '2026-01-15T08:00:00+07:00';
    case 'date': return '2026-01-15';
    case 'uri': return 'https://closed.example.vn/hook';
  }
  if (typeof s.pattern === 'string') return pick(fc.stringMatching(new RegExp(s.pattern)).filter((v) => v.length >= min && v.length <= max));
  return 'x'.repeat(Math.max(min, 3));
}

/** A full value of the schema: every property, optional ones too, and one item in each list. */
function sample(s: Schema): unknown {
  if (s.const !== undefined) return s.const;
  if (Array.isArray(s.enum)) return s.enum[0];
  if (Array.isArray(s.anyOf)) return sample((s.anyOf as Schema[]).find((b) => b.type !== 'null') ?? {});
  switch (s.type) {
    case 'object': return Object.fromEntries(Object.entries((s.properties ?? {}) as Record<string, Schema>).map(([k, v]) => [k, sample(v)]));
    case 'array': return Array.from({ length: Math.max(1, Number(s.minItems ?? 1)) }, () => sample(s.items as Schema));
    case 'string': return text(s);
    case 'integer': case 'number': return Number(s.minimum ?? 1);
    case 'boolean': return true;
    case 'null': return null;
  }
  return 'x';
}

/** The paths of every object in a value (`[]` is the body itself). */
function objectPaths(v: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(v)) return v.flatMap((x, i) => objectPaths(x, [...path, i]));
  if (typeof v !== 'object' || v === null) return [];
  return [path, ...Object.entries(v).flatMap(([k, x]) => objectPaths(x, [...path, k]))];
}

/** The value with FIELD added to the object at `path`. */
function withField(v: unknown, path: (string | number)[]): unknown {
  const copy = structuredClone(v) as Record<string | number, unknown>;
  const target = path.reduce<Record<string | number, unknown>>((o, k) => o[k] as Record<string | number, unknown>, copy);
  target[FIELD] = 'national_coordinator';
  return copy;
}

let t: TestApp;
let routes: RouteBody[];
beforeAll(async () => {
  t = await createTestApp();
  routes = routeTable(t.app).filter((r) => r.body !== undefined);
});
afterAll(() => t?.close());

describe('the route table (every route with a body schema)', () => {
  it('has no open object level in any body, and covers the write routes', () => {
    expect(routes.length).toBeGreaterThanOrEqual(45);
    expect(routes.flatMap((r) => openLevels(r.body).map((l) => `${r.methods.join(',')} ${r.url} ${l || '(body)'}`))).toEqual([]);
    for (const known of ['PATCH /api/v1/me', 'POST /api/v1/users', 'PATCH /api/v1/users/:id', 'POST /api/v1/incidents', 'POST /api/v1/warnings']) {
      expect(routes.some((r) => `${r.methods[0]} ${r.url}` === known), known).toBe(true);
    }
  });

  it('answers 400 validation_failed naming a field nobody declared, at every object level of every body', async () => {
    const misses: string[] = [];
    let checked = 0;
    for (const r of routes) {
      const url = r.url.replace(/:(\w+)/g, (_m, name: string) => (name === 'code' ? 'CLOSED_TEST' : randomUUID()));
      const full = sample(r.body as Schema);
      for (const path of objectPaths(full)) {
        for (const method of r.methods.filter((m) => m !== 'HEAD')) {
          const res = await t.admin.request(method as 'POST', url, withField(full, path));
          checked++;
          const where = ['body', ...path, FIELD].join('/');
          const error = res.statusCode === 400 ? (res.json() as { error: { code: string; message: string } }).error : null;
          if (error?.code !== 'validation_failed' || !error.message.startsWith(`${where} `)) misses.push(`${method} ${r.url} ${where}: ${res.statusCode} ${res.body.slice(0, 200)}`);
        }
      }
    }
    expect(misses).toEqual([]);
    expect(checked).toBeGreaterThanOrEqual(80);
  });
});
