import type { LachanAlertInput } from '@lachan/contracts';
import { Rng } from '../simulate/rng.ts';
import type { SentRecord } from './replay.ts';
import type { TrueCampaign } from './score.ts';

/**
 * A labelled national data set harder than the simulator's injection: 21 days of background (each
 * organisation's own detections, brute force and scanning from the internet, shared cloud /24s with
 * unrelated tenants), internet-wide scanners hitting 25-90% of organisations, SOC providers sending
 * for their clients (with their own collector in every alert), and true campaigns of several kinds:
 * rotating infrastructure across /24s, a wave over most of one sector, 10-day slow campaigns, campaigns
 * linked only by a file hash or only by a phishing sender domain, TLS-fingerprint and IPv6 campaigns.
 */
export interface Org { id: string; sectors: string[]; provinceCode: string; kind: string; socId: string | null }
export interface DataSet { orgs: Org[]; records: SentRecord[]; truth: TrueCampaign[]; scanners: Set<string>[] }

const SECTORS = ['BANKING', 'ENERGY', 'HEALTH', 'TELECOM', 'EGOV', 'TRANSPORT', 'EDUCATION', 'FINANCE'];
const KINDS = ['ci_operator', 'agency', 'ci_operator', 'ministry'];
const DAY = 86_400_000;
const SPAN_DAYS = 21;
const BG_SIGNATURES = [
  ['ET POLICY Outdated Windows client', 'policy-violation'], ['Wazuh: Multiple authentication failures', 'intrusion-attempts'], ['ET EXPLOIT Apache Log4j RCE attempt CVE-2021-44228', 'intrusion-attempts'],
  ['ET WEB_SERVER SQL injection attempt', 'intrusion-attempts'], ['ET POLICY Suspicious user agent', 'other'], ['Suspicious PowerShell command line', 'malicious-code'],
  ['ET WEB_SERVER Possible XSS attempt', 'intrusion-attempts'], ['ET INFO Tor exit node traffic', 'other'], ['Defender: Trojan:Win32/Wacatac detected', 'malicious-code'],
  ['ET EXPLOIT Fortinet SSL VPN path traversal CVE-2018-13379', 'intrusion-attempts'],
] as const;
const SCAN_SIGNATURES = ['ET SCAN Nmap SYN scan', 'ET SCAN Masscan port sweep', 'ET SCAN Zmap scanner', 'SSH brute force attempt', 'RDP brute force attempt'];

/** A public-looking address in a /24 of its own range (never a reserved one, which would be warninglisted). */
const ip = (a: number, b: number, c: number, d: number) => `${a}.${b}.${c}.${d}`;

export function generate(seed: number, size: number): DataSet {
  const rng = new Rng(seed * 7919 + size);
  const start = Date.UTC(2026, 10, 1);
  const orgs: Org[] = Array.from({ length: size }, (_, i) => ({
    id: `org-${String(i).padStart(4, '0')}`, sectors: [SECTORS[Math.min(SECTORS.length - 1, Math.floor(rng.next() ** 1.4 * SECTORS.length))]!],
    provinceCode: String(10 + rng.int(0, 11)), kind: rng.pick(KINDS), socId: null,
  }));
  // SOC providers: a tenth of organisations have their alerts sent by one of three providers.
  const socs = ['soc-a', 'soc-b', 'soc-c'];
  for (const o of orgs) if (rng.chance(0.15)) o.socId = rng.pick(socs);
  const records: SentRecord[] = [];
  let seq = 0;
  const send = (o: Org, at: number, a: Omit<LachanAlertInput, 'time' | 'sourceRef'>) => {
    const tags = [...(a.tags ?? [])];
    const observables = [...(a.observables ?? [])];
    if (o.socId) observables.push({ type: 'hostname', value: `collector.${o.socId}.example-soc.vn` });
    const alert: LachanAlertInput = { ...a, observables, tags, time: new Date(at).toISOString(), sourceRef: `b${seed}-${seq++}` };
    records.push({ orgId: o.id, reporterOrgId: o.socId ?? o.id, format: 'lachan', raw: JSON.stringify(alert), receivedAt: at + rng.int(1_000, 600_000) });
  };
  const when = (from = 0, days = SPAN_DAYS) => start + from * DAY + rng.int(0, days * DAY);
  const host = (o: Org, n = rng.int(1, 40)) => ip(100, 64 + (Number(o.id.slice(4)) % 60), Math.floor(Number(o.id.slice(4)) / 60), n);

  // Background: each organisation's own detections (their own hashes and hosts), and unrelated attackers.
  for (const o of orgs) {
    for (let i = 0; i < 90; i++) {
      const [title, rsit] = rng.pick(BG_SIGNATURES);
      const kind = rng.int(0, 3);
      const base = { title, severity: rng.pick(['low', 'medium', 'high'] as const), rsit: { class: rsit }, attack: [rng.pick(['T1190', 'T1059.001', 'T1078', 'T1204.002'])], dst: { ip: host(o) } };
      if (kind === 0) send(o, when(), { ...base, observables: [{ type: 'sha256', value: rng.hex(64) }] });
      else if (kind === 1) send(o, when(), { ...base, src: { ip: ip(rng.int(20, 220), rng.int(0, 255), rng.int(0, 255), rng.int(1, 254)) } });
      else if (kind === 2) send(o, when(), { ...base, title: 'SSH brute force attempt', rsit: { class: 'intrusion-attempts' }, attack: ['T1110'], severity: 'low', src: { ip: ip(rng.int(20, 220), rng.int(0, 255), rng.int(0, 255), rng.int(1, 254)) } });
      else send(o, when(), { ...base, observables: [{ type: 'domain', value: `${rng.hex(6)}.cdn-${rng.int(1, 400)}.example.com` }] });
    }
  }
  // Shared cloud /24s: unrelated tenants at neighbouring addresses, each hitting one or two organisations.
  for (let c = 0; c < 6; c++) {
    for (let t = 0; t < 12; t++) {
      const [title, rsit] = BG_SIGNATURES[(c * 12 + t) % BG_SIGNATURES.length]!;
      const src = ip(34, 90 + c, 7, 10 + t);
      for (const o of rng.shuffle(orgs).slice(0, rng.int(1, 2))) {
        for (let i = 0; i < rng.int(1, 3); i++) send(o, when(), { title, severity: 'medium', rsit: { class: rsit }, attack: ['T1190'], src: { ip: src }, dst: { ip: host(o) } });
      }
    }
  }
  // Internet-wide scanners: 25-90% of organisations each, several hosts each, evenly over the span; some share a /24.
  const scanners: Set<string>[] = [];
  for (let s = 0; s < 10; s++) {
    const share = 0.25 + rng.next() * 0.65;
    const victims = rng.shuffle(orgs).slice(0, Math.round(share * orgs.length));
    scanners.push(new Set(victims.map((v) => v.id)));
    const src = s < 5 ? ip(185, 220, 101, 10 + s) : s < 8 ? ip(45, 155, 205, 30 + s) : ip(71, 6, rng.int(0, 255), rng.int(1, 254));
    const title = SCAN_SIGNATURES[s % SCAN_SIGNATURES.length]!;
    for (const v of victims) {
      for (let i = 0; i < rng.int(2, 6); i++) send(v, when(), { title, severity: rng.chance(0.7) ? 'low' : 'medium', rsit: { class: title.includes('brute') ? 'intrusion-attempts' : 'information-gathering' },
        attack: [title.includes('brute') ? 'T1110' : 'T1595.001'], src: { ip: src }, dst: { ip: host(v) } });
    }
  }

  // True campaigns.
  const truth: TrueCampaign[] = [];
  const bySector = (s: string) => orgs.filter((o) => o.sectors.includes(s));
  const victimsOf = (n: number, pool: Org[]) => rng.shuffle(pool).slice(0, Math.min(n, pool.length));
  const campaigns = size >= 150 ? 16 : 9;
  for (let n = 0; n < campaigns; n++) {
    const type = n % 8;
    const label = `campaign-${n}-${['rotating', 'wave', 'slow', 'hash', 'phishing', 'tls', 'ipv6', 'province'][type]}`;
    const sector = SECTORS[(n * 3) % SECTORS.length]!;
    let victims: Org[];
    if (type === 1) { const pool = bySector(sector); victims = victimsOf(Math.max(4, Math.round(pool.length * (0.7 + rng.next() * 0.25))), pool); }
    else if (type === 7) { const p = orgs[rng.int(0, orgs.length - 1)]!.provinceCode; victims = victimsOf(rng.int(3, 6), orgs.filter((o) => o.provinceCode === p)); }
    else victims = victimsOf(rng.int(3, 7), rng.chance(0.6) ? bySector(sector) : orgs);
    if (victims.length < 2) continue;
    truth.push({ label, orgIds: victims.map((v) => v.id) });
    const from = rng.int(0, SPAN_DAYS - 11);
    const days = type === 2 ? 10 : type === 1 ? 3 : rng.int(2, 6);
    const sig = `LACHAN-CAMP-${seed}-${n}`;
    const nets = Array.from({ length: 4 }, () => [rng.int(40, 200), rng.int(0, 255), rng.int(0, 255)] as const);
    const domain = `${rng.hex(5)}-update.campaign-${seed}-${n}.net`;
    victims.forEach((v, vi) => {
      const count = type === 1 ? rng.int(1, 3) : rng.int(2, 5);
      for (let i = 0; i < count; i++) {
        const at = when(from, days);
        const base = { severity: rng.pick(['high', 'critical'] as const), dst: { ip: host(v) } };
        if (type === 0) {
          // Rotating across four /24s; half the alerts also name the C2 domain.
          const net = nets[(vi + i) % nets.length]!;
          send(v, at, { ...base, title: 'Beaconing to command-and-control server', rule: { id: sig }, rsit: { class: 'malicious-code' }, attack: ['T1071.001', 'T1573'], src: { ip: ip(net[0], net[1], net[2], rng.int(2, 250)) },
            observables: rng.chance(0.5) ? [{ type: 'domain', value: domain, role: 'related' }] : [] });
        } else if (type === 1) {
          const net = nets[rng.int(0, nets.length - 1)]!;
          send(v, at, { ...base, title: `ET EXPLOIT ${sector} core banking gateway RCE CVE-2026-${4000 + n}`, rule: { id: `${sig}-exploit` }, rsit: { class: 'intrusion-attempts' }, attack: ['T1190'], src: { ip: ip(net[0], net[1], net[2], rng.int(2, 250)) } });
        } else if (type === 2) {
          send(v, at, { ...base, title: 'Web shell upload attempt', rule: { id: sig }, rsit: { class: 'intrusion-attempts' }, attack: ['T1505.003'], src: { ip: ip(nets[0]![0], nets[0]![1], nets[0]![2], rng.int(2, 250)) },
            observables: [{ type: 'url', value: `http://${domain}/wp-content/uploads/${rng.hex(12)}/${'abcdefghijklmnopqrstuvwxyz'[n % 26]}-shell.php`, role: 'related' }] });
        } else if (type === 3) {
          send(v, at, { ...base, title: 'Malicious file detected on host', rsit: { class: 'malicious-code' }, attack: ['T1204.002'], observables: [{ type: 'sha256', value: `${'c0ffee'.padEnd(56, '0')}${String(seed).padStart(4, '0')}${String(n).padStart(4, '0')}` }], tags: [`file:invoice_${n}.docm`] });
        } else if (type === 4) {
          send(v, at, { ...base, severity: 'medium', title: 'Phishing e-mail delivered', rsit: { class: 'fraud', type: 'phishing' }, attack: ['T1566.001'],
            observables: [{ type: 'email', value: `${rng.hex(4)}@hr-notice-${seed}-${n}.com`, role: 'src' }], tags: [`subject:Thong bao luong thang ${rng.int(1, 12)}`] });
        } else if (type === 5) {
          send(v, at, { ...base, title: 'TLS session to suspicious server', rsit: { class: 'malicious-code' }, attack: ['T1573.002'], src: { ip: ip(rng.int(40, 200), rng.int(0, 255), rng.int(0, 255), rng.int(2, 250)) }, tags: [`ja3:${'a1b2c3'.padEnd(24, '0')}${String(n).padStart(4, '0')}${String(seed).padStart(4, '0')}`] });
        } else if (type === 6) {
          send(v, at, { ...base, title: 'Exploitation of edge VPN appliance', rule: { id: sig }, rsit: { class: 'intrusion-attempts' }, attack: ['T1190', 'T1133'], src: { ip: `2a0${seed % 10}:5${n % 10}0:${(n * 7) % 100}:1::${rng.int(2, 9999).toString(16)}` } });
        } else {
          send(v, at, { ...base, title: 'Exploitation of edge VPN appliance', rule: { id: sig }, rsit: { class: 'intrusion-attempts' }, attack: ['T1190', 'T1133'], src: { ip: ip(nets[1]![0], nets[1]![1], nets[1]![2], rng.int(2, 250)) },
            observables: [{ type: 'domain', value: domain, role: 'related' }] });
        }
      }
    });
  }
  records.sort((a, b) => a.receivedAt - b.receivedAt);
  return { orgs, records, truth, scanners };
}
