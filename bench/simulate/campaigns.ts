import type { LachanAlertInput } from '@lachan/contracts';
import type { Rng } from './rng.ts';
import type { OrgAssets } from './types.ts';
import { isoTime, webServerIp } from './generators/common.ts';

/**
 * Labelled attack campaigns and sector surges to mix into the background traffic, so detection can be
 * measured. Campaign infrastructure comes from 198.18.0.0/15 (the benchmarking range, never routed
 * and never used by the background attackers): each campaign has its own /24 and a C2 domain, and
 * strikes organisations of one sector or one province (alternately), as real campaigns do.
 */

/** One record to send, by the victim organisation, at `at` (epoch ms; also its event time). */
export interface InjectedRecord { orgId: string; record: string; at: number }

export interface InjectedCampaign {
  label: string;
  /** What the victims have in common: `sector:BANKING`, `province:48`, or `mixed` when no group was large enough. */
  group: string;
  orgIds: string[];
  network: string;
  domain: string;
  techniques: string[];
  records: InjectedRecord[];
}

export interface InjectedSurge { label: string; sector: string; orgIds: string[]; records: InjectedRecord[] }

/** Everything injected into one run. */
export interface Injection { campaigns: InjectedCampaign[]; surge: InjectedSurge | null }

const PLAYBOOKS = [
  { title: 'Exploitation of edge VPN appliance', attack: ['T1190', 'T1133'], rsit: ['intrusion-attempts', 'exploit'] },
  { title: 'Spear-phishing with malicious attachment', attack: ['T1566.001', 'T1204.002'], rsit: ['fraud', 'phishing'] },
  { title: 'Beaconing to command-and-control server', attack: ['T1071.001', 'T1573'], rsit: ['malicious-code', 'infected-system'] },
] as const;

const time = (ms: number): string => isoTime(ms, { offsetMinutes: 0, fraction: 3, colon: true, zulu: true });

/** Organisations grouped by `sector:X` and `province:NN` (only groups of at least `min`). */
function groups(orgs: readonly OrgAssets[], min: number): { sector: [string, OrgAssets[]][]; province: [string, OrgAssets[]][] } {
  const by = new Map<string, OrgAssets[]>();
  for (const o of orgs) {
    for (const s of o.sectors ?? []) (by.get(`sector:${s}`) ?? by.set(`sector:${s}`, []).get(`sector:${s}`)!).push(o);
    if (o.provinceCode) (by.get(`province:${o.provinceCode}`) ?? by.set(`province:${o.provinceCode}`, []).get(`province:${o.provinceCode}`)!).push(o);
  }
  const big = [...by].filter(([, v]) => v.length >= min).sort(([a], [b]) => (a < b ? -1 : 1));
  return { sector: big.filter(([k]) => k.startsWith('sector:')), province: big.filter(([k]) => k.startsWith('province:')) };
}

/**
 * Campaign `n`: `size` victims of one sector (even n) or province (odd n), else of the whole pool;
 * 2–4 alerts each between `start` and `start + spanMs`. `tag` keeps source references apart between runs.
 */
export function injectCampaign(rng: Rng, n: number, orgs: readonly OrgAssets[], size: number, start: number, spanMs: number, tag = ''): InjectedCampaign {
  const g = groups(orgs, size);
  const choices = n % 2 === 0 ? (g.sector.length ? g.sector : g.province) : (g.province.length ? g.province : g.sector);
  const [group, pool] = choices.length ? rng.pick(choices) : ['mixed', orgs];
  const left = [...pool];
  const victims: OrgAssets[] = [];
  while (victims.length < size && left.length) victims.push(left.splice(rng.int(0, left.length - 1), 1)[0]!);
  const play = PLAYBOOKS[n % PLAYBOOKS.length]!;
  const net = `198.18.${(n * 7) % 250}`;
  const domain = `c${n}.campaign.example.net`;
  const records = victims.flatMap((v) => Array.from({ length: rng.int(2, 4) }, (_, i) => {
    const at = start + rng.int(0, spanMs);
    const alert: LachanAlertInput = {
      time: time(at), sourceRef: `campaign${tag}-${n}-${v.slug}-${i}`, title: play.title, severity: 'high', rule: { id: `CAMP-${n}`, name: play.title },
      rsit: { class: play.rsit[0], type: play.rsit[1] }, attack: [...play.attack],
      src: { ip: `${net}.${rng.int(2, 250)}` }, dst: { ip: webServerIp(v), port: 443 },
      observables: [{ type: 'ipv4', value: `${net}.${rng.int(2, 250)}`, role: 'src' }, { type: 'domain', value: domain, role: 'related' }],
      tags: ['lachan-sim', 'campaign', `campaign-${n}`],
    };
    return { orgId: v.orgId, record: JSON.stringify(alert), at };
  }));
  return { label: `campaign-${n}`, group, orgIds: victims.map((v) => v.orgId), network: `${net}.0/24`, domain, techniques: [...play.attack], records };
}

/** A sector surge: `count` ransomware alerts spread over the sector's organisations between `start` and `start + spanMs`. */
export function injectSurge(rng: Rng, sector: string, orgs: readonly OrgAssets[], count: number, start: number, spanMs: number, tag = ''): InjectedSurge {
  const victims = orgs.filter((o) => o.sectors?.includes(sector));
  if (!victims.length) throw new Error(`no organisation of sector ${sector} to surge (sectors: ${[...new Set(orgs.flatMap((o) => o.sectors ?? []))].sort().join(', ')})`);
  const records = Array.from({ length: count }, (_, i) => {
    const v = rng.pick(victims);
    const at = start + rng.int(0, spanMs);
    const alert: LachanAlertInput = { time: time(at), sourceRef: `surge${tag}-${v.slug}-${i}`, title: 'Ransomware encryption activity', severity: 'critical',
      rsit: { class: 'malicious-code', type: 'ransomware' }, attack: ['T1486'], dst: { ip: webServerIp(v) }, tags: ['lachan-sim', 'surge'] };
    return { orgId: v.orgId, record: JSON.stringify(alert), at };
  });
  return { label: `surge-${sector}`, sector, orgIds: [...new Set(records.map((r) => r.orgId))], records };
}

/** What a run injects: `campaigns` campaigns of 3–6 victims and, if asked, a surge of `surgeAlerts` in one sector. */
export function planInjection(rng: Rng, orgs: readonly OrgAssets[], o: { campaigns: number; surge?: string | undefined; surgeAlerts?: number; start: number; spanMs: number; tag?: string }): Injection {
  const campaigns = Array.from({ length: o.campaigns }, (_, n) => injectCampaign(rng, n, orgs, rng.int(3, 6), o.start, o.spanMs, o.tag));
  const surge = o.surge ? injectSurge(rng, o.surge, orgs, o.surgeAlerts ?? 300, o.start + o.spanMs / 3, o.spanMs / 3, o.tag) : null;
  return { campaigns, surge };
}
