import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.ts';

let t: TestApp;
type W = { id: string; status: string; origin: string; campaignId: string | null; titleVi: string; titleEn: string; bodyEn: string; targeting: { orgIds?: string[] }; indicators: { type: string; value: string }[] };

const alert = (n: number, over: Record<string, unknown> = {}) => JSON.stringify({
  title: 'Exploitation of the VPN gateway', severity: 'high', sourceRef: `prop-${n}-${Math.random()}`, rule: { id: 'VPN-EXPLOIT-7', name: 'vpn exploit' }, attack: ['T1190'],
  src: { ip: '198.18.61.20' }, observables: [{ type: 'ipv4', value: '198.18.61.20', role: 'src' }], ...over,
});
async function send(org: string, over: Record<string, unknown> = {}): Promise<void> {
  const k = await t.keyFor(org, 'connector');
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/ingest/lachan', headers: { authorization: `Bearer ${k.key}`, 'content-type': 'application/x-ndjson' }, payload: [alert(1, over), alert(2, over)].join('\n') });
  expect(res.statusCode).toBe(202);
  expect(res.json().rejected).toBe(0);
  for (let i = 0; i < 3; i++) {
    await t.platform.relay.flush();
    await t.platform.workers.campaigns.idle();
  }
}
const proposals = async (): Promise<W[]> => ((await t.admin.get('/api/v1/warnings?limit=500')).json().items as W[]).filter((w) => w.origin === 'campaign');

beforeAll(async () => {
  t = await createTestApp();
  // A working day's background: many organisations active, so that a campaign of four or five is not "most of them".
  const used = await Promise.all(['bank-sgb', 'bank-svb', 'health-taybac', 'energy-themluc', 'bank-phusa'].map((k) => t.org(k)));
  const others = ((await t.admin.get('/api/v1/orgs?limit=200')).json().items as { id: string }[]).filter((o) => !used.includes(o.id)).slice(0, 16);
  for (const [i, o] of others.entries()) await send(o.id, { title: `routine ${i}`, rule: { id: `R${i}` }, attack: [], src: { ip: `45.${i + 10}.7.9` }, observables: [] });
  for (const org of ['bank-sgb', 'bank-svb', 'health-taybac']) await send(org);
});
afterAll(() => t?.close());

describe('one warning proposal per campaign', () => {
  it('names the sectors, the technique and the infrastructure, and is refreshed in place as the campaign grows', async () => {
    const [first, ...more] = await proposals();
    expect(more).toEqual([]);
    expect(first).toMatchObject({ status: 'proposed', titleEn: expect.stringMatching(/^Attack campaign against Banking, Health: T1190 from 198\.18\.61\./), titleVi: expect.stringContaining('Ngân hàng, Y tế: T1190 từ 198.18.61.') });
    expect(first!.targeting.orgIds).toHaveLength(3);
    expect(first!.indicators.map((i) => i.value).join(' ')).toContain('198.18.61.');
    const campaignId = first!.campaignId;

    // A power company is hit from the same address: the same proposal now names it and its sector.
    await send('energy-themluc');
    const after = await proposals();
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ id: first!.id, campaignId, status: 'proposed' });
    expect(after[0]!.targeting.orgIds).toContain(await t.org('energy-themluc'));
    expect(after[0]!.targeting.orgIds).toHaveLength(4);
    expect(after[0]!.titleEn).toMatch(/^Attack campaign against Banking, Energy.* \+1: T1190/);
  });

  it('never changes a proposal once it is issued', async () => {
    const [p] = await proposals();
    expect((await t.admin.post(`/api/v1/warnings/${p!.id}/issue`)).statusCode).toBe(200);
    const issued = (await t.admin.get(`/api/v1/warnings/${p!.id}`)).json() as W & { updatedAt: string };
    await send('bank-phusa');
    const later = (await t.admin.get(`/api/v1/warnings/${p!.id}`)).json() as W & { updatedAt: string };
    expect(later).toMatchObject({ status: 'issued', titleEn: issued.titleEn, bodyEn: issued.bodyEn, targeting: issued.targeting, updatedAt: issued.updatedAt });
    expect(await proposals()).toHaveLength(1);
  });

  it('takes an unissued proposal away with its campaign when the centre dismisses it, and hands it over on a merge', async () => {
    const other = async (src: string) => {
      for (const org of ['bank-sgb', 'bank-svb', 'health-taybac']) await send(org, { src: { ip: src }, observables: [{ type: 'ipv4', value: src, role: 'src' }], rule: { id: `R-${src}` } });
    };
    await other('198.18.90.9');
    await other('198.18.95.5');
    const open = (await proposals()).filter((w) => w.status === 'proposed');
    expect(open).toHaveLength(2);
    const [a, b] = open as [W, W];
    expect((await t.admin.post(`/api/v1/campaigns/${b.campaignId}/merge`, { intoId: a.campaignId })).statusCode).toBe(200);
    await t.platform.relay.flush();
    await t.platform.workers.warnings.settled();
    const merged = (await proposals()).filter((w) => w.status === 'proposed');
    expect(merged.map((w) => w.campaignId)).toEqual([a.campaignId]);
    expect((await t.admin.post(`/api/v1/campaigns/${a.campaignId}/dismiss`)).statusCode).toBe(200);
    await t.platform.relay.flush();
    await t.platform.workers.warnings.settled();
    expect((await proposals()).filter((w) => w.status === 'proposed')).toEqual([]);
    const discarded = ((await t.admin.get('/api/v1/warnings?status=discarded')).json().items as W[]).filter((w) => w.origin === 'campaign');
    expect(discarded.map((w) => w.campaignId).sort()).toEqual([a.campaignId, b.campaignId].sort());
  });
});
