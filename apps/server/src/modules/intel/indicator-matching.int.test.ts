import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.ts';

let t: TestApp;
const indicator = (id: string, pattern: string, extra: Record<string, unknown> = {}) => ({
  type: 'indicator', spec_version: '2.1', id, created: '2026-11-01T00:00:00.000Z', modified: '2026-11-01T00:00:00.000Z',
  pattern, pattern_type: 'stix', valid_from: '2026-11-01T00:00:00Z', ...extra,
});

async function store(o: Record<string, unknown>) {
  await sql`insert into stix_objects (id, version, type, object) values (${o.id as string}, ${o.modified as string}, 'indicator', ${JSON.stringify(o)}::jsonb)`.execute(t.platform.db);
}

beforeAll(async () => {
  t = await createTestApp();
  await store(indicator('indicator--a1a1a1a1-0000-4000-8000-000000000001', "[ipv4-addr:value = '198.51.100.99'] OR [domain-name:value = 'evil.example']"));
  await store(indicator('indicator--a1a1a1a1-0000-4000-8000-000000000002', "[ipv4-addr:value = '192.0.2.50']", { revoked: true }));
  await store(indicator('indicator--a1a1a1a1-0000-4000-8000-000000000003', "[ipv4-addr:value = '10.1.2.3']"));
  await t.platform.workers.indicators.refresh();
});
afterAll(() => t?.close());

describe('indicators of the knowledge base matched at ingest', () => {
  it('marks the observables that match live indicators (a domain also by its sub-domains), and records the sightings', async () => {
    const key = await t.keyFor('bank-sgb', 'connector');
    const lines = [
      { title: 'beacon', severity: 'high', src: { ip: '198.51.100.99' }, observables: [{ type: 'domain', value: 'cdn.evil.example' }] },
      { title: 'revoked one', severity: 'low', src: { ip: '192.0.2.50' } },
      { title: 'private range', severity: 'low', src: { ip: '10.1.2.3' } },
    ].map((x) => JSON.stringify(x)).join('\n');
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/ingest/lachan', headers: { authorization: `Bearer ${key.key}`, 'content-type': 'application/x-ndjson' }, payload: lines });
    expect(res.statusCode).toBe(202);
    const detail = async (title: string) => {
      const item = (await t.admin.get('/api/v1/alerts?limit=20')).json().items.find((a: { title: string }) => a.title === title);
      return (await t.admin.get(`/api/v1/alerts/${item.id}`)).json();
    };
    const beacon = await detail('beacon');
    expect(beacon.indicatorMatches.map((m: { observableIndex: number }) => beacon.observables[m.observableIndex].value).sort()).toEqual(['198.51.100.99', 'cdn.evil.example']);
    expect((await detail('revoked one')).indicatorMatches).toEqual([]);
    // A private address is on the built-in warninglist: never an indicator, whatever a feed says.
    expect((await detail('private range')).indicatorMatches).toEqual([]);

    await t.platform.relay.flush();
    await t.platform.workers.sightings.idle();
    const sightings = await sql<{ value: string; count: number }>`select v.value, s.count from intel_sightings s join intel_indicator_values v on v.id = s.value_id order by 1`.execute(t.platform.db);
    expect(sightings.rows).toEqual([{ value: '198.51.100.99', count: 1 }, { value: 'evil.example', count: 1 }]);
  });
});
