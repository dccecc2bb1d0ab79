import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Caller, type TestApp } from '../../testing/harness.ts';

const RFC1918 = fileURLToPath(new URL('../../../../../fixtures/public/misp/warninglists/rfc1918-list.json', import.meta.url));
const AMBER = 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421';
const DAY = 86_400_000;
let t: TestApp;
let bank: Caller;
let connector: Caller & { key: string };
let run: { notes: Array<{ index: number; message: string }> };

const at = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY).toISOString();
const id = (n: number) => `indicator--${String(n).padStart(8, '0')}-4444-4a5e-9d2b-8d6a0b1c2d3e`;
const ind = (n: number, pattern: string, daysAgo = 0, extra: Record<string, unknown> = {}) => ({
  type: 'indicator', spec_version: '2.1', id: id(n), created: at(daysAgo), modified: at(daysAgo), name: `i${n}`,
  pattern, pattern_type: 'stix', valid_from: at(daysAgo), confidence: 80, ...extra,
});
const status = (c: Caller, n: number) => c.get(`/api/v1/intel/indicators/${id(n)}/status`);
const exported = async (q: string) => (await t.app.inject({ method: 'GET', url: `/api/v1/intel/exports/txt?${q}`, headers: { authorization: `Bearer ${connector.key}` } })).body;

beforeAll(async () => {
  // The MISP RFC 1918 list (read in place) and a resolver list, as an operator would drop them in the directory.
  const dir = mkdtempSync(join(tmpdir(), 'lachan-warninglists-'));
  symlinkSync(RFC1918, join(dir, 'rfc1918.json'));
  writeFileSync(join(dir, 'resolvers.json'), JSON.stringify({ name: 'Public DNS resolvers', type: 'cidr', category: 'false_positive', matching_attributes: ['ip-src', 'ip-dst'], list: ['8.8.8.0/24', '1.1.1.0/24'] }));
  t = await createTestApp({ intelWarninglistsDir: dir });
  bank = await t.userIn('bank-sgb', 'analyst');
  connector = await t.keyFor('bank-sgb', 'connector');
  const res = await bank.post('/api/v1/intel/bundles', { type: 'bundle', objects: [
    ind(1, "[ipv4-addr:value = '100.200.7.23']", 20),
    ind(2, "[ipv4-addr:value = '8.8.8.0/25']"),
    ind(3, "[ipv4-addr:value = '172.16.5.0/24']"),
    ind(4, "[ipv4-addr:value = '100.200.113.0/24']", 0, { object_marking_refs: [AMBER] }),
  ] });
  expect(res.statusCode, res.body).toBe(202);
  run = (await bank.get(`/api/v1/intel/intake-runs/${res.json().runId}`)).json();
  await t.platform.workers.indicators.refresh();
});
afterAll(() => t?.close());

describe('warninglists on CIDR indicators', () => {
  it('names the list in the intake run notes and on the indicator, and keeps the range out of matching and exports', async () => {
    expect(run.notes.map((n) => n.message)).toEqual([
      `${id(2)}: 8.8.8.0/25 is on warninglist "Public DNS resolvers", so it is neither matched nor exported`,
      `${id(3)}: 172.16.5.0/24 is on warninglist "List of RFC 1918 CIDR blocks", so it is neither matched nor exported`,
    ]);
    expect((await status(bank, 2)).json().values).toEqual([expect.objectContaining({ type: 'cidr', value: '8.8.8.0/25', suppressedBy: 'Public DNS resolvers' })]);
    expect((await status(bank, 4)).json().values[0].suppressedBy).toBeNull();
    const stored = await sql<{ value: string; suppressed_by: string | null }>`select value, suppressed_by from intel_indicator_values where type = 'cidr' order by value`.execute(t.platform.db);
    expect(stored.rows).toEqual([
      { value: '100.200.113.0/24', suppressed_by: null }, { value: '172.16.5.0/24', suppressed_by: 'List of RFC 1918 CIDR blocks' }, { value: '8.8.8.0/25', suppressed_by: 'Public DNS resolvers' },
    ]);
    const txt = await exported('type=cidr');
    expect(txt).toBe('100.200.113.0/24\n');
  });

  it('hides another organisation\'s AMBER indicator', async () => {
    const other = await t.userIn('energy-themluc', 'analyst');
    expect((await status(other, 4)).statusCode).toBe(404);
    expect((await status(other, 1)).statusCode).toBe(200);
  });
});

describe('sightings refresh the score', () => {
  it('restarts the decay when an alert sights the value, so exports above a score floor take it back', async () => {
    // 20 days into a 30-day address lifetime, 80 has decayed to about 17.
    const before = (await status(bank, 1)).json().values[0];
    expect(before).toMatchObject({ lastSightedAt: null, sightings: 0 });
    expect(before.score).toBeGreaterThan(10);
    expect(before.score).toBeLessThan(25);
    expect(await exported('type=ipv4&minScore=50')).toBe('');

    const lines = [{ title: 'beacon to C2', severity: 'high', dst: { ip: '100.200.7.23' } }, { title: 'inside a suppressed range', severity: 'low', dst: { ip: '172.16.5.9' } }];
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/ingest/lachan', headers: { authorization: `Bearer ${connector.key}`, 'content-type': 'application/x-ndjson' }, payload: lines.map((l) => JSON.stringify(l)).join('\n') });
    expect(res.statusCode, res.body).toBe(202);
    await t.platform.relay.flush();
    await t.platform.workers.sightings.idle();

    const after = (await status(bank, 1)).json().values[0];
    expect(after).toMatchObject({ sightings: 1, sightingOrgs: 1 });
    expect(after.lastSightedAt).not.toBeNull();
    expect(after.score).toBeGreaterThan(75);
    expect(await exported('type=ipv4&minScore=50')).toBe('100.200.7.23\n');
    const matched = await sql<{ n: number }>`select count(*)::int as n from intel_sightings s join intel_indicator_values v on v.id = s.value_id where v.type = 'cidr'`.execute(t.platform.db);
    expect(matched.rows[0]!.n).toBe(0);
  });
});
