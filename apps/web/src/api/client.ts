import type { ErrorBody } from '@lachan/contracts';

/** An error answered by the API, or a network failure (status 0); `code` is what the console translates. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

/** A list answer of the API (contracts `ListOf`). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type QueryParams = Record<string, string | number | boolean | null | undefined>;

const BASE = '/api/v1';
let csrfToken: string | null = null;

/** Remembers the CSRF token handed out by login or GET /me; sent on every non-GET request. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The CSRF token to send on writes made outside this client (an upload with progress). */
export const getCsrfToken = (): string | null => csrfToken;

/** Builds `/api/v1<path>?query`, leaving out empty parameters. */
export function apiUrl(path: string, query?: QueryParams): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return `${BASE}${path}${qs ? `?${qs}` : ''}`;
}

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string';
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A body sent as it is (a file upload) with its own content type, instead of JSON. */
interface RawBody {
  raw: Blob;
  contentType: string;
}

async function request<T>(method: string, path: string, query?: QueryParams, body?: unknown, raw?: RawBody): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (raw) headers['Content-Type'] = raw.contentType;
  else if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(apiUrl(path, query), {
      method,
      headers,
      credentials: 'same-origin',
      body: raw ? raw.raw : body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (cause) {
    throw new ApiError(0, 'network_error', cause instanceof Error ? cause.message : String(cause));
  }

  const text = response.status === 204 ? '' : await response.text();
  const payload = text ? parseJson(text) : undefined;
  if (!response.ok) {
    if (isErrorBody(payload)) {
      const { code, message, details } = payload.error;
      throw new ApiError(response.status, code, message, details);
    }
    throw new ApiError(response.status, 'http_error', response.statusText || `HTTP ${response.status}`);
  }
  return payload as T;
}

/** The console's only way to the API: JSON in and out, same-origin cookie, CSRF header on writes. */
export const api = {
  get: <T>(path: string, query?: QueryParams) => request<T>('GET', path, query),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, undefined, body),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, undefined, body),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, undefined, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
  /** POST of raw bytes (a file), its content type declared; query parameters carry the rest. */
  upload: <T>(path: string, file: Blob, contentType: string, query?: QueryParams) => request<T>('POST', path, query, undefined, { raw: file, contentType }),
};
