import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Caller, type TestApp } from '../../testing/harness.ts';
import { finishedRun } from '../../testing/intake-runs.ts';

const MISP_FEED = fileURLToPath(new URL('../../../../../fixtures/public/misp/feed', import.meta.url));
let t: TestApp;
let analyst: Caller;
let root: string;

const finished = finishedRun;

beforeAll(async () => {
  // The feed root holds the sample MISP feed (read in place through a link) and a small value list.
  root = mkdtempSync(join(tmpdir(), 'lachan-feeds-'));
  symlinkSync(MISP_FEED, join(root, 'misp'));
  writeFileSync(join(root, 'list.txt'), '# bad hosts\n198.51.100.7\nevil.example.com\nhttp://evil.example.com/x\n44d88612fea8a8f36de82e1278abb02f\nnot a value\n');
  t = await createTestApp({ intelFeedRoot: root });
  analyst = await t.userIn('bank-sgb', 'analyst');
});
afterAll(() => t?.close());

describe('MISP feeds', () => {
  it('keeps each event\'s non-detection attributes as TLP-marked context, never indicators, counting events it cannot read', async () => {
    // The sample manifest lists 79 events and ships two event files: the 77 missing ones fail alone.
    const reg = await analyst.post('/api/v1/intel/feeds', { name: 'chrome-mal-ids', kind: 'misp', location: 'misp' });
    expect(reg.statusCode, reg.body).toBe(201);
    const res = await analyst.post(`/api/v1/intel/feeds/${reg.json().id}/run`);
    expect(res.statusCode, res.body).toBe(202);
    const run = await finished(analyst, res.json().runId);
    // Each event: its report, 4 URLs (to_ids false) as observed data over url objects, 2 extension ids (free text) as notes.
    expect(run).toMatchObject({ kind: 'misp', status: 'done', received: 99, stored: 22, invalid: 77 });
    expect(run.errors[0].message).toMatch(/^event [0-9a-f-]{36}: /);
    expect(run.notes.map((n: { message: string }) => n.message)).toContain('event f947d4ae-77a5-547a-b541-6cb74add70fd: 6 attributes: 0 indicators, 6 kept as context (of which 2 detection attributes without a STIX pattern: text 2), 0 dropped');
    const types = await sql<{ type: string; n: number; tlp: string }>`select type, count(*)::int as n, min(tlp) as tlp from stix_objects group by type order by type`.execute(t.platform.db);
    expect(types.rows).toEqual([
      { type: 'note', n: 4, tlp: 'CLEAR' }, { type: 'observed-data', n: 8, tlp: 'CLEAR' }, { type: 'report', n: 2, tlp: 'CLEAR' }, { type: 'url', n: 8, tlp: 'CLEAR' },
    ]);
    expect((await analyst.get('/api/v1/intel/exports/txt')).body).toBe('');
    // Context stays searchable: the URL objects by value, the free-text notes by content.
    const found = (await analyst.get('/api/v1/intel/objects?q=fnmihdojmnkclgjpcoonokmkhjpjechg')).json().items.map((o: { type: string }) => o.type);
    expect(found).toContain('url');
    const again = await finished(analyst, (await analyst.post(`/api/v1/intel/feeds/${reg.json().id}/run`)).json().runId);
    expect(again).toMatchObject({ stored: 0, duplicates: 22 });
  });

  it('refuses locations outside the feed root, and runs of another organisation\'s feed', async () => {
    expect((await analyst.post('/api/v1/intel/feeds', { name: 'x', kind: 'misp', location: '../../etc' })).statusCode).toBe(422);
    const reg = await analyst.post('/api/v1/intel/feeds', { name: 'list', kind: 'csv', location: 'list.txt' });
    const other = await t.userIn('energy-themluc', 'analyst');
    expect((await other.post(`/api/v1/intel/feeds/${reg.json().id}/run`)).statusCode).toBe(404);
  });
});

describe('one-value-per-line feeds', () => {
  it('detects each value\'s type and counts the lines it cannot read', async () => {
    const reg = await analyst.post('/api/v1/intel/feeds', { name: 'hosts', kind: 'csv', location: 'list.txt', intervalMinutes: 30 });
    const run = await finished(analyst, (await analyst.post(`/api/v1/intel/feeds/${reg.json().id}/run`)).json().runId);
    expect(run).toMatchObject({ kind: 'csv', status: 'done', received: 5, stored: 4, invalid: 1 });
    const p = await sql<{ p: string }>`select object->>'pattern' as p from stix_objects where object->>'name' in ('198.51.100.7', 'evil.example.com', '44d88612fea8a8f36de82e1278abb02f') order by 1`.execute(t.platform.db);
    expect(p.rows.map((r) => r.p)).toEqual(["[domain-name:value = 'evil.example.com']", "[file:hashes.'MD5' = '44d88612fea8a8f36de82e1278abb02f']", "[ipv4-addr:value = '198.51.100.7']"]);
  });
});
