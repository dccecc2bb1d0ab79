import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, type Caller, type TestApp } from '../testing/harness.ts';
import { basicAuth, medallionTestObject, TAXII_TYPE, taxiiClient } from '../testing/medallion.ts';

let t: TestApp;
let analyst: Caller & { email: string; orgId: string };
let incidentId: string;
let collectionId: string;
const taxii = () => taxiiClient(t.app, () => basicAuth(analyst.email, 'a-long-test-password'));
const objects = (q = '') => `/taxii2/lachan/collections/${collectionId}/objects/${q}`;

beforeAll(async () => {
  t = await createTestApp();
  analyst = await t.userIn('prov-48', 'analyst');
  const inc = await analyst.post('/api/v1/incidents', { title: 'Ngày tháng không thể có', severity: 2 });
  expect(inc.statusCode, inc.body).toBe(201);
  incidentId = inc.json().id;
  const col = await t.admin.post('/api/v1/intel/collections', { title: 'Impossible input', tlpCeiling: 'AMBER', grants: [{ orgId: analyst.orgId, canRead: true, canWrite: true }] });
  collectionId = col.json().id;
});
afterAll(() => t?.close());

/** The one error shape, 400 validation_failed. */
function refused(res: LightMyRequestResponse, what: string): void {
  expect(res.statusCode, `${what}: ${res.body}`).toBe(400);
  expect(res.json(), what).toEqual({ error: { code: 'validation_failed', message: expect.any(String), ...(res.json().error.details ? { details: expect.anything() } : {}) } });
}
/** A TAXII error resource, 400. */
function taxiiRefused(res: LightMyRequestResponse, what: string): void {
  expect(res.statusCode, `${what}: ${res.body}`).toBe(400);
  expect(res.headers['content-type']).toBe(TAXII_TYPE);
  expect(res.json(), what).toMatchObject({ title: 'Bad request', http_status: '400' });
}

const IMPOSSIBLE_INSTANTS = ['0000-01-01T00:00:00Z', '2025-02-30T00:00:00Z', '0001-01-01T00:30:00+01:00', '9999-12-31T23:00:00-05:00', '2025-01-01T25:00:00Z'];
const FAR_INSTANTS = ['0001-01-01T00:00:00Z', '9999-12-31T23:59:59Z'];

describe('impossible dates answer 400 in the one shape, far but real ones are served', () => {
  it.each(['/stats/overview', '/stats/series?groupBy=sector', '/stats/response', '/stats/export.csv?dimension=sector'])('%s', async (path) => {
    const url = (q: string) => `/api/v1${path}${path.includes('?') ? '&' : '?'}${q}`;
    for (const q of ['from=2025-02-30', 'to=2025-02-30', 'from=0000-01-01&to=0000-01-02', 'to=0000-01-01', 'to=0001-01-05', 'from=2025-13-01&to=2025-13-02']) refused(await t.admin.get(url(q)), q);
    for (const q of ['from=0001-01-01&to=0001-01-31', 'from=9999-12-01&to=9999-12-31']) expect((await t.admin.get(url(q))).statusCode, q).toBe(200);
  });

  it('/stats/reports/periodic', async () => {
    for (const p of ['0000-H1', '0000', '2026-H3']) refused(await t.admin.get(`/api/v1/stats/reports/periodic?period=${p}`), p);
    for (const p of ['0001-H1', '9999']) expect((await t.admin.get(`/api/v1/stats/reports/periodic?period=${p}`)).statusCode, p).toBe(200);
  });

  it('/alerts?since', async () => {
    for (const d of IMPOSSIBLE_INSTANTS) refused(await analyst.get(`/api/v1/alerts?since=${encodeURIComponent(d)}`), d);
    for (const d of FAR_INSTANTS) expect((await analyst.get(`/api/v1/alerts?since=${encodeURIComponent(d)}`)).statusCode, d).toBe(200);
  });

  it('TAXII added_after, match[version] and a forged next (TAXII error resources)', async () => {
    for (const d of IMPOSSIBLE_INSTANTS.filter((x) => x.endsWith('Z'))) {
      taxiiRefused(await taxii().get(objects(`?added_after=${d}`)), d);
      taxiiRefused(await taxii().get(objects(`?match[version]=${d}`)), d);
    }
    expect((await taxii().get(objects('?added_after=0001-01-01T00:00:00Z'))).statusCode).toBe(200);
    expect((await taxii().get(objects('?added_after=9999-12-31T23:59:59Z'))).statusCode).toBe(200);
    const fingerprintless = Buffer.from(JSON.stringify(['0000-01-01T00:00:00Z', '99999999999999999999', 'x'])).toString('base64url');
    taxiiRefused(await taxii().get(objects(`?next=${fingerprintless}`)), 'forged next');
  });

  it('incident dates, on creation and on change', async () => {
    for (const d of IMPOSSIBLE_INSTANTS) {
      refused(await analyst.post('/api/v1/incidents', { title: 'Sai ngày', severity: 2, discoveredAt: d }), `create ${d}`);
      refused(await analyst.patch(`/api/v1/incidents/${incidentId}`, { occurredAt: d }), `patch ${d}`);
    }
    const far = await analyst.post('/api/v1/incidents', { title: 'Ngày xa', severity: 2, discoveredAt: FAR_INSTANTS[1], occurredAt: FAR_INSTANTS[0] });
    expect(far.statusCode, far.body).toBe(201);
    expect(far.json()).toMatchObject({ discoveredAt: '9999-12-31T23:59:59.000Z', occurredAt: '0001-01-01T00:00:00.000Z' });
    expect((await analyst.patch(`/api/v1/incidents/${incidentId}`, { occurredAt: FAR_INSTANTS[0] })).statusCode).toBe(200);
  });

  it('task due dates, on creation and on change', async () => {
    for (const d of IMPOSSIBLE_INSTANTS) refused(await analyst.post(`/api/v1/incidents/${incidentId}/tasks`, { title: 'Việc', dueAt: d }), d);
    const task = await analyst.post(`/api/v1/incidents/${incidentId}/tasks`, { title: 'Việc xa', dueAt: FAR_INSTANTS[1] });
    expect(task.statusCode, task.body).toBe(201);
    for (const d of IMPOSSIBLE_INSTANTS) refused(await analyst.patch(`/api/v1/incidents/${incidentId}/tasks/${task.json().id}`, { dueAt: d }), d);
    expect((await analyst.patch(`/api/v1/incidents/${incidentId}/tasks/${task.json().id}`, { dueAt: FAR_INSTANTS[0] })).json().dueAt).toBe('0001-01-01T00:00:00.000Z');
  });
});

describe('a NUL character, which PostgreSQL text cannot hold, answers 400 wherever it comes', () => {
  it('in any string or key of a JSON body, and in a query parameter', async () => {
    const before = (await analyst.get(`/api/v1/incidents/${incidentId}`)).json();
    refused(await analyst.patch(`/api/v1/incidents/${incidentId}`, { title: 'a\u0000b' }), 'title');
    refused(await analyst.patch(`/api/v1/incidents/${incidentId}`, { observables: [{ type: 'ipv4', value: '198.51.100.1\u0000' }] }), 'nested');
    refused(await analyst.post('/api/v1/incidents', { title: 'Khóa', severity: 2, ['x\u0000']: 1 }), 'key');
    refused(await analyst.patch('/api/v1/me', { name: '\u0000' }), 'me');
    refused(await analyst.get('/api/v1/orgs?q=%00'), 'query');
    const msg = (await analyst.patch(`/api/v1/incidents/${incidentId}`, { affectedAssets: ['ok', 'x\u0000'] })).json().error.message;
    // The JSON body parser names the field (the NUL guard does the same for bodies it did not parse).
    expect(msg).toMatch(/affectedAssets(\[1\]|\/1) contains (U\+0000 \(NUL\)|a NUL character)/);
    expect((await analyst.get(`/api/v1/incidents/${incidentId}`)).json().title).toBe(before.title);
  });

  it('in a STIX object posted over TAXII (a TAXII error resource; nothing stored)', async () => {
    const o = { ...medallionTestObject('indicator--0d0d0d0d-0000-4000-8000-000000000001'), name: 'NUL\u0000inside' };
    taxiiRefused(await taxii().post(objects(), { objects: [o] }), 'object');
    taxiiRefused(await taxii().get(objects('?match[id]=%00')), 'query');
    const stored = await taxii().get(objects('?match[id]=indicator--0d0d0d0d-0000-4000-8000-000000000001'));
    expect(stored.statusCode).toBe(200);
    expect(stored.json().objects ?? []).toEqual([]);
  });
});
