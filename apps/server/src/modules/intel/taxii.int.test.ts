import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { basicAuth, MEDALLION_HVI, seedMedallionHvi, TAXII_TYPE, taxiiClient } from '../../testing/medallion.ts';

const hvi = MEDALLION_HVI;

const TAXII = TAXII_TYPE;
const ROOT = '/taxii2/lachan';
let t: TestApp;
let auth: { authorization: string };
let hviId: string;
let writeOnlyId: string;
let secretId: string;
let analystOrg: string;

const basic = basicAuth;
const client = () => taxiiClient(t.app, () => auth);
const get = (url: string, headers?: Record<string, string>) => client().get(url, headers);
const post = (url: string, body: unknown, headers?: Record<string, string>) => client().post(url, body, headers);
const objectsUrl = (cid: string, query = '') => `${ROOT}/collections/${cid}/objects/${query}`;

async function collection(title: string, tlpCeiling: string, grant: { canRead: boolean; canWrite: boolean } | null): Promise<string> {
  const res = await t.admin.post('/api/v1/intel/collections', { title, tlpCeiling, grants: grant ? [{ orgId: analystOrg, ...grant }] : [] });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

beforeAll(async () => {
  t = await createTestApp();
  const analyst = await t.userIn('prov-48', 'analyst');
  analystOrg = analyst.orgId;
  auth = basic(analyst.email, 'a-long-test-password');
  hviId = await collection('High Value Indicator Collection', 'AMBER', { canRead: true, canWrite: true });
  writeOnlyId = await collection('Drop box', 'AMBER', { canRead: false, canWrite: true });
  secretId = await collection('Secret Indicators', 'RED', null);
  await seedMedallionHvi(t.platform.db, hviId);
});
afterAll(() => t.close());

describe('TAXII 2.1 endpoint basics', () => {
  it('answers discovery and the api root in the TAXII media type', async () => {
    const d = await get('/taxii2/');
    expect(d.statusCode, d.body).toBe(200);
    expect(d.headers['content-type']).toBe(TAXII);
    expect(d.json().api_roots).toEqual([`${t.platform.config.publicUrl}${ROOT}/`]);
    const r = await get(`${ROOT}/`);
    expect(r.json()).toMatchObject({ versions: [TAXII], max_content_length: 10485760 });
    const missing = await get('/taxii2/nope/');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({ title: 'Not found', description: 'API root not found', http_status: '404' });
  });

  it('lists the collections the organisation holds grants on, and hides the others', async () => {
    const res = await get(`${ROOT}/collections/`);
    const ids = (res.json().collections as Array<{ id: string; can_read: boolean; can_write: boolean }>).map((c) => [c.id, c.can_read, c.can_write]);
    expect(ids).toEqual([[hviId, true, true], [writeOnlyId, false, true]]);
    expect((await get(`${ROOT}/collections/${secretId}/`)).statusCode).toBe(404);
    expect((await get(`${ROOT}/collections/${hviId}/`)).json()).toMatchObject({ id: hviId, media_types: ['application/stix+json;version=2.1'] });
  });

  it('returns the latest version of each object with the date-added headers', async () => {
    const res = await get(objectsUrl(hviId));
    expect(res.statusCode, res.body).toBe(200);
    const objects = res.json().objects as Array<{ id: string; modified?: string }>;
    expect(objects.map((o) => o.id)).toEqual([
      'relationship--2f9a9aa9-108a-4333-83e2-4fb25add0463', 'indicator--cd981c25-8042-4166-8945-51178443bdac',
      'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da', 'malware--c0931cc6-c75e-47e5-9036-78fabc95d4ec', 'indicator--6770298f-0fd8-471a-ab8c-1c658a46574e',
    ]);
    expect(res.json().more).toBe(false);
    expect(res.headers['x-taxii-date-added-first']).toBe('2014-05-08T09:00:00.000000Z');
    expect(res.headers['x-taxii-date-added-last']).toBe(hvi.manifest.reduce((a, m) => (m.date_added > a ? m.date_added : a), ''));
  });
});

describe('TAXII filters and pagination', () => {
  it('filters on added_after, id, type, version and spec_version', async () => {
    const count = async (q: string) => ((await get(objectsUrl(hviId, q))).json().objects ?? []).length as number;
    expect(await count('?added_after=2016-11-03T12:30:59.001Z')).toBe(3);
    expect(await count('?match[id]=indicator--cd981c25-8042-4166-8945-51178443bdac,malware--c0931cc6-c75e-47e5-9036-78fabc95d4ec')).toBe(2);
    expect(await count('?match[type]=indicator')).toBe(2);
    expect(await count('?match[version]=all')).toBe(7);
    expect(await count('?match[version]=first&match[type]=indicator')).toBe(2);
    expect(await count('?match[version]=2016-12-25T12:30:59.444Z')).toBe(1);
    expect(await count('?match[version]=first,last&match[id]=indicator--6770298f-0fd8-471a-ab8c-1c658a46574e')).toBe(2);
    expect(await count('?match[spec_version]=2.0&match[version]=all')).toBe(1);
  });

  it('pages with limit and next, and refuses a bad limit or changed filters', async () => {
    const first = await get(objectsUrl(hviId, '?match[version]=all&limit=3'));
    expect(first.json()).toMatchObject({ more: true });
    expect(first.json().objects).toHaveLength(3);
    const seen = (first.json().objects as Array<{ id: string }>).map((o) => o.id);
    let next = first.json().next as string | undefined;
    while (next) {
      const page = await get(objectsUrl(hviId, `?match[version]=all&limit=3&next=${next}`));
      seen.push(...(page.json().objects as Array<{ id: string }>).map((o) => o.id));
      next = page.json().next;
    }
    expect(seen).toHaveLength(7);
    expect((await get(objectsUrl(hviId, '?limit=0'))).statusCode).toBe(400);
    const changed = await get(objectsUrl(hviId, `?match[type]=indicator&next=${first.json().next as string}`));
    expect(changed.statusCode).toBe(400);
    expect(changed.json().description).toMatch(/filters changed/);
  });

  it('serves one object, its versions and the manifest', async () => {
    const id = 'indicator--6770298f-0fd8-471a-ab8c-1c658a46574e';
    const one = await get(`${ROOT}/collections/${hviId}/objects/${id}/?match[version]=all`);
    expect(one.json().objects).toHaveLength(3);
    const versions = await get(`${ROOT}/collections/${hviId}/objects/${id}/versions/`);
    expect(versions.json().versions).toEqual(['2016-11-03T12:30:59.000Z', '2016-12-25T12:30:59.444Z', '2017-01-27T13:49:53.935Z']);
    const manifest = await get(`${ROOT}/collections/${hviId}/manifest/?match[id]=indicator--cd981c25-8042-4166-8945-51178443bdac`);
    expect(manifest.json().objects).toEqual([hvi.manifest[1]]);
    expect((await get(`${ROOT}/collections/${hviId}/objects/indicator--00000000-0000-4000-8000-000000000000/`)).statusCode).toBe(404);
  });
});

describe('TAXII writes', () => {
  const indicator = {
    type: 'indicator', spec_version: '2.1', id: 'indicator--3a9a5c8c-2b10-4f9e-8f3b-0ad3b8c1c0de', created: '2025-01-10T03:04:05.000Z', modified: '2025-01-10T03:04:05.000Z',
    pattern: "[ipv4-addr:value = '198.51.100.7']", pattern_type: 'stix', valid_from: '2025-01-10T03:04:05Z',
  };

  it('adds objects, reports each in a status resource, and deletes them', async () => {
    const bad = { ...indicator, id: 'indicator--5b0e7e9c-7e8f-4c5e-9d0e-2f6c1a0b9c8d', pattern: "[ipv4-addr:value = '1.2.3.4'" };
    const red = { ...indicator, id: 'indicator--6c1f8f0d-8f90-4d6f-ae1f-3a7d2b1cad9e', object_marking_refs: ['marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1'] };
    const res = await post(objectsUrl(hviId), { objects: [indicator, bad, red] });
    expect(res.statusCode, res.body).toBe(202);
    const status = res.json();
    expect(status).toMatchObject({ status: 'complete', total_count: 3, success_count: 1, failure_count: 2, pending_count: 0 });
    expect(status.failures[0].message).toMatch(/^pattern: malformed STIX pattern/);
    expect(status.failures[1].message).toBe("TLP:RED is above this collection's ceiling TLP:AMBER");
    expect((await get(`${ROOT}/status/${status.id as string}/`)).json()).toEqual(status);

    const again = await post(objectsUrl(hviId), { objects: [indicator] });
    expect(again.json()).toMatchObject({ success_count: 1, failure_count: 0, successes: [{ message: 'this version is already in the collection' }] });
    expect((await get(`${ROOT}/collections/${hviId}/objects/${indicator.id}/`)).json().objects).toEqual([indicator]);
    const del = await t.app.inject({ method: 'DELETE', url: `${ROOT}/collections/${hviId}/objects/${indicator.id}/`, headers: { accept: TAXII, ...auth } });
    expect(del.statusCode).toBe(200);
    expect((await get(`${ROOT}/collections/${hviId}/objects/${indicator.id}/`)).statusCode).toBe(404);
  });

  it('answers 422 for a body that is not an envelope, 415 and 413 as TAXII says', async () => {
    expect((await post(objectsUrl(hviId), { notObjects: [] })).statusCode).toBe(422);
    expect((await post(objectsUrl(hviId), '{not json')).statusCode).toBe(422);
    const wrongType = await t.app.inject({ method: 'POST', url: objectsUrl(hviId), headers: { accept: TAXII, 'content-type': 'application/json', ...auth }, payload: '{"objects":[]}' });
    expect(wrongType.statusCode).toBe(415);
    const huge = await post(objectsUrl(hviId), `{"objects":[],"pad":"${'x'.repeat(10 * 1024 * 1024)}"}`);
    expect(huge.statusCode).toBe(413);
  });
});

describe('TAXII access', () => {
  it('asks for credentials (401 with WWW-Authenticate) and refuses a wrong Accept (406)', async () => {
    const anon = await get(`${ROOT}/collections/`, {});
    expect(anon.statusCode).toBe(401);
    expect(anon.headers['www-authenticate']).toMatch(/^Basic/);
    expect(anon.json()).toMatchObject({ title: 'Unauthorized', http_status: '401' });
    expect((await get(`${ROOT}/collections/`, basic('nobody@example.vn', 'wrong-password'))).statusCode).toBe(401);
    const json = await t.app.inject({ method: 'GET', url: `${ROOT}/collections/`, headers: { accept: 'application/json', ...auth } });
    expect(json.statusCode).toBe(406);
  });

  it('accepts API keys as Bearer and as Basic apikey:<key>', async () => {
    const key = await t.keyFor('prov-48', 'connector');
    expect((await get(objectsUrl(hviId), { authorization: `Bearer ${key.key}` })).statusCode).toBe(200);
    expect((await get(objectsUrl(hviId), basic('apikey', key.key))).statusCode).toBe(200);
  });

  it('refuses reading a write-only collection (403) and writing for a viewer (403)', async () => {
    expect((await get(objectsUrl(writeOnlyId))).statusCode).toBe(403);
    const viewer = await t.userIn('prov-48', 'viewer');
    const res = await post(objectsUrl(hviId), { objects: [] }, basic(viewer.email, 'a-long-test-password'));
    expect(res.statusCode).toBe(403);
    const manage = await t.app.inject({ method: 'POST', url: '/api/v1/intel/collections', headers: { 'content-type': 'application/json', ...auth }, payload: '{}' });
    expect(manage.statusCode).toBe(401);
    const analyst = await t.userIn('prov-48', 'analyst');
    expect((await analyst.post('/api/v1/intel/collections', { title: 'mine', tlpCeiling: 'GREEN', grants: [] })).statusCode).toBe(403);
    const other = await t.userIn('prov-79', 'analyst');
    expect((await get(objectsUrl(hviId), basic(other.email, 'a-long-test-password'))).statusCode).toBe(404);
  });
});
