import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.ts';

let t: TestApp;

type Line = { src?: string; rule: string; title?: string; severity?: string; rsit?: string; attack?: string[]; observables?: { type: string; value: string; role?: string }[] };
const line = (l: Line) => JSON.stringify({
  title: l.title ?? `Exploitation attempt ${l.rule}`, severity: l.severity ?? 'high', sourceRef: `cl-${Math.random()}`, rule: { id: l.rule, name: l.rule },
  rsit: { class: l.rsit ?? 'intrusion-attempts' }, attack: l.attack ?? ['T1190'], ...(l.src ? { src: { ip: l.src } } : {}), dst: { ip: `100.64.0.${Math.floor(Math.random() * 200) + 1}` },
  observables: l.observables ?? [],
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
type Summary = { id: string; title: string; status: string; members: { visible: number } };
const campaigns = async (): Promise<Summary[]> => (await t.admin.get('/api/v1/campaigns?status=active')).json().items;
const byTitle = async (value: string) => (await campaigns()).find((c) => c.title.includes(value));

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('campaigns as clusters', () => {
  it('merges two campaigns when a new alert joins their infrastructure; the absorbed id answers with the survivor and its history says why', async () => {
    await send('bank-sgb', [{ src: '45.61.1.10', rule: 'R-A' }]);
    await send('bank-svb', [{ src: '45.61.1.10', rule: 'R-A' }]);
    await send('tel-ixp', [{ src: '77.62.2.20', rule: 'R-B' }]);
    await send('tel-canhdieu', [{ src: '77.62.2.20', rule: 'R-B' }]);
    await settle();
    const a = (await byTitle('45.61.1'))!;
    const b = (await byTitle('77.62.2'))!;
    expect(a && b && a.id !== b.id).toBe(true);
    await send('bank-phusa', [{ src: '45.61.1.10', rule: 'R-A', observables: [{ type: 'ipv4', value: '77.62.2.20', role: 'related' }] }]);
    await settle();
    const [absorbed, survivor] = [a, b].sort((x, y) => (x.id === b.id ? -1 : y.id === b.id ? 1 : 0));
    const redirected = (await t.admin.get(`/api/v1/campaigns/${absorbed!.id}`)).json();
    expect(redirected.id).toBe(survivor!.id);
    expect(redirected.members.visible).toBe(5);
    expect(redirected.history.map((h: { action: string }) => h.action)).toEqual(['detected', 'absorbed']);
    expect(redirected.history[1].otherCampaignId).toBe(absorbed!.id);
    expect(redirected.explanation.factors.map((f: { code: string }) => f.code)).toEqual(expect.arrayContaining(['organisations', 'evidence']));
    expect((await campaigns()).filter((c) => c.id === absorbed!.id)).toHaveLength(0);
    // A member reads the explanation without counts of the others.
    const analyst = await t.userIn('tel-ixp', 'analyst');
    const seen = (await analyst.get(`/api/v1/campaigns/${absorbed!.id}`)).json();
    expect(seen.explanation.factors.find((f: { code: string }) => f.code === 'organisations').params).toEqual({});
    expect(seen.history[1].otherCampaignId).toBeNull();
  });

  it('retracts a campaign whose organisations marked its alerts false positive, and withdraws its proposed warning', async () => {
    for (const org of ['energy-tstd', 'energy-suoimay', 'air-cuabien']) await send(org, [{ src: '91.63.3.30', rule: 'R-C' }, { src: '91.63.3.30', rule: 'R-C' }]);
    await settle();
    const c = (await byTitle('91.63.3'))!;
    expect(c.members.visible).toBe(3);
    const proposal = (await t.admin.get('/api/v1/warnings?status=proposed')).json().items.find((w: { campaignId?: string }) => w.campaignId === c.id);
    expect(proposal).toBeDefined();
    for (const org of ['energy-suoimay', 'air-cuabien']) {
      const analyst = await t.userIn(org, 'analyst');
      const ids = (await analyst.get('/api/v1/alerts?limit=50')).json().items.filter((x: { srcIp: string | null }) => x.srcIp === '91.63.3.30').map((x: { id: string }) => x.id);
      expect((await analyst.post('/api/v1/alerts/false-positive', { alertIds: ids, reason: 'our pentest provider' })).statusCode).toBe(200);
    }
    await settle();
    const detail = (await t.admin.get(`/api/v1/campaigns/${c.id}`)).json();
    expect(detail.status).toBe('retracted');
    expect(detail.retractedReasons.map((r: { code: string }) => r.code)).toContain('false_positive');
    expect(detail.history.at(-1).action).toBe('retracted');
    const after = (await t.admin.get(`/api/v1/warnings/${proposal.id}`)).json();
    expect(after.status).toBe('discarded');
  });

  it('keeps an internet-wide scanner on the mass-scanning list, never as a campaign; counts for the centre only', async () => {
    for (const org of ['fin-haiau', 'fin-commodity', 'fin-ankhang', 'tel-mayngan']) {
      await send(org, [1, 2, 3].map(() => ({ src: '185.64.101.7', rule: 'SCAN-1', title: 'ET SCAN Nmap SYN scan', severity: 'low', rsit: 'information-gathering', attack: ['T1595.001'] })));
    }
    await settle();
    expect(await byTitle('185.64.101')).toBeUndefined();
    const list = (await t.admin.get('/api/v1/campaigns/mass-scanning')).json().items;
    expect(list).toContainEqual(expect.objectContaining({ value: '185.64.101.7', type: 'ipv4', orgCount: 4 }));
    const analyst = await t.userIn('fin-haiau', 'analyst');
    const theirs = (await analyst.get('/api/v1/campaigns/mass-scanning')).json().items;
    expect(theirs.find((s: { value: string }) => s.value === '185.64.101.7').orgCount).toBeNull();
  });

  it('keeps on every campaign the counts of its members and alerts that its rows hold, through merges, retractions and refreshes', async () => {
    await send('bank-sgb', [{ src: '45.61.1.11', rule: 'R-A' }, { src: '45.61.1.10', rule: 'R-A' }]);
    await settle();
    const counts = (await sql<{ id: string; org_count: number; alert_count: number; orgs: number; alerts: number }>`select c.id, c.org_count, c.alert_count,
        (select count(*)::int from campaign_orgs o where o.campaign_id = c.id) as orgs, (select count(*)::int from campaign_alerts l where l.campaign_id = c.id) as alerts
      from campaigns c where c.status <> 'merged'`.execute(t.platform.db)).rows;
    expect(counts.length).toBeGreaterThan(1);
    for (const c of counts) expect({ orgs: c.org_count, alerts: c.alert_count }, c.id).toEqual({ orgs: c.orgs, alerts: c.alerts });
  });
});
