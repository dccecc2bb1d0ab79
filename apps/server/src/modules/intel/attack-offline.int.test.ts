import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { AttackKnowledge } from './attack-offline.ts';
import { IntakeService } from './intake.service.ts';

const SHIPPED = new URL('../../../data/attack/enterprise-attack-18.1.json.gz', import.meta.url).pathname;
let t: TestApp;

/** The newest intake run of kind attack, once it has ended. */
async function attackRun(): Promise<{ status: string; stored: number; invalid: number; source: string }> {
  for (let i = 0; i < 1200; i++) {
    const runs = (await t.admin.get('/api/v1/intel/intake-runs')).json() as { items?: unknown[] } | unknown[];
    const list = (Array.isArray(runs) ? runs : (runs.items ?? [])) as { kind: string; status: string; stored: number; invalid: number; source: string }[];
    const run = list.find((r) => r.kind === 'attack');
    if (run && run.status !== 'running') return run;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the ATT&CK import did not end');
}

beforeAll(async () => {
  // a server started without network: the shipped bundle, no reachable feed (no allowed hosts)
  t = await createTestApp({ attackBundle: SHIPPED, attackFeedUrl: 'https://raw.githubusercontent.com/mitre-attack/attack-stix-data/master/enterprise-attack/enterprise-attack.json', intelAllowedHosts: [] });
}, 600_000);
afterAll(() => t?.close());

describe('enterprise ATT&CK on a first start without network', () => {
  it('imports the shipped bundle into the knowledge base, every object valid', async () => {
    const run = await attackRun();
    expect(run).toMatchObject({ status: 'done', invalid: 0 });
    expect(run.source).toContain('enterprise-attack-18.1');
    expect(run.stored).toBeGreaterThan(20_000);
    const phishing = (await t.admin.get('/api/v1/intel/objects?technique=T1566')).json();
    const items = (phishing.items ?? []) as { name?: string; type: string }[];
    expect(items.some((o) => o.type === 'attack-pattern' && o.name === 'Phishing')).toBe(true);
    const groups = (await t.admin.get('/api/v1/intel/objects?type=intrusion-set&q=APT28')).json().items as unknown[];
    expect(groups.length).toBeGreaterThan(0);
  }, 600_000);

  it('does not import it again once ATT&CK is there, and pulls no feed whose host is not allowed', async () => {
    const attack = new AttackKnowledge(t.platform, new IntakeService(t.platform));
    expect(await attack.present()).toBe(true);
    expect(await attack.seedIfMissing()).toBeNull();
    expect(attack.feedAllowed()).toBe(false);
    expect(await attack.pullFeed()).toBeNull();
    expect(await attack.pullFeedIfDue()).toBeNull();
  });
});
