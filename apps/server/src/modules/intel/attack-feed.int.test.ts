import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { AttackKnowledge } from './attack-offline.ts';
import { IntakeService } from './intake.service.ts';

const SHIPPED = new URL('../../../data/attack/enterprise-attack-18.1.json.gz', import.meta.url).pathname;
const DAY_MS = 86_400_000;
const NEWER = 'Phishing, as MITRE describes it in a release newer than the one shipped.';

/** ATT&CK's Phishing technique as the shipped release has it, then as a newer release of the feed does. */
const shipped = (JSON.parse(gunzipSync(readFileSync(SHIPPED)).toString('utf8')) as { objects: Array<Record<string, unknown>> }).objects.find(
  (o) => o.type === 'attack-pattern' && JSON.stringify(o.external_references).includes('"T1566"'),
)!;
const newer = { ...shipped, modified: '2026-10-01T00:00:00.000Z', description: NEWER };

let t: TestApp;
let feed: Server;
let pulls = 0;

/** Intake runs of kind attack, once none is running. */
async function attackRuns(): Promise<Array<{ status: string; stored: number; duplicates: number; source: string }>> {
  for (let i = 0; i < 400; i++) {
    const list = (await t.admin.get('/api/v1/intel/intake-runs')).json() as { items: Array<{ kind: string; status: string; stored: number; duplicates: number; source: string }> };
    const runs = list.items.filter((r) => r.kind === 'attack');
    if (runs.length > 0 && runs.every((r) => r.status !== 'running')) return runs;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('no ATT&CK pull ended');
}

beforeAll(async () => {
  // the feed: a newer release of ATT&CK, served from a host the centre allowed
  feed = createServer((_req, res) => {
    pulls++;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ type: 'bundle', id: 'bundle--9b2f6a0e-6c1d-4f4a-8a57-3d2c1e0b9f10', objects: [newer] }));
  });
  await new Promise<void>((r) => feed.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(feed.address() as AddressInfo).port}/enterprise-attack.json`;
  t = await createTestApp({ attackBundle: null, attackFeedUrl: url, intelAllowedHosts: ['127.0.0.1'] });
}, 120_000);
afterAll(async () => {
  await t?.close();
  await new Promise((r) => feed?.close(r));
});

describe('enterprise ATT&CK kept current by its feed when the network allows', () => {
  it('pulls the feed at start and stores the newer version of a technique', async () => {
    const runs = await attackRuns();
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: 'done', stored: 1 });
    expect(pulls).toBe(1);
    const object = await t.admin.get(`/api/v1/intel/objects/${String(shipped.id)}`);
    expect(object.statusCode).toBe(200);
    expect(object.body).toContain(NEWER);
  });

  it('pulls again only once a day has passed since the last pull, whatever the restarts', async () => {
    // another process (a restart) checks within the day: no pull
    const restarted = new AttackKnowledge(t.platform, new IntakeService(t.platform));
    expect(await restarted.pullFeedIfDue()).toBeNull();
    expect(pulls).toBe(1);
    const realNow = t.platform.now;
    t.platform.now = () => new Date(realNow().getTime() + DAY_MS + 60_000);
    try {
      expect(await restarted.pullFeedIfDue()).not.toBeNull();
    } finally {
      t.platform.now = realNow;
    }
    expect(pulls).toBe(2);
    const runs = await attackRuns();
    expect(runs).toHaveLength(2);
    // the same release again: nothing new stored
    expect(runs[0]).toMatchObject({ status: 'done', stored: 0, duplicates: 1 });
  });
});
