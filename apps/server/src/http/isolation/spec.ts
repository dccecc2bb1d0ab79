import type { LightMyRequestResponse } from 'fastify';
import type { Caller } from '../../testing/harness.ts';
import type { World } from './world.ts';

/**
 * The callers of the isolation matrix. The first five ask every route; the own organisation's admin,
 * connector key and the national centre ask where a route is for them (their positive control).
 */
export const CALLERS = ['anonymous', 'otherAnalyst', 'otherAdmin', 'otherKey', 'ownAnalyst', 'ownAdmin', 'ownKey', 'centre'] as const;
export type CallerName = (typeof CALLERS)[number];
/** Callers of another organisation: a 2xx answer to them must carry nothing of the own organisation's. */
export const OTHERS: readonly CallerName[] = ['otherAnalyst', 'otherAdmin', 'otherKey'];
/** Callers whose 2xx answer proves the route works at all (the positive control). */
export const OWN: readonly CallerName[] = ['ownAnalyst', 'ownAdmin', 'ownKey', 'centre'];

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One request of one cell. `body` is JSON unless it is a Buffer (sent as it is, with `headers`). */
export interface Req {
  method: Method;
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Sent by this caller instead of the cell's standing one (a fresh session or account of the same kind). */
  caller?: Caller;
}

/** What one caller must get: the status, and when the cell is a known failure, the issue item that fixes it. */
export interface Cell {
  status: number;
  /** Issue 12 item owned by another part; the cell runs as `it.fails` until that part is merged. */
  knownFailure?: string;
}

/** A route's row: how to ask it for a resource of the own organisation, and what each caller gets. */
export interface RouteSpec {
  /** `METHOD /url/:pattern` exactly as Fastify registered it. */
  route: string;
  /** Names a second row of the same route (another resource or another question). */
  variant?: string;
  /** Builds one cell's request (fresh resources are made here for routes that change or consume them). */
  request: (w: World, who: CallerName) => Req | Promise<Req>;
  expect: Partial<Record<CallerName, number | Cell>>;
  /** Tokens that an own caller's 2xx answer must contain (the list really lists the own items it hides from others). */
  shows?: (w: World) => string[];
  /** Tokens that another organisation's 2xx answer must contain (CLEAR or shared items reach them). */
  sharedShows?: (w: World) => string[];
  /** Further assertions on a cell's answer (what changed, or did not). */
  check?: (w: World, who: CallerName, res: Answer) => void | Promise<void>;
  /** Error codes of refusals whose code is not the usual one of their status (e.g. a 400 for a wrong code). */
  codes?: Partial<Record<number, string>>;
  /** Errors come in the TAXII shape (`http_status`) instead of the one error shape. */
  taxii?: boolean;
  /** Answered as a Server-Sent Events stream (read over the network, not injected). */
  stream?: boolean;
}

/** A cell's answer, injected or read over the network. */
export type Answer = Pick<LightMyRequestResponse, 'statusCode' | 'body' | 'headers'>;

/**
 * A row of expectations in the fixed order of the five standing callers (anonymous, another
 * organisation's analyst, its admin, its connector key, the own analyst), plus the callers a route is for.
 */
export function row(anonymous: number, otherAnalyst: number | Cell, otherAdmin: number | Cell, otherKey: number | Cell, ownAnalyst: number | Cell,
  extra: Partial<Record<CallerName, number | Cell>> = {}): RouteSpec['expect'] {
  return { anonymous, otherAnalyst, otherAdmin, otherKey, ownAnalyst, ...extra };
}

/** A cell that answers `status` once the named issue-12 item (another engineer's part) is merged. */
export const knownFailure = (status: number, item: string): Cell => ({ status, knownFailure: item });

export const cellOf = (c: number | Cell): Cell => (typeof c === 'number' ? { status: c } : c);

export const get = (url: string): Req => ({ method: 'GET', url });
export const del = (url: string): Req => ({ method: 'DELETE', url });
export const post = (url: string, body: unknown = {}): Req => ({ method: 'POST', url, body });
export const patch = (url: string, body: unknown): Req => ({ method: 'PATCH', url, body });
export const put = (url: string, body: unknown): Req => ({ method: 'PUT', url, body });

/** The error code the one error shape carries for a status the matrix expects. */
export const CODE_OF: Record<number, string> = { 400: 'validation_failed', 401: 'unauthenticated', 403: 'forbidden', 404: 'not_found' };
