import type { FastifyInstance, RouteOptions } from 'fastify';
import { OPEN_BY_NATURE } from '@lachan/contracts';

type Schema = Record<string, unknown>;

const isSchema = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);
const isObjectLevel = (s: Schema) => s.type === 'object' || isSchema(s.properties);

/**
 * The object levels of a request-body schema that accept fields nobody named (JSON-pointer-like
 * paths, '' for the root). A level is closed by `additionalProperties: false`; a map (typed
 * `additionalProperties` or `patternProperties`) names its values; a level marked `OPEN_BY_NATURE`
 * (a raw alert record, a STIX object with custom properties) is skipped with all it holds. A root
 * that is no object at all (`Type.Unknown()`) counts as open too, unless marked.
 */
export function openLevels(schema: unknown, path = ''): string[] {
  if (!isSchema(schema)) return [];
  const reason = schema[OPEN_BY_NATURE];
  if (typeof reason === 'string' && reason.trim() !== '') return [];
  const out: string[] = [];
  if (path === '' && Object.keys(schema).every((k) => ['description', 'title', 'examples', 'default'].includes(k))) out.push('');
  if (isObjectLevel(schema)) {
    const extra = schema.additionalProperties;
    if (extra !== false && !isSchema(extra) && !isSchema(schema.patternProperties)) out.push(path);
    for (const [key, sub] of Object.entries(isSchema(schema.properties) ? schema.properties : {})) out.push(...openLevels(sub, `${path}/${key}`));
    if (isSchema(extra)) out.push(...openLevels(extra, `${path}/*`));
    for (const sub of Object.values(isSchema(schema.patternProperties) ? schema.patternProperties : {})) out.push(...openLevels(sub, `${path}/*`));
  }
  if (isSchema(schema.items)) out.push(...openLevels(schema.items, `${path}/0`));
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    const branches = schema[key];
    if (Array.isArray(branches)) branches.forEach((b) => out.push(...openLevels(b, path)));
  }
  return [...new Set(out)];
}

/** Why a route's body schema is refused, or null when every object level of it is closed. */
export function bodyClosureProblem(route: Pick<RouteOptions, 'method' | 'url' | 'schema'>): string | null {
  const open = openLevels(route.schema?.body);
  if (open.length === 0) return null;
  const where = open.map((p) => (p === '' ? 'the body itself' : p)).join(', ');
  const method = Array.isArray(route.method) ? route.method.join(',') : route.method;
  return `${method} ${route.url}: the body schema accepts unnamed fields at ${where}; add additionalProperties: false (or mark a level OPEN_BY_NATURE with the reason)`;
}

/** A route as registered: method(s), URL and its body schema when it declares one. */
export interface RouteBody { methods: string[]; url: string; body: unknown }

const tables = new WeakMap<FastifyInstance, RouteBody[]>();

/**
 * Refuses to start when a route declares a body schema with an open object level: a field nobody
 * named must answer 400, never reach an INSERT or UPDATE (issue 12, item 1). Keeps the route table
 * it saw, for the tests that walk it.
 */
export function registerClosedBodies(app: FastifyInstance): void {
  const table: RouteBody[] = [];
  tables.set(app, table);
  app.addHook('onRoute', (route) => {
    const problem = bodyClosureProblem(route);
    if (problem) throw new Error(problem);
    table.push({ methods: [route.method].flat(), url: route.url, body: route.schema?.body });
  });
}

/** Every route registered on the app since `registerClosedBodies`. */
export const routeTable = (app: FastifyInstance): readonly RouteBody[] => tables.get(app) ?? [];
