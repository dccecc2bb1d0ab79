import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.ts';

let t: TestApp;

type Line = { src?: string; rule: string; severity?: string; rsit?: string; domain?: string };
const line = (l: Line) => JSON.stringify({
  title: `Suspicious activity ${l.rule}`, severity: l.severity ?? 'high', sourceRef: `split-${Math.random()}`, rule: { id: l.rule, name: l.rule },
  rsit: { class: l.rsit ?? 'intrusion-attempts' }, attack: ['T1190'], ...(l.src ? { src: { ip: l.src } } : {}), dst: { ip: `100.64.1.${Math.floor(Math.random() * 200) + 1}` },
  observables: l.domain ? [{ type: 'domain', value: l.domain, role: 'related' }] : [],
});
async function send(orgKey: string, lines: Line[]): Promise<void> {
  const k = await t.keyFor(orgKey, 'connector');
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/ingest/lachan', headers: { authorization: `Bearer ${k.key}`, 'content-type': 'application/x-ndjson' }, payload: lines.map(line).join('\n') });
  expect(res.statusCode).toBe(202);
}
const settle = async () => {
  for (let i = 0; i < 4; i++) {
    await t.platform.relay.flush();
    await t.platform.workers.campaigns.idle();
    await t.platform.workers.warnings.settled();
  }
};
type Detail = { id: string; status: string; members: { visible: number }; alerts: { orgId: string }[]; history: { action: string; otherCampaignId: string | null; reasons: { code: string; params: Record<string, unknown> }[] }[] };
const active = async (): Promise<{ id: string }[]> => (await t.admin.get('/api/v1/campaigns?status=active')).json().items;
const detail = async (id: string): Promise<Detail> => (await t.admin.get(`/api/v1/campaigns/${id}`)).json();

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('a campaign that splits', () => {
  it('moves the older alerts and members of the part split off to the new campaign, and both histories say how many', async () => {
    const bridge = 'cdn-bridge.example.org';
    // Two pairs of organisations, each sharing an attacker address under one rule, joined by a domain both pairs' first members saw.
    // Each organisation's alert is matched in a round of its own (as alerts spread over time are): the first victims'
    // alerts came before their values were a link, and the campaign found later takes them all the same.
    for (const [org, l] of [
      ['bank-sgb', { src: '45.70.1.10', rule: 'SPLIT-A', domain: bridge }],
      ['bank-svb', { src: '45.70.1.10', rule: 'SPLIT-A' }],
      ['tel-ixp', { src: '77.70.2.20', rule: 'SPLIT-B', domain: bridge }],
      ['tel-canhdieu', { src: '77.70.2.20', rule: 'SPLIT-B' }],
    ] as const) {
      await send(org, [l]);
      await settle();
    }
    const [one] = await active();
    expect(await active()).toHaveLength(1);
    const before = await detail(one!.id);
    expect(before.members.visible).toBe(4);
    expect(before.alerts).toHaveLength(4);

    // The domain turns out to be everywhere (seen by organisations of every sector): it no longer links, and the cluster falls in two.
    for (const org of ['energy-tstd', 'energy-suoimay', 'air-cuabien', 'fin-haiau', 'fin-commodity', 'fin-ankhang', 'tel-mayngan', 'bank-phusa', 'prov-48']) {
      await send(org, [{ rule: `NOISE-${org}`, severity: 'low', rsit: 'other', domain: bridge }]);
    }
    await settle();
    const now = await active();
    expect(now).toHaveLength(2);
    const old = await detail(one!.id);
    const part = await detail(now.find((c) => c.id !== one!.id)!.id);
    const orgsOf = (d: Detail) => [...new Set(d.alerts.map((a) => a.orgId))].sort();
    const banks = [await t.org('bank-sgb'), await t.org('bank-svb')].sort();
    const telcos = [await t.org('tel-ixp'), await t.org('tel-canhdieu')].sort();
    // The older alerts went with the part they belong to; each campaign keeps only its own members.
    expect(orgsOf(old)).toEqual(banks);
    expect(orgsOf(part)).toEqual(telcos);
    expect(old.members.visible).toBe(2);
    expect(part.members.visible).toBe(2);
    const split = part.history.find((h) => h.action === 'split_from')!;
    expect(split.otherCampaignId).toBe(one!.id);
    expect(split.reasons).toContainEqual({ code: 'moved', params: { alerts: 2, orgs: 2 } });
    expect(old.history.find((h) => h.action === 'split_off')?.otherCampaignId).toBe(part.id);
  });
});
