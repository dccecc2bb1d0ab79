import { readFileSync } from 'node:fs';
import { sql, type Kysely } from 'kysely';
import { timestampKey } from '@lachan/stix';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { DB } from '../db/index.ts';
import { createTestApp, type TestApp } from './harness.ts';

type FixtureObject = { id: string; type: string; created?: string; modified?: string; spec_version?: string };
type Collection = { id: string; objects: FixtureObject[]; manifest: Array<{ id: string; date_added: string; version: string }> };
type Fixture = { trustgroup1: { collections: Collection[] } };

const fixture = JSON.parse(readFileSync(new URL('../../../../fixtures/public/stix/examples/medallion-default_data.json', import.meta.url), 'utf8')) as Fixture;

/** The medallion fixture's "High Value Indicator Collection" (8 object versions with their manifest). */
export const MEDALLION_HVI = fixture.trustgroup1.collections.find((c) => c.id === '91a7b528-80eb-42ed-a74d-c6fbd5a26116')!;

/** Store a STIX object version and put it in a collection with a given date_added, bypassing validation (STIX 2.0 fixtures). */
export async function seedVersion(db: Kysely<DB>, collectionId: string, o: FixtureObject, dateAdded: string | null): Promise<void> {
  const version = timestampKey(o.modified ?? o.created!);
  await sql`insert into stix_objects (id, version, modified, type, spec_version, object) values (${o.id}, ${version}, ${o.modified ?? null}, ${o.type}, ${o.spec_version ?? '2.0'}, ${JSON.stringify(o)}::jsonb)`.execute(db);
  await sql`insert into taxii_collection_objects (collection_id, object_id, version, date_added) values (${collectionId}, ${o.id}, ${version}, coalesce(${dateAdded}::timestamptz, clock_timestamp()))`.execute(db);
  await sql`update taxii_collection_objects m set is_first = m.version = s.lo, is_last = m.version = s.hi
            from (select min(version) lo, max(version) hi from taxii_collection_objects where collection_id = ${collectionId} and object_id = ${o.id}) s
            where m.collection_id = ${collectionId} and m.object_id = ${o.id}`.execute(db);
}

/** Fill a collection with the medallion High Value Indicator Collection, keeping the fixture's own date_added values. */
export async function seedMedallionHvi(db: Kysely<DB>, collectionId: string): Promise<void> {
  for (const m of MEDALLION_HVI.manifest) {
    const o = MEDALLION_HVI.objects.find((x) => x.id === m.id && (x.modified ?? x.created) === m.version)!;
    await seedVersion(db, collectionId, o, m.date_added);
  }
}

/** The TAXII 2.1 media type, sent in Accept and Content-Type. */
export const TAXII_TYPE = 'application/taxii+json;version=2.1';

/** An HTTP Basic Authorization header. */
export const basicAuth = (user: string, password: string): { authorization: string } => ({ authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` });

/** GET, POST and DELETE on the in-process TAXII server with the TAXII media types and the given credentials. */
export function taxiiClient(app: FastifyInstance, auth: () => Record<string, string>) {
  const send = (method: 'GET' | 'POST' | 'DELETE', url: string, headers: Record<string, string> | undefined, payload?: string) =>
    app.inject({ method, url, headers: { accept: TAXII_TYPE, ...(payload !== undefined ? { 'content-type': TAXII_TYPE } : {}), ...(headers ?? auth()) }, ...(payload !== undefined ? { payload } : {}) });
  return {
    get: (url: string, headers?: Record<string, string>) => send('GET', url, headers),
    post: (url: string, body: unknown, headers?: Record<string, string>) => send('POST', url, headers, typeof body === 'string' ? body : JSON.stringify(body)),
    delete: (url: string, headers?: Record<string, string>) => send('DELETE', url, headers),
  };
}

/** A test app holding the medallion fixture: an analyst's Basic credentials and three granted collections. */
export interface MedallionServer { t: TestApp; auth: Record<string, string>; hvi: string; adds: string; writeOnly: string }

/** Start a test app with the High Value Indicator Collection seeded, a collection to add to and a write-only one. */
export async function startMedallionServer(): Promise<MedallionServer> {
  const t = await createTestApp();
  const analyst = await t.userIn('prov-48', 'analyst');
  const make = async (title: string, canRead: boolean) => (await t.admin.post('/api/v1/intel/collections', { title, tlpCeiling: 'AMBER', grants: [{ orgId: analyst.orgId, canRead, canWrite: true }] })).json().id as string;
  const s = { t, auth: basicAuth(analyst.email, 'a-long-test-password'), hvi: await make('High Value Indicator Collection', true), adds: await make('This data collection is for testing adding objects', true), writeOnly: await make('Write only', false) };
  await seedMedallionHvi(t.platform.db, s.hvi);
  return s;
}

/** Asserts a TAXII-typed answer with this status and returns its JSON body (undefined when empty). */
export function taxiiOk(res: LightMyRequestResponse, status = 200) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toBe(TAXII_TYPE);
  return res.body === '' ? undefined : res.json();
}

/** The X-TAXII-Date-Added-First and -Last headers of an answer. */
export const dateAddedRange = (res: LightMyRequestResponse) => [res.headers['x-taxii-date-added-first'], res.headers['x-taxii-date-added-last']];

/** Our TAXII API root and the fixture objects the medallion tests name. */
export const MEDALLION = {
  root: '/taxii2/lachan',
  malware: 'malware--c0931cc6-c75e-47e5-9036-78fabc95d4ec',
  indicator: 'indicator--6770298f-0fd8-471a-ab8c-1c658a46574e',
  relationship: 'relationship--2f9a9aa9-108a-4333-83e2-4fb25add0463',
} as const;

/** medallion's TEST_OBJECT (an indicator) under another id and version. */
export const medallionTestObject = (id: string, modified = '2017-01-27T13:49:53.935Z', created = '2017-01-27T13:49:53.935Z') => ({
  type: 'indicator', spec_version: '2.1', id, created, modified, name: 'Malicious site hosting downloader', indicator_types: ['malicious-activity'],
  pattern: "[url:value = 'http://x4z9arb.cn/4712']", pattern_type: 'stix', valid_from: '2017-01-27T13:49:53.935382Z',
});
