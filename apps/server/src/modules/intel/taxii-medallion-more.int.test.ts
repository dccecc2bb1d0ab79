import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scoId } from '@lachan/stix';
import type { TestApp } from '../../testing/harness.ts';
import { dateAddedRange as headers, MEDALLION, medallionTestObject, seedVersion, startMedallionServer, taxiiClient, taxiiOk as ok } from '../../testing/medallion.ts';

// The rest of the medallion conformance list (stix-taxii.md §2.6): manifest, versions, delete and versioning, errors.
const { root: ROOT, malware: MALWARE, indicator: IND, relationship: REL } = MEDALLION;
const MISSING = '24042009-0000-4000-8000-000000000000';
let t: TestApp;
let auth: Record<string, string>;
let hvi: string;
let adds: string;
let writeOnly: string;
const c = () => taxiiClient(t.app, () => auth);
const objects = (cid: string, rest = '') => `${ROOT}/collections/${cid}/objects/${rest}`;
const versionsOf = async (cid: string, id: string, q = '') => c().get(objects(cid, `${id}/versions/${q}`));

beforeAll(async () => {
  ({ t, auth, hvi, adds, writeOnly } = await startMedallionServer());
});
afterAll(() => t?.close());

describe('manifest', () => {
  const list = async (q: string) => ok(await c().get(`${ROOT}/collections/${hvi}/manifest/${q}`));
  const versionOf = (body: { objects: Array<{ id: string; version: string }> }, id: string) => body.objects.find((m) => m.id === id)?.version;
  it('test_get_manifest_added_after', async () => expect(await list('?added_after=2017-01-20T00:00:00.000Z')).toMatchObject({ more: false, objects: { length: 2 } }));
  it('test_get_manifest_limit', async () => {
    let next = '';
    for (const [more, length] of [[true, 2], [true, 2], [false, 1]] as const) {
      const res = await c().get(`${ROOT}/collections/${hvi}/manifest/?limit=2${next ? `&next=${next}` : ''}`);
      const body = ok(res);
      expect(body).toMatchObject({ more, objects: { length } });
      expect(headers(res)).toEqual([body.objects[0].date_added, body.objects.at(-1).date_added]);
      next = body.next;
    }
  });
  it('test_get_manifest_id', async () => expect(await list(`?match[id]=${MALWARE}`)).toMatchObject({ more: false, objects: [{ id: MALWARE }] }));
  it('test_get_manifest_type', async () => expect((await list('?match[type]=indicator')).objects.map((m: { id: string }) => m.id.split('--')[0])).toEqual(['indicator', 'indicator']));
  it('test_get_manifest_version_specific', async () => expect(await list('?match[version]=2016-12-25T12:30:59.444Z')).toMatchObject({ more: false, objects: [{ id: IND, version: '2016-12-25T12:30:59.444Z' }] }));
  it('test_get_manifest_version_first', async () => {
    const body = await list('?match[version]=first');
    expect(body.objects).toHaveLength(5);
    expect(versionOf(body, IND)).toBe('2016-11-03T12:30:59.000Z');
  });
  it('test_get_manifest_version_last', async () => {
    const body = await list('?match[version]=last');
    expect(body.objects).toHaveLength(5);
    expect(versionOf(body, IND)).toBe('2017-01-27T13:49:53.935Z');
  });
  it('test_get_manifest_version_all', async () => expect((await list('?match[version]=all')).objects).toHaveLength(7));
  it('test_manifest_spec_version_20', async () => expect((await list('?match[spec_version]=2.0')).objects.map((m: { media_type: string }) => m.media_type)).toEqual(['application/stix+json;version=2.0']));
  it('test_manifest_spec_version_21', async () => expect((await list('?match[spec_version]=2.1')).objects.map((m: { media_type: string }) => m.media_type)).toEqual(Array(5).fill('application/stix+json;version=2.1')));
  it('test_manifest_spec_version_2021', async () => {
    const body = await list('?match[spec_version]=2.0,2.1');
    expect(body.objects).toHaveLength(5);
    expect(versionOf(body, MALWARE)).toBe('2018-02-23T18:30:00.000Z');
  });
  it('test_manifest_spec_version_default', async () => expect((await list('')).objects.map((m: { media_type: string }) => m.media_type)).toEqual(Array(5).fill('application/stix+json;version=2.1')));
});

describe('versions', () => {
  it('test_get_version_added_after', async () => {
    expect(ok(await versionsOf(hvi, REL, '?added_after=2014-05-08T09:00:00Z'))).toEqual({});
    expect(ok(await versionsOf(hvi, REL, '?added_after=2014-05-08T08:00:00Z'))).toMatchObject({ more: false, versions: { length: 1 } });
  });
  it('test_get_version_limit', async () => {
    let next = '';
    for (const [more, version, added] of [[true, '2016-11-03T12:30:59.000Z', '2016-11-03T12:30:59.001000Z'], [true, '2016-12-25T12:30:59.444Z', '2016-12-27T13:49:59.000000Z'], [false, '2017-01-27T13:49:53.935Z', '2017-12-31T13:49:53.935000Z']] as const) {
      const res = await versionsOf(hvi, IND, `?limit=1${next ? `&next=${next}` : ''}`);
      const body = ok(res);
      expect(body).toMatchObject({ more, versions: [version] });
      expect(headers(res)).toEqual([added, added]);
      next = body.next;
    }
  });
  it('test_get_version_spec_version_20', async () => expect(ok(await versionsOf(hvi, MALWARE, '?match[spec_version]=2.0'))).toEqual({ more: false, versions: ['2018-02-23T18:30:00.000Z'] }));
  it('test_get_version_spec_version_21', async () => expect(ok(await versionsOf(hvi, MALWARE, '?match[spec_version]=2.1'))).toEqual({ more: false, versions: ['2017-01-27T13:49:53.997Z'] }));
  it('test_get_version_spec_version_2021', async () => expect(ok(await versionsOf(hvi, MALWARE, '?match[spec_version]=2.0,2.1')).versions).toHaveLength(2));
  it('test_get_version_spec_version_default', async () => expect(ok(await versionsOf(hvi, MALWARE))).toEqual({ more: false, versions: ['2017-01-27T13:49:53.997Z'] }));
});

describe('delete and versioning', () => {
  const versionList = async (id: string) => ok(await versionsOf(adds, id)).versions as string[];
  it('test_delete_objects_version', async () => {
    const id = 'indicator--22222222-0000-4000-8000-000000000001';
    const modified = ['2017-01-27T13:49:53.935Z', '2015-01-27T13:49:53.935Z', '2016-01-27T13:49:53.935Z', '2018-01-27T13:49:53.935Z', '2019-01-27T13:49:53.935Z'];
    expect(ok(await c().post(objects(adds), { objects: modified.map((m) => medallionTestObject(id, m, '2014-01-27T13:49:53.935Z')) }), 202).success_count).toBe(5);
    expect(await versionList(id)).toHaveLength(5);
    for (const [q, gone, left] of [['2018-01-27T13:49:53.935Z', '2018-01-27T13:49:53.935Z', 4], ['first', '2015-01-27T13:49:53.935Z', 3], ['last', '2019-01-27T13:49:53.935Z', 2]] as const) {
      ok(await c().delete(objects(adds, `${id}/?match[version]=${q}`)));
      const left_ = await versionList(id);
      expect(left_).toHaveLength(left);
      expect(left_).not.toContain(gone);
    }
    ok(await c().delete(objects(adds, `${id}/?match[version]=all`)));
    ok(await versionsOf(adds, id), 404);
  });
  it('test_delete_objects_spec_version', async () => {
    const id = 'indicator--22222222-0000-4000-8000-000000000002';
    ok(await c().post(objects(adds), { objects: [medallionTestObject(id)] }), 202);
    // A STIX 2.0 version (our validation takes 2.1 only, so it is stored directly, as the fixture is).
    const v20: Partial<ReturnType<typeof medallionTestObject>> = medallionTestObject(id, '2019-01-27T13:49:53.935Z');
    delete v20.spec_version;
    await seedVersion(t.platform.db, adds, { ...v20, id, type: 'indicator' }, null);
    ok(await c().delete(objects(adds, `${id}/?match[spec_version]=2.0`)));
    expect(await versionList(id)).toEqual(['2017-01-27T13:49:53.935Z']);
    ok(await c().delete(objects(adds, `${id}/?match[spec_version]=2.1`)));
    ok(await versionsOf(adds, id), 404);
  });
  it('test_SCO_versioning', async () => {
    const sco = { type: 'domain-name', spec_version: '2.1', value: 'x4z9arb.cn' };
    const id = scoId(sco)!;
    ok(await c().post(objects(adds), { objects: [{ ...sco, id }] }), 202);
    for (const q of ['?match[version]=all', '?match[version]=first', '?match[version]=last', '?added_after=2017-01-27T13:49:53.935Z']) expect(ok(await c().get(objects(adds, `${id}/${q}`))).objects).toHaveLength(1);
    expect(ok(await c().get(objects(adds, `${id}/?added_after=${new Date(Date.now() + 1000).toISOString()}`)))).toEqual({});
  });
  it('test_object_already_present', async () => {
    const rel = { type: 'relationship', spec_version: '2.1', id: REL, created: '2014-05-08T09:00:00.000Z', modified: '2014-05-08T09:00:00.000Z', relationship_type: 'indicates', source_ref: 'indicator--cd981c25-8042-4166-8945-51178443bdac', target_ref: MALWARE };
    ok(await c().post(objects(adds), { objects: [rel] }), 202);
    const again = ok(await c().post(objects(adds), { objects: [rel] }), 202);
    expect(again).toMatchObject({ failure_count: 0, success_count: 1, failures: [] });
  });
});

describe('errors', () => {
  const status = async (url: string, code: number, headers?: Record<string, string>) => ok(await c().get(url, headers), code);
  const anonymous = {};
  it('test_get_api_root_information_not_existent', () => status('/taxii2/trustgroup2/', 404));
  it('test_get_collection_not_existent', () => status(`${ROOT}/collections/${MISSING}/`, 404));
  it('test_get_collections_401', () => status(`${ROOT}/collections/`, 401, anonymous));
  it('test_get_collections_404', () => status('/taxii2/carbon1/collections/', 404));
  it('test_get_collection_404', () => status('/taxii2/carbon1/collections/12345678-1234-1234-1234-123456789012/', 404));
  it('test_get_status_401', () => status(`${ROOT}/status/2223/`, 401, anonymous));
  it('test_get_status_404', () => status(`${ROOT}/status/22101993/`, 404));
  it('test_get_object_manifest_401', () => status(`${ROOT}/collections/${MISSING}/manifest/`, 401, anonymous));
  it('test_get_object_manifest_403', () => status(`${ROOT}/collections/${writeOnly}/manifest/`, 403));
  it('test_get_object_manifest_404', () => status(`${ROOT}/collections/${MISSING}/manifest/`, 404));
  it('test_get_object_401', () => status(objects(hvi, 'malware--fdd60b30-b67c-11e3-b0b9-f01faf20d111/'), 401, anonymous));
  it('test_get_object_403', () => status(objects(writeOnly, 'indicator--b81f86b9-975b-bb0b-775e-810c5bd45b4f/'), 403));
  it('test_get_object_404', () => status(objects(hvi, 'malware--cee60c30-a68c-11e3-b0c1-a01aac20d000/'), 404));
  it('test_get_or_add_objects_401', async () => {
    await status(objects(adds), 401, anonymous);
    ok(await c().post(objects(adds), { objects: [] }, anonymous), 401);
  });
  it('test_get_or_add_objects_404', async () => {
    await status(objects(MISSING), 404);
    ok(await c().post(objects(MISSING), { objects: [medallionTestObject('indicator--22222222-0000-4000-8000-000000000003')] }), 404);
  });
  it('test_get_or_add_objects_422', async () => {
    const body = ok(await c().post(objects(adds), medallionTestObject('indicator--22222222-0000-4000-8000-000000000004')), 422);
    expect(body.http_status).toBe('422');
  });
  it('test_object_pagination_bad_limit_value_400', () => status(objects(hvi, '?limit=-20'), 400));
  it('test_object_pagination_changing_params_400', async () => {
    const first = ok(await c().get(objects(hvi, '?match[version]=all&limit=2')));
    expect(first).toMatchObject({ more: true, objects: { length: 2 } });
    const second = ok(await c().get(objects(hvi, `?match[version]=all&limit=2&next=${first.next}`)));
    expect(second).toMatchObject({ more: true, objects: { length: 2 } });
    await status(objects(hvi, `?match[version]=first&limit=2&next=${second.next}`), 400);
  });
});
