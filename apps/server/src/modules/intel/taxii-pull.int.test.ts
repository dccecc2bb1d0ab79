import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Caller, type TestApp } from '../../testing/harness.ts';
import { finishedRun } from '../../testing/intake-runs.ts';

const TAXII = 'application/taxii+json;version=2.1';
const TS = '2024-05-01T08:00:00.000Z';
let remote: TestApp;
let local: TestApp;
let analyst: Caller;
let apiRoot: string;
let collectionId: string;
let goodFeed: string;
let remoteUser: { username: string; password: string };

const indicator = (n: number) => ({
  type: 'indicator', spec_version: '2.1', id: `indicator--${n.toString(16).padStart(8, '0')}-3333-4a5e-9d2b-8d6a0b1c2d3e`, created: TS, modified: TS,
  pattern: `[domain-name:value = 'c2-${n}.example.net']`, pattern_type: 'stix', valid_from: TS,
});

/** Add objects to the remote collection through its own TAXII API. */
async function publish(objects: unknown[]): Promise<void> {
  const res = await remote.app.inject({
    method: 'POST', url: `/taxii2/lachan/collections/${collectionId}/objects/`, payload: JSON.stringify({ objects }),
    headers: { accept: TAXII, 'content-type': TAXII, authorization: `Basic ${Buffer.from(`${remoteUser.username}:${remoteUser.password}`).toString('base64')}` },
  });
  expect(res.statusCode, res.body).toBe(202);
}

const finished = finishedRun;

beforeAll(async () => {
  // A second Lachan, on its own database, serves TAXII on 127.0.0.1: the partner we pull from.
  remote = await createTestApp();
  const partner = await remote.userIn('prov-48', 'analyst');
  remoteUser = { username: partner.email, password: 'a-long-test-password' };
  const c = await remote.admin.post('/api/v1/intel/collections', { title: 'Shared C2', tlpCeiling: 'AMBER', grants: [{ orgId: partner.orgId, canRead: true, canWrite: true }] });
  collectionId = c.json().id;
  await remote.app.listen({ port: 0, host: '127.0.0.1' });
  apiRoot = `http://127.0.0.1:${(remote.app.server.address() as AddressInfo).port}/taxii2/lachan/`;
  local = await createTestApp({ intelAllowedHosts: ['127.0.0.1'], intelCredentialsKey: 'test-sealing-key' });
  analyst = await local.userIn('bank-sgb', 'analyst');
});
afterAll(async () => {
  await local?.close();
  await remote?.close();
});

describe('scheduled TAXII 2.1 pulls', () => {
  it('pulls everything first, page by page, then only what was added since', async () => {
    await publish([indicator(1), indicator(2), indicator(3)]);
    const reg = await analyst.post('/api/v1/intel/feeds', { name: 'partner C2', kind: 'taxii', location: apiRoot, collectionId, auth: { kind: 'basic', ...remoteUser }, pageSize: 2 });
    expect(reg.statusCode, reg.body).toBe(201);
    goodFeed = reg.json().id;
    expect(reg.body).not.toContain(remoteUser.password);
    const first = await finished(analyst, (await analyst.post(`/api/v1/intel/feeds/${reg.json().id}/run`)).json().runId);
    expect(first).toMatchObject({ kind: 'taxii_pull', source: 'partner C2', status: 'done', received: 3, stored: 3, invalid: 0 });

    await publish([indicator(4), indicator(5)]);
    const second = await finished(analyst, (await analyst.post(`/api/v1/intel/feeds/${reg.json().id}/run`)).json().runId);
    expect(second).toMatchObject({ status: 'done', received: 2, stored: 2, duplicates: 0 });
    const empty = await finished(analyst, (await analyst.post(`/api/v1/intel/feeds/${reg.json().id}/run`)).json().runId);
    expect(empty).toMatchObject({ status: 'done', received: 0 });

    // The secret is neither in the audit trail nor stored as typed.
    const rows = await sql<{ t: string }>`select (select string_agg(a::text, ' ') from audit_log a) || (select string_agg(f::text, ' ') from intel_feeds f) as t`.execute(local.platform.db);
    expect(rows.rows[0]!.t).toContain('partner C2');
    expect(rows.rows[0]!.t).not.toContain(Buffer.from(`${remoteUser.username}:${remoteUser.password}`).toString('base64'));
  });

  it('records a refused pull as a failed run while the other sources still run', async () => {
    const bad = await analyst.post('/api/v1/intel/feeds', { name: 'wrong password', kind: 'taxii', location: apiRoot, collectionId, auth: { kind: 'basic', username: remoteUser.username, password: 'nope' } });
    const bearer = await analyst.post('/api/v1/intel/feeds', { name: 'no such collection', kind: 'taxii', location: apiRoot, collectionId: '6f0e0b57-0000-4000-8000-000000000000', auth: { kind: 'bearer', token: 'x' } });
    const failed = await finished(analyst, (await analyst.post(`/api/v1/intel/feeds/${bad.json().id}/run`)).json().runId);
    expect(failed.status).toBe('failed');
    expect(failed.errors[0].message).toMatch(/HTTP 401/);
    expect((await finished(analyst, (await analyst.post(`/api/v1/intel/feeds/${bearer.json().id}/run`)).json().runId)).status).toBe('failed');
    await publish([indicator(6)]);
    expect(await finished(analyst, (await analyst.post(`/api/v1/intel/feeds/${goodFeed}/run`)).json().runId)).toMatchObject({ status: 'done', stored: 1 });
  });

  it('signs in with a Bearer API key of the partner', async () => {
    const key = await remote.keyFor('prov-48', 'connector');
    const reg = await analyst.post('/api/v1/intel/feeds', { name: 'partner via key', kind: 'taxii', location: apiRoot, collectionId, auth: { kind: 'bearer', token: key.key } });
    // A new source starts with no cursor: it reads the whole collection, every object already stored here.
    const run = await finished(analyst, (await analyst.post(`/api/v1/intel/feeds/${reg.json().id}/run`)).json().runId);
    expect(run).toMatchObject({ status: 'done', received: 6, stored: 0, duplicates: 6 });
  });

  it('refuses sources on hosts outside LACHAN_INTEL_ALLOWED_HOSTS', async () => {
    const res = await analyst.post('/api/v1/intel/feeds', { name: 'internal', kind: 'taxii', location: 'http://10.0.0.5/taxii2/root/', collectionId: 'x' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toMatch(/not an allowed intel source host/);
  });
});
