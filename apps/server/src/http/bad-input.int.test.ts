import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/harness.ts';
import { MUTATIONS, QUERIES, ROUTES, type Expectation, type Ids, type Sent } from './bad-input.cases.ts';

let t: TestApp;
let ids: Ids;
const rejections: unknown[] = [];
const onRejection = (reason: unknown) => rejections.push(reason);

beforeAll(async () => {
  process.on('unhandledRejection', onRejection);
  t = await createTestApp();
  const orgId = await t.org('prov-48');
  const incident = await t.admin.post('/api/v1/incidents', { title: 'Corpus target', severity: 2, orgId });
  const q = await sql<{ id: string }>`insert into quarantine (org_id, format, code, message, raw) values (${orgId}, 'lachan', 'malformed_json', 'corpus', '{') returning id::text as id`.execute(t.platform.db);
  ids = { incidentId: incident.json().id, orgId, quarantineId: q.rows[0]!.id };
});
afterAll(async () => {
  process.off('unhandledRejection', onRejection);
  await t?.close();
});

/** The one error shape: `{error: {code, message, details?}}` and nothing else. */
function expectErrorShape(res: LightMyRequestResponse, label: string): void {
  const body = res.json() as { error?: { code?: unknown; message?: unknown } };
  expect(Object.keys(body), label).toEqual(['error']);
  expect(body.error!.code, label).toMatch(/^[a-z]+(?:_[a-z]+)*$/);
  expect(typeof body.error!.message, label).toBe('string');
}

function check(res: LightMyRequestResponse, e: Expectation, label: string): void {
  expect(res.statusCode, `${label}: ${res.body.slice(0, 300)}`).toBeLessThan(500);
  if (res.statusCode >= 400) expectErrorShape(res, label);
  if (e.expect === 'refused') {
    expect(res.statusCode, `${label}: ${res.body.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
    if (e.status !== undefined) expect(res.statusCode, `${label}: ${res.body.slice(0, 300)}`).toBe(e.status);
  }
}

function payload(sent: Sent): { body: Buffer; headers: Record<string, string> } {
  if ('json' in sent) return { body: Buffer.from(JSON.stringify(sent.json)), headers: { 'content-type': 'application/json' } };
  return { body: Buffer.isBuffer(sent.raw) ? sent.raw : Buffer.from(sent.raw), headers: { 'content-type': sent.contentType ?? 'application/json', ...sent.headers } };
}

describe('bad input to the JSON API: a 4xx in the one error shape, never a 5xx', () => {
  for (const route of ROUTES) {
    describe(route.name, () => {
      for (const m of MUTATIONS) {
        if (m.only && !m.only(route)) continue;
        it(m.name, async () => {
          const { body, headers } = payload(m.make(route.body(ids), route));
          const caller = route.anonymous ? t.anonymous : t.admin;
          check(await caller.request(route.method, route.url(ids), body, headers), m, `${route.name} ${m.name}`);
        });
      }
    });
  }

  describe('query strings and path parameters', () => {
    for (const q of QUERIES) it(q.name, async () => check(await t.admin.get(q.url(ids)), q, q.name));
  });

  it('leaves the server answering, with no promise rejected unhandled', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    expect((await t.admin.get('/api/v1/me')).statusCode).toBe(200);
    expect(rejections).toEqual([]);
  });
});
