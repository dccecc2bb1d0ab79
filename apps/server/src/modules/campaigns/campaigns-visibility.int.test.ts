import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Caller, type TestApp } from '../../testing/harness.ts';

/**
 * A campaign of a hospital and two banks sharing attacker addresses in one /24, as each caller may see
 * it. Both banks' alerts also carry a technique (T1059) the hospital never saw.
 */
let t: TestApp;
let campaignId: string;
let hospital: Caller;
const alert = (src: string, attack: string[]) => JSON.stringify({ title: 'VPN exploitation attempt', severity: 'high', sourceRef: `vis-${src}-${Math.random()}`, rule: { id: 'VIS-1', name: 'vpn' }, attack, src: { ip: src }, observables: [{ type: 'ipv4', value: src, role: 'src' }] });

async function send(orgKey: string, src: string, attack: string[]): Promise<void> {
  const k = await t.keyFor(orgKey, 'connector');
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/ingest/lachan', headers: { authorization: `Bearer ${k.key}`, 'content-type': 'application/x-ndjson' }, payload: alert(src, attack) });
  expect(res.statusCode).toBe(202);
}

beforeAll(async () => {
  t = await createTestApp();
  await send('health-taybac', '198.18.7.11', ['T1190']);
  // The hospital's alert is matched before the banks' arrive (a round of its own): the campaign found later takes it too.
  await t.platform.relay.flush();
  await t.platform.workers.campaigns.idle();
  await send('bank-sgb', '198.18.7.12', ['T1190', 'T1059']);
  await send('bank-svb', '198.18.7.13', ['T1190', 'T1059']);
  for (let i = 0; i < 3; i++) {
    await t.platform.relay.flush();
    await t.platform.workers.campaigns.idle();
  }
  campaignId = (await t.admin.get('/api/v1/campaigns')).json().items[0].id;
  hospital = await t.userIn('health-taybac', 'analyst');
});
afterAll(() => t?.close());

describe('the campaign list’s organisation filter', () => {
  it('tells a hospital analyst nothing about whether a hidden organisation is a co-member', async () => {
    const coMember = await hospital.get(`/api/v1/campaigns?orgId=${await t.org('bank-sgb')}`);
    const stranger = await hospital.get(`/api/v1/campaigns?orgId=${await t.org('bank-phusa')}`);
    expect(coMember.statusCode).toBe(403);
    expect(coMember.json().error.code).toBe('forbidden');
    expect({ status: coMember.statusCode, body: coMember.body }).toEqual({ status: stranger.statusCode, body: stranger.body });
    const own = (await hospital.get(`/api/v1/campaigns?orgId=${await t.org('health-taybac')}`)).json().items;
    expect(own.map((c: { id: string }) => c.id)).toEqual([campaignId]);
  });

  it('filters by any organisation the caller may see, the banking regulator by its banks', async () => {
    const regulator = await t.userIn('reg-bank', 'analyst');
    expect((await regulator.get(`/api/v1/campaigns?orgId=${await t.org('bank-sgb')}`)).json().items).toHaveLength(1);
    expect((await regulator.get(`/api/v1/campaigns?orgId=${await t.org('bank-phusa')}`)).json().items).toHaveLength(0);
    expect((await t.admin.get(`/api/v1/campaigns?sector=ENERGY`)).json().items).toHaveLength(0);
    expect((await hospital.get(`/api/v1/campaigns?sector=BANKING`)).json().items).toHaveLength(1);
  });
});

describe('what a member sees of the others', () => {
  it('counts the two banks as "fewer than 3", by sector and province, with no count in the title', async () => {
    const [c] = (await hospital.get('/api/v1/campaigns')).json().items;
    expect(c.members).toEqual({ visible: 1, hidden: { lt: 3 } });
    expect(c.bySector).toEqual(expect.arrayContaining([{ key: 'HEALTH', visible: 1, hidden: 0 }, { key: 'BANKING', visible: 0, hidden: { lt: 3 } }]));
    expect(c.byProvince).toEqual(expect.arrayContaining([{ key: '01', visible: 0, hidden: { lt: 3 } }, { key: '79', visible: 0, hidden: { lt: 3 } }]));
    expect(c.title).toBe('Shared infrastructure 198.18.7.0/24');
    expect(c).toMatchObject({ titleCode: 'shared_infrastructure', titleParams: { value: '198.18.7.0/24' } });
    // The hospital's alert came before the link and is in the campaign all the same; the banks' are not counted for it.
    expect(c.alertCount).toBe(1);
    expect(c.techniques).toEqual(['T1190']);
    const national = (await t.admin.get(`/api/v1/campaigns/${campaignId}`)).json();
    expect(national).toMatchObject({ members: { visible: 3, hidden: 0 }, alertCount: 3, techniques: ['T1059', 'T1190'] });
    expect(national.bySector).toEqual(expect.arrayContaining([{ key: 'BANKING', visible: 2, hidden: 0 }]));
  });

  it('does not name evidence the hospital never saw: the banks’ own technique stays out', async () => {
    const d = (await hospital.get(`/api/v1/campaigns/${campaignId}`)).json();
    expect(d.evidence.map((e: { value: string }) => e.value).sort()).toEqual(['198.18.7.0/24', 'T1190']);
    expect(d.evidence.find((e: { value: string }) => e.value === '198.18.7.0/24').members).toEqual({ visible: 1, hidden: { lt: 3 } });
    // its own alert only: none of the banks'
    expect(d.alerts.map((a: { orgId: string }) => a.orgId)).toEqual([await t.org('health-taybac')]);
    expect(JSON.stringify(d)).not.toContain('T1059');
    expect(JSON.stringify(d)).not.toMatch(/198\.18\.7\.1[23]/);
    const regulator = (await (await t.userIn('reg-bank', 'analyst')).get(`/api/v1/campaigns/${campaignId}`)).json();
    expect(regulator.evidence.find((e: { value: string }) => e.value === 'T1059').members).toEqual({ visible: 2, hidden: 0 });
    expect(regulator.members).toEqual({ visible: 2, hidden: { lt: 3 } });
    expect(regulator.techniques).toEqual(['T1059', 'T1190']);
  });

  it('lists only the incidents the caller may open: the regulator never sees a bank’s RED incident', async () => {
    const incidentOf = async (orgKey: string, tlp: string) => {
      const c = await t.userIn(orgKey, 'analyst');
      const alerts = (await c.get(`/api/v1/campaigns/${campaignId}`)).json().alerts as { id: string }[];
      const res = await c.post('/api/v1/incidents', { severity: 3, title: `Khai thác VPN ${tlp}`, tlp, alertIds: [alerts[0]!.id] });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const red = await incidentOf('bank-sgb', 'RED');
    const amber = await incidentOf('bank-svb', 'AMBER');
    const seen = async (c: Caller) => ((await c.get(`/api/v1/campaigns/${campaignId}`)).json().incidents as { id: string }[]).map((i) => i.id);
    expect(await seen(await t.userIn('reg-bank', 'analyst'))).toEqual([amber]);
    expect(await seen(t.admin)).toEqual([amber]);
    expect(await seen(await t.userIn('bank-sgb', 'analyst'))).toEqual([red]);
    expect(await seen(hospital)).toEqual([]);
  });

  it('announces the campaign without counting or naming its members', async () => {
    const r = await sql<{ payload: Record<string, unknown> }>`select payload from outbox where type in ('campaign.detected', 'campaign.updated')`.execute(t.platform.db);
    expect(r.rows.length).toBeGreaterThan(0);
    for (const { payload } of r.rows) expect(Object.keys(payload).sort()).toEqual(['confidence', 'id', 'severity', 'techniques', 'title']);
  });
});
