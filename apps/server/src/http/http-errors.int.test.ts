import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, type Caller, type TestApp } from '../testing/harness.ts';

let t: TestApp;
let centreKey: string;
let prov48: string;
beforeAll(async () => {
  t = await createTestApp();
  centreKey = (await t.keyFor('ncc', 'national_coordinator')).key;
  prov48 = await t.org('prov-48');
});
afterAll(() => t?.close());

/** Sends a raw body as the centre's API key, so the payload reaches the parser untouched. */
const raw = (method: 'POST' | 'PATCH', url: string, payload: string, contentType = 'application/json') =>
  t.app.inject({ method, url, payload, headers: { authorization: `Bearer ${centreKey}`, 'content-type': contentType } });

/** Asserts the one error shape: exactly `{ error: { code, message[, details] } }`. */
function expectError(res: LightMyRequestResponse, status: number, code: string): { code: string; message: string; details?: unknown } {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  const body = res.json();
  expect(Object.keys(body)).toEqual(['error']);
  expect(['code', 'message', 'details']).toEqual(expect.arrayContaining(Object.keys(body.error)));
  expect(body.error).toMatchObject({ code, message: expect.any(String) });
  return body.error;
}

describe('errors in the one shape', () => {
  it('answers malformed JSON with 400 malformed_json', async () => {
    expectError(await raw('POST', '/api/v1/orgs', '{"name": "Sở', 'application/json'), 400, 'malformed_json');
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'application/xml'])('answers a %s body with 415 unsupported_media_type', async (type) => {
    const res = await t.admin.request('POST', '/api/v1/orgs', { name: 'Đơn vị', kind: 'agency', parentId: prov48 }, { 'content-type': type });
    expectError(res, 415, 'unsupported_media_type');
  });

  it('answers a body over the limit with 413 payload_too_large', async () => {
    const small = await createTestApp({ bodyLimitBytes: 1024 });
    try {
      const res = await small.admin.post('/api/v1/orgs', { name: 'x'.repeat(2000), kind: 'agency', parentId: prov48 });
      expectError(res, 413, 'payload_too_large');
    } finally {
      await small.close();
    }
  });

  it('answers an unknown route with 404 not_found, for a signed-in user and for anybody outside the API', async () => {
    expectError(await t.admin.get('/api/v1/no-such-thing'), 404, 'not_found');
    expectError(await t.anonymous.get('/no-such-page'), 404, 'not_found');
  });

  it('answers a schema violation with 400 validation_failed and details naming the field', async () => {
    const err = expectError(await t.admin.post('/api/v1/orgs', { name: 'Đơn vị', kind: 'bakery', parentId: prov48 }), 400, 'validation_failed');
    expect(err.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: expect.stringContaining('kind'), message: expect.any(String) })]));
  });

  it('answers a request without credentials with 401 unauthenticated, and a bad key the same way', async () => {
    expectError(await t.anonymous.get('/api/v1/orgs'), 401, 'unauthenticated');
    const bad = await t.app.inject({ method: 'GET', url: '/api/v1/orgs', headers: { authorization: 'Bearer lck_nope' } });
    expectError(bad, 401, 'unauthenticated');
  });
});

describe('no bad input reaches a 500', () => {
  const unknownId = '00000000-0000-4000-8000-000000000000';
  const bad: [string, (c: Caller) => Promise<LightMyRequestResponse>][] = [
    ['a path id that is not a uuid', (c) => c.get('/api/v1/orgs/not-a-uuid')],
    ['an unknown organisation', (c) => c.patch(`/api/v1/orgs/${unknownId}`, { website: 'x' })],
    ['a move of an unknown organisation', (c) => c.post(`/api/v1/orgs/${unknownId}/move`, { parentId: null })],
    ['a merge into an unknown organisation', (c) => c.post(`/api/v1/orgs/${prov48}/merge`, { intoId: unknownId, reason: 'thử' })],
    ['a null body', (c) => c.request('PATCH', `/api/v1/orgs/${prov48}`, null)],
    ['an array body', (c) => c.post('/api/v1/orgs', [])],
    ['a fractional security level', (c) => c.post('/api/v1/orgs', { name: 'Đơn vị', kind: 'agency', parentId: prov48, securityLevel: 2.5 })],
    ['an unknown province', (c) => c.post('/api/v1/orgs', { name: 'Đơn vị', kind: 'agency', parentId: prov48, provinceCode: '99' })],
    ['an unknown parent', (c) => c.post('/api/v1/orgs', { name: 'Đơn vị', kind: 'agency', parentId: unknownId })],
    ['a NUL character in a name', (c) => c.post('/api/v1/orgs', { name: 'Đơn\u0000vị', kind: 'agency', parentId: prov48 })],
    ['an impossible date', (c) => c.post(`/api/v1/orgs/${prov48}/soc-clients`, { clientId: prov48, since: '2025-02-30' })],
    ['a limit of zero', (c) => c.get('/api/v1/orgs?limit=0')],
    ['a non-numeric limit', (c) => c.get('/api/v1/users?limit=many')],
    ['an unknown status filter', (c) => c.get('/api/v1/orgs?status=gone')],
    ['an audit cursor beyond bigint', (c) => c.get('/api/v1/audit?before=99999999999999999999')],
    ['a user in an unknown organisation', (c) => c.post('/api/v1/users', { email: 'x@test.example.vn', name: 'X', orgId: unknownId, role: 'viewer' })],
    ['a malformed e-mail', (c) => c.post('/api/v1/users', { email: 'not-an-email', name: 'X', orgId: prov48, role: 'viewer' })],
    ['a lower-case sector code', (c) => c.post('/api/v1/sectors', { code: 'bad', nameVi: 'x', nameEn: 'x' })],
    ['an unknown sector', (c) => c.patch('/api/v1/sectors/NO_SUCH', { nameEn: 'x' })],
  ];
  it.each(bad)('answers %s with a 4xx in the error shape', async (_name, send) => {
    const res = await send(t.admin);
    expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
    expect(res.statusCode, res.body).toBeLessThan(500);
    expectError(res, res.statusCode, res.json().error.code);
  });
});

describe('headers', () => {
  it('sends the security headers', async () => {
    const res = await t.admin.get('/api/v1/provinces');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBeDefined();
  });

  it('echoes a sent x-request-id and generates one when none is sent', async () => {
    const echoed = await t.admin.request('GET', '/api/v1/sectors', undefined, { 'x-request-id': 'trace-48.abc_1' });
    expect(echoed.headers['x-request-id']).toBe('trace-48.abc_1');
    const generated = await t.admin.get('/api/v1/sectors');
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const unsafe = await t.admin.request('GET', '/api/v1/sectors', undefined, { 'x-request-id': 'bad id\twith spaces' });
    expect(unsafe.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('operations endpoints', () => {
  it('answers /healthz, /readyz with the engine, and /metrics in Prometheus text', async () => {
    expect((await t.anonymous.get('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await t.anonymous.get('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', engine: t.platform.database.engine });
    const metrics = await t.anonymous.get('/metrics');
    expect(metrics.statusCode).toBe(200);
    expect(metrics.headers['content-type']).toMatch(/^text\/plain/);
    expect(metrics.body).toContain('lachan_http_request_duration_seconds');
  });

  it('serves OpenAPI 3.1.0 describing the API', async () => {
    const res = await t.anonymous.get('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    for (const path of ['/api/v1/orgs', '/api/v1/auth/login', '/api/v1/api-keys', '/api/v1/users', '/api/v1/provinces', '/api/v1/sectors', '/api/v1/stream']) {
      expect(Object.keys(doc.paths), path).toContain(path);
    }
  });
});

describe('reference data', () => {
  it('lists the 34 provincial-level units and at least 17 sectors', async () => {
    const provinces = (await t.admin.get('/api/v1/provinces')).json();
    expect(provinces).toHaveLength(34);
    expect(provinces).toContainEqual(expect.objectContaining({ code: '48', nameVi: 'Đà Nẵng' }));
    const sectors = (await t.admin.get('/api/v1/sectors')).json();
    expect(sectors.length).toBeGreaterThanOrEqual(17);
    expect(sectors.map((s: { code: string }) => s.code)).toEqual(expect.arrayContaining(['BANKING', 'ENERGY', 'TELECOM', 'EGOV']));
  });
});
