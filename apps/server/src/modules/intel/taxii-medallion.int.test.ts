import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../testing/harness.ts';
import { dateAddedRange, MEDALLION, medallionTestObject, startMedallionServer, TAXII_TYPE, taxiiClient, taxiiOk } from '../../testing/medallion.ts';

// The medallion conformance list (stix-taxii.md §2.6), one test per medallion test, on the same fixture data.
const { root: ROOT, malware: MALWARE, indicator: IND, relationship: REL } = MEDALLION;
let t: TestApp;
let auth: Record<string, string>;
let hvi: string;
let adds: string;
const c = () => taxiiClient(t.app, () => auth);
const objects = (cid: string, rest = '') => `${ROOT}/collections/${cid}/objects/${rest}`;
const manifest = (q = '') => `${ROOT}/collections/${hvi}/manifest/${q}`;
const testObject = medallionTestObject;

const ok = taxiiOk;
const headers = dateAddedRange;

beforeAll(async () => {
  ({ t, auth, hvi, adds } = await startMedallionServer());
});
afterAll(() => t?.close());

describe('endpoint basics', () => {
  it('test_server_discovery', async () => expect(ok(await c().get('/taxii2/')).api_roots[0]).toBe(`${t.platform.config.publicUrl}${ROOT}/`));
  it('test_get_api_root_information', async () => expect(ok(await c().get(`${ROOT}/`))).toMatchObject({ title: 'Lá Chắn knowledge base', versions: [TAXII_TYPE] }));
  it('test_get_status', async () => {
    const posted = ok(await c().post(objects(adds), { objects: [testObject('indicator--11111111-0000-4000-8000-000000000001')] }), 202);
    expect(Object.keys(ok(await c().get(`${ROOT}/status/${posted.id}/`)))).toEqual(expect.arrayContaining(['successes', 'failures', 'pendings']));
  });
  it('test_get_collections', async () => expect(ok(await c().get(`${ROOT}/collections/`)).collections).toHaveLength(3));
  it('test_get_objects', async () => {
    const res = await c().get(objects(hvi));
    const body = ok(res);
    expect(body.more).toBe(false);
    expect(body.objects.map((o: { id: string }) => o.id)).toEqual([REL, 'indicator--cd981c25-8042-4166-8945-51178443bdac', 'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da', MALWARE, IND]);
    expect(headers(res)).toEqual(['2014-05-08T09:00:00.000000Z', '2017-12-31T13:49:53.935000Z']);
  });
  it('test_get_object', async () => {
    const res = await c().get(objects(hvi, `${MALWARE}/`));
    expect(ok(res).objects.map((o: { id: string }) => o.id)).toEqual([MALWARE]);
    expect(headers(res)).toEqual(['2017-01-27T13:49:59.997000Z', '2017-01-27T13:49:59.997000Z']);
  });
  it('test_add_and_delete_object', async () => {
    const id = 'indicator--11111111-0000-4000-8000-000000000002';
    const status = ok(await c().post(objects(adds), { objects: [testObject(id)] }), 202);
    expect(ok(await c().get(objects(adds))).objects.some((o: { id: string }) => o.id === id)).toBe(true);
    expect(ok(await c().get(objects(adds, `?match[id]=${id}`))).objects[0].id).toBe(id);
    expect(ok(await c().get(`${ROOT}/status/${status.id}/`)).success_count).toBe(1);
    expect(ok(await c().get(`${ROOT}/collections/${adds}/manifest/?match[id]=${id}`)).objects.map((m: { id: string }) => m.id)).toEqual([id]);
    ok(await c().delete(objects(adds, `${id}/`)));
    ok(await c().get(objects(adds, `${id}/`)), 404);
  });
  it('test_get_object_manifests', async () => {
    const res = await c().get(manifest());
    const dates = ok(res).objects.map((m: { date_added: string }) => m.date_added);
    expect(dates).toHaveLength(5);
    expect([...dates].sort()).toEqual(dates);
    expect(headers(res)).toEqual(['2014-05-08T09:00:00.000000Z', '2017-12-31T13:49:53.935000Z']);
  });
  it('test_get_version', async () => {
    const res = await c().get(objects(hvi, `${REL}/versions/`));
    expect(ok(res).versions).toHaveLength(1);
    expect(headers(res)).toEqual(['2014-05-08T09:00:00.000000Z', '2014-05-08T09:00:00.000000Z']);
  });
});

describe('objects filters', () => {
  const list = async (q: string) => ok(await c().get(objects(hvi, q)));
  it('test_get_objects_added_after', async () => expect(await list('?added_after=2016-11-03T12:30:59Z')).toMatchObject({ more: false, objects: { length: 3 } }));
  it('test_get_objects_limit', async () => {
    const first = await c().get(objects(hvi, '?limit=3'));
    const page = ok(first);
    expect(page.more).toBe(true);
    expect(page.objects.map((o: { id: string }) => o.id)).toEqual([REL, 'indicator--cd981c25-8042-4166-8945-51178443bdac', 'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da']);
    expect(headers(first)).toEqual(['2014-05-08T09:00:00.000000Z', '2017-01-20T00:00:00.000000Z']);
    const second = await c().get(objects(hvi, `?limit=3&next=${page.next}`));
    expect(ok(second)).toMatchObject({ more: false, objects: [{ id: MALWARE }, { id: IND }] });
    expect(headers(second)).toEqual(['2017-01-27T13:49:59.997000Z', '2017-12-31T13:49:53.935000Z']);
  });
  it('test_get_objects_id', async () => expect(await list(`?match[id]=${MALWARE}`)).toMatchObject({ more: false, objects: [{ id: MALWARE }] }));
  it('test_get_objects_type', async () => {
    const body = await list('?match[type]=indicator');
    expect(body.objects.map((o: { type: string }) => o.type)).toEqual(['indicator', 'indicator']);
  });
  it('test_objects_version_match_specific_date', async () => expect((await list('?match[version]=2016-12-25T12:30:59.444Z')).objects.map((o: { id: string }) => o.id)).toEqual([IND]));
  it('test_objects_version_match_first', async () => {
    const byId = new Map((await list('?match[version]=first')).objects.map((o: { id: string; modified: string }) => [o.id, o.modified]));
    expect([byId.get(IND), byId.get(MALWARE)]).toEqual(['2016-11-03T12:30:59.000Z', '2017-01-27T13:49:53.997Z']);
  });
  it('test_objects_version_match_last', async () => {
    const byId = new Map((await list('?match[version]=last')).objects.map((o: { id: string; modified: string }) => [o.id, o.modified]));
    expect(byId.get(IND)).toBe('2017-01-27T13:49:53.935Z');
  });
  it('test_objects_version_match_all', async () => expect((await list('?match[version]=all')).objects).toHaveLength(7));
  it('test_get_objects_spec_version_20', async () => {
    const body = await list('?match[spec_version]=2.0');
    expect(body.objects).toHaveLength(1);
    expect(body.objects[0]).not.toHaveProperty('spec_version');
  });
  it('test_get_objects_spec_version_21_20', async () => expect((await list('?match[spec_version]=2.0,2.1')).objects).toHaveLength(5));
  it('test_get_objects_spec_version_21', async () => expect((await list('?match[spec_version]=2.1')).objects.map((o: { spec_version: string }) => o.spec_version)).toEqual(Array(5).fill('2.1')));
  it('test_get_objects_spec_version_default', async () => expect((await list('')).objects.map((o: { spec_version: string }) => o.spec_version)).toEqual(Array(5).fill('2.1')));
  it('test_get_objects_match_type_version', async () => expect(await list('?match[type]=incident&match[version]=2016-01-01T01:01:01.000Z')).toEqual({}));
  it('test_get_objects_match_type_spec_version', async () => expect((await list('?match[type]=indicator&match[spec_version]=2.1')).objects).toHaveLength(2));
});

describe('single object', () => {
  const one = async (id: string, q: string) => ok(await c().get(objects(hvi, `${id}/${q}`)));
  it('test_get_object_added_after_case1', async () => expect(await one(MALWARE, '?added_after=2018-01-27T13:49:59.997000Z')).toEqual({}));
  it('test_get_object_added_after_case2', async () => expect(await one(MALWARE, '?added_after=2017-01-27T13:49:59Z')).toMatchObject({ more: false, objects: { length: 1 } }));
  it('test_get_object_limit', async () => {
    const single = await c().get(objects(hvi, `${IND}/?limit=1`));
    expect(ok(single)).toMatchObject({ more: false, objects: { length: 1 } });
    expect(headers(single)).toEqual(['2017-12-31T13:49:53.935000Z', '2017-12-31T13:49:53.935000Z']);
    const first = await c().get(objects(hvi, `${IND}/?match[version]=all&limit=2`));
    const page = ok(first);
    expect(page).toMatchObject({ more: true, objects: [{ modified: '2016-11-03T12:30:59.000Z' }, { modified: '2016-12-25T12:30:59.444Z' }] });
    expect(headers(first)).toEqual(['2016-11-03T12:30:59.001000Z', '2016-12-27T13:49:59.000000Z']);
    const second = await c().get(objects(hvi, `${IND}/?match[version]=all&limit=2&next=${page.next}`));
    expect(ok(second)).toMatchObject({ more: false, objects: { length: 1 } });
    expect(headers(second)).toEqual(['2017-12-31T13:49:53.935000Z', '2017-12-31T13:49:53.935000Z']);
  });
  it.each([
    ['?match[version]=2016-12-25T12:30:59.444Z', '2016-12-25T12:30:59.444Z'], ['?match[version]=first', '2016-11-03T12:30:59.000Z'], ['?match[version]=last', '2017-01-27T13:49:53.935Z'],
  ])('test_get_object_version_single %s', async (q, modified) => expect(await one(IND, q)).toMatchObject({ more: false, objects: [{ id: IND, modified }] }));
  it('test_get_object_version_match_all', async () => expect(await one(IND, '?match[version]=all')).toMatchObject({ more: false, objects: { length: 3 } }));
  it('test_get_object_spec_version_20', async () => {
    const body = await one(MALWARE, '?match[spec_version]=2.0');
    expect(body.objects).toHaveLength(1);
    expect(body.objects[0]).not.toHaveProperty('spec_version');
  });
  it('test_get_object_spec_version_21', async () => expect(await one(MALWARE, '?match[spec_version]=2.1')).toMatchObject({ objects: [{ spec_version: '2.1' }] }));
  it('test_get_object_spec_version_2021', async () => expect(await one(MALWARE, '?match[spec_version]=2.0,2.1')).toMatchObject({ more: false, objects: [{ modified: '2018-02-23T18:30:00.000Z' }] }));
  it('test_get_object_spec_version_default', async () => expect(await one(MALWARE, '')).toMatchObject({ more: false, objects: [{ spec_version: '2.1' }] }));
});
