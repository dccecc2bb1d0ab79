import type { LachanAlertInput } from '@lachan/contracts';
import type { Rng } from './rng.ts';
import type { OrgAssets } from './types.ts';
import { isoTime, webServerIp } from './generators/common.ts';

/**
 * Labelled attack campaigns and sector surges to mix into the background traffic, so detection can be
 * measured. Campaign infrastructure comes from 198.18.0.0/15 (the benchmarking range, never routed
 * and never used by the background attackers): each campaign has its own /24 and a C2 domain.
 */
export interface InjectedCampaign {
  label: string;
  orgIds: string[];
  network: string;
  techniques: string[];
  /** Lachan-format records, each with the victim organisation that must send it. */
  records: { orgId: string; record: string }[];
}

const PLAYBOOKS = [
  { title: 'Exploitation of edge VPN appliance', attack: ['T1190', 'T1133'], rsit: ['intrusion-attempts', 'exploit'] },
  { title: 'Spear-phishing with malicious attachment', attack: ['T1566.001', 'T1204.002'], rsit: ['fraud', 'phishing'] },
  { title: 'Beaconing to command-and-control server', attack: ['T1071.001', 'T1573'], rsit: ['malicious-code', 'infected-system'] },
] as const;

/** One campaign: `size` organisations picked across sectors, 2–4 alerts each within `windowMs` of `now`. */
export function injectCampaign(rng: Rng, n: number, orgs: readonly OrgAssets[], size: number, now: number, windowMs: number): InjectedCampaign {
  const pool = [...orgs];
  const victims: OrgAssets[] = [];
  while (victims.length < size && pool.length) victims.push(pool.splice(rng.int(0, pool.length - 1), 1)[0]!);
  const play = PLAYBOOKS[n % PLAYBOOKS.length]!;
  const net = `198.18.${(n * 7) % 250}`;
  const records = victims.flatMap((v) => Array.from({ length: rng.int(2, 4) }, (_, i) => {
    const alert: LachanAlertInput = {
      time: isoTime(now - rng.int(0, windowMs), { offsetMinutes: 0, fraction: 3, colon: true, zulu: true }),
      sourceRef: `campaign-${n}-${v.slug}-${i}`, title: play.title, severity: 'high', rule: { id: `CAMP-${n}`, name: play.title },
      rsit: { class: play.rsit[0], type: play.rsit[1] }, attack: [...play.attack],
      src: { ip: `${net}.${rng.int(2, 250)}` }, dst: { ip: webServerIp(v), port: 443 },
      observables: [{ type: 'ipv4', value: `${net}.${rng.int(2, 250)}`, role: 'src' }, { type: 'domain', value: `c${n}.campaign.example.net`, role: 'related' }],
      tags: ['lachan-sim', 'campaign'],
    };
    return { orgId: v.orgId, record: JSON.stringify(alert) };
  }));
  return { label: `campaign-${n}`, orgIds: victims.map((v) => v.orgId), network: `${net}.0/24`, techniques: [...play.attack], records };
}

/** A sector surge: `count` alerts of one class spread over the organisations of a sector in a short time. */
export function injectSurge(rng: Rng, sectorOrgs: readonly OrgAssets[], count: number, now: number): { orgId: string; record: string }[] {
  return Array.from({ length: count }, (_, i) => {
    const v = rng.pick(sectorOrgs);
    const alert: LachanAlertInput = { time: isoTime(now - rng.int(0, 600_000), { offsetMinutes: 0, fraction: 3, colon: true, zulu: true }), sourceRef: `surge-${v.slug}-${i}`, title: 'Ransomware encryption activity', severity: 'critical',
      rsit: { class: 'malicious-code', type: 'ransomware' }, attack: ['T1486'], dst: { ip: webServerIp(v) }, tags: ['lachan-sim', 'surge'] };
    return { orgId: v.orgId, record: JSON.stringify(alert) };
  });
}
