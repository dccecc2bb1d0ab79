import type { Caller } from '../../testing/harness.ts';
import { must, type World } from './world.ts';

/** The own organisation's alerts and what surrounds them: quarantine, sources, assets, rules, links, campaigns. */
export interface AlertsPart {
  alertId: string;
  quarantineId: string;
  sourceId: string;
  assetId: string;
  /** The domain that asset names: alerts naming it belong to the own organisation when their sender may speak for it. */
  assetValue: string;
  ruleId: string;
  linkId: string;
  /** Two campaigns the own organisation is in (with two organisations other than the other one). */
  campaignId: string;
  campaignBId: string;
  /** A registered asset of the own organisation (a fresh one each call). */
  freshAsset(): Promise<string>;
  /** A standing link from a fresh unit of the own organisation to the own organisation. */
  freshLink(): Promise<string>;
  /** A fresh unit under the own organisation, made by the centre. */
  freshUnit(kind?: string): Promise<string>;
}

// One rule per /24: the same rule id across both would join them into one campaign (the same tooling).
const alertLine = (ip: string, title: string) => JSON.stringify({
  title, severity: 'high', sourceRef: `matrix-${ip}-${Math.random()}`, rule: { id: `MATRIX-${ip.split('.')[2]}`, name: 'vpn exploit' },
  attack: ['T1190'], src: { ip }, observables: [{ type: 'ipv4', value: ip, role: 'src' }],
});

/** Sends NDJSON (or any text) lines as a connector; every line is answered, valid or quarantined. */
export async function ingest(key: Caller, lines: string[]): Promise<void> {
  must(await key.request('POST', '/api/v1/ingest/lachan', Buffer.from(lines.join('\n')), { 'content-type': 'application/x-ndjson' }), 202);
}

export async function addAlerts(w: World): Promise<AlertsPart> {
  const { t, callers: c, marker } = w;
  const partners = [await t.keyFor('bank-sgb', 'connector'), await t.keyFor('health-taybac', 'connector')];
  for (const net of ['198.18.48', '198.18.49']) {
    await ingest(c.ownKey, [alertLine(`${net}.11`, `Khai thác VPN ${marker}`), alertLine(`${net}.11`, `Khai thác VPN lần hai ${marker}`)]);
    for (const [i, k] of partners.entries()) await ingest(k, [1, 2].map(() => alertLine(`${net}.${12 + i}`, 'Khai thác VPN')));
  }
  await ingest(c.ownKey, [`{"title": "bản ghi hỏng ${marker}"`]);
  for (let i = 0; i < 3; i++) {
    await t.platform.relay.flush();
    await t.platform.workers.campaigns.idle();
  }
  const alerts = must<{ items: { id: string; title: string }[] }>(await c.ownAnalyst.get('/api/v1/alerts?limit=200'), 200).items;
  const quarantine = must<{ items: { id: string; raw: string }[] }>(await c.ownAnalyst.get('/api/v1/quarantine?limit=200'), 200).items;
  const campaigns = must<{ items: { id: string }[] }>(await c.ownAnalyst.get('/api/v1/campaigns'), 200).items;
  if (campaigns.length !== 2) throw new Error(`expected the own organisation in two campaigns, got ${campaigns.length}`);
  const own = w.org.own;
  const source = must(await c.ownAdmin.post('/api/v1/alert-sources', { orgId: own, name: `Tường lửa ${marker}`, address: '192.0.2.48' }), 201);
  const rule = must(await c.ownAdmin.post('/api/v1/promotion-rules', {
    orgId: own, name: `Quy tắc ${marker}`,
    conditions: { rsitClasses: ['vulnerable'], count: { threshold: 1000, windowMinutes: 10, groupBy: 'srcIp' } },
  }), 201);
  const link = must(await t.admin.post('/api/v1/org-links', { fromOrgId: w.org.rtBank, toOrgId: own, type: 'manual' }), 201);

  const freshUnit = async (kind = 'agency') =>
    must(await t.admin.post('/api/v1/orgs', { name: `Đơn vị ma trận ${w.unique()}`, kind, parentId: own, provinceCode: '48' }), 201).id!;
  const assetValue = `may-${w.unique()}.danang.example.vn`;
  const asset = (value: string) => c.ownAdmin.post(`/api/v1/orgs/${own}/assets`, { kind: 'domain', value, description: marker });
  const freshAsset = async () => must(await asset(`may-${w.unique()}.danang.example.vn`), 201).id!;
  const part: AlertsPart = {
    alertId: alerts.find((a) => a.title.includes(marker))!.id,
    quarantineId: quarantine.find((q) => q.raw.includes(marker))!.id,
    sourceId: source.id!, ruleId: rule.id!, linkId: link.id!, assetId: must(await asset(assetValue), 201).id!, assetValue,
    campaignId: campaigns[0]!.id, campaignBId: campaigns[1]!.id,
    freshAsset, freshUnit,
    freshLink: async () => must(await t.admin.post('/api/v1/org-links', { fromOrgId: await freshUnit(), toOrgId: own, type: 'manual' }), 201).id!,
  };
  w.secrets.push(part.alertId, part.sourceId, part.assetId, part.ruleId, part.linkId, part.campaignId, part.campaignBId);
  return part;
}
