import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.ts';

let t: TestApp;
const alert = (src: string, i: number) => JSON.stringify({ title: 'Outbound connection', severity: 'high', sourceRef: `wl-${src}-${i}`, attack: ['T1071'], src: { ip: src }, observables: [{ type: 'ipv4', value: src, role: 'src' }] });

async function send(orgKey: string, src: string): Promise<void> {
  const k = await t.keyFor(orgKey, 'connector');
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/ingest/lachan', headers: { authorization: `Bearer ${k.key}`, 'content-type': 'application/x-ndjson' }, payload: alert(src, 1) });
  expect(res.statusCode).toBe(202);
}

beforeAll(async () => {
  // An operator's list of a partner's scanning service, dropped in the warninglists directory.
  const dir = mkdtempSync(join(tmpdir(), 'lachan-campaign-lists-'));
  writeFileSync(join(dir, 'scanners.json'), JSON.stringify({ name: 'National vulnerability scanner', type: 'cidr', category: 'false_positive', matching_attributes: ['ip-src', 'ip-dst'], list: ['198.18.44.0/24'] }));
  t = await createTestApp({ intelWarninglistsDir: dir });
  for (const org of ['health-taybac', 'bank-sgb', 'bank-svb']) {
    await send(org, '198.18.44.7');
    await send(org, '198.18.45.7');
  }
  await t.platform.relay.flush();
  await t.platform.workers.campaigns.idle();
});
afterAll(() => t?.close());

describe('campaigns and warninglists', () => {
  it('never links organisations through a warninglisted value, while the same pattern elsewhere does', async () => {
    const titles = ((await t.admin.get('/api/v1/campaigns')).json().items as { title: string }[]).map((c) => c.title);
    expect(titles.some((x) => x.includes('198.18.45.'))).toBe(true);
    expect(titles.some((x) => x.includes('198.18.44.'))).toBe(false);
  });
});
