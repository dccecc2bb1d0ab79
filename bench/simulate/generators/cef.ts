import type { Rng } from '../rng.ts';
import type { GenContext, OrgAssets } from '../types.ts';
import { ATTACK_URLS, attacker, bsdTime, cefDate, cefHeader, cefValue, ephemeralPort, eventTime, firewallIp, GUESSED_USERS, victimIp, webServerIp } from './common.ts';

/**
 * ArcSight CEF lines (formats.md §4) from firewalls, IPS and WAFs: FortiGate, PAN-OS, Check Point,
 * F5 ASM, Imperva and Trend Micro Deep Security. Numeric severities 0–10 and the words
 * (`Low` … `Very-High`, sometimes lower case); extension keys src/spt/dst/dpt/proto/act/rt/cs1…cs6 with
 * labels; values escaped (`\=`, `\\`). A third of the lines arrive behind an RFC 3164 syslog header.
 */

interface Line {
  vendor: string;
  product: string;
  version: string;
  classId: string;
  name: string;
  severity: string;
  ext: [string, string | number][];
}

type Device = (rng: Rng, victim: OrgAssets, ts: number, seq: number) => Line;

function endpoints(rng: Rng, victim: OrgAssets, web: boolean): { src: string; spt: number; dst: string } {
  return { src: attacker(rng), spt: ephemeralPort(rng), dst: web ? webServerIp(victim) : victimIp(rng, victim) };
}

const FORTI_IPS = [
  ['Apache.Log4j.Error.Log.Remote.Code.Execution', 'critical', 443],
  ['MS.SMB.Server.SMB1.Trans2.Secondary.Handling.Code.Execution', 'critical', 445],
  ['SSH.Brute.Force.Login', 'medium', 22],
  ['Port.Scan.TCP.SYN', 'low', 80],
  ['HTTP.URI.SQL.Injection', 'high', 443],
  ['Fortinet.FortiOS.SSL.VPN.Heap.Buffer.Overflow', 'critical', 10443],
] as const;
const FORTI_SEVERITY: Record<string, string> = { critical: '10', high: '8', medium: '5', low: '3' };

const fortigate: Device = (rng, victim, ts, seq) => {
  const [attack, level, port] = rng.pick(FORTI_IPS);
  const e = endpoints(rng, victim, port === 443 || port === 10443);
  const act = rng.chance(0.7) ? 'dropped' : 'detected';
  return {
    vendor: 'Fortinet', product: 'Fortigate', version: 'v7.2.8', classId: '0419016384', name: 'utm:ips signature', severity: FORTI_SEVERITY[level]!,
    ext: [['rt', ts], ['deviceExternalId', `FG200F${(victim.index * 7919 % 9_000_000) + 1_000_000}`], ['dvchost', `fgt-${victim.slug}`], ['dvc', firewallIp(victim)], ['ad.vd', 'root'], ['externalId', `${7_100_000 + seq}`],
      ['cat', 'utm:ips'], ['deviceInboundInterface', 'wan1'], ['deviceOutboundInterface', 'internal'], ['src', e.src], ['spt', e.spt], ['dst', e.dst], ['dpt', port], ['proto', 6], ['act', act],
      ['cs1Label', 'attack'], ['cs1', attack], ['cs2Label', 'attackid'], ['cs2', rng.int(10000, 55000)], ['cs3Label', 'severity'], ['cs3', level], ['msg', `${attack}, ${act}`]],
  };
};

const PAN_THREATS = [
  ['vulnerability', 'Microsoft Windows SMB Remote Code Execution Vulnerability(33410)', 'code-execution', 445, '5'],
  ['vulnerability', 'Apache Log4j Remote Code Execution Vulnerability(91991)', 'code-execution', 443, '5'],
  ['spyware', 'Cobalt Strike.Gen Command and Control Traffic(86445)', 'command-and-control', 443, '4'],
  ['vulnerability', 'SSH2 Login Attempt(40015)', 'brute-force', 22, '3'],
  ['scan', 'TCP Port Scan(8001)', 'info-leak', 0, '2'],
] as const;

const paloalto: Device = (rng, victim, ts, seq) => {
  const [subtype, threat, category, port, sev] = rng.pick(PAN_THREATS);
  const outbound = subtype === 'spyware';
  const e = endpoints(rng, victim, port === 443 && !outbound);
  const [src, dst] = outbound ? [e.dst, e.src] : [e.src, e.dst];
  return {
    vendor: 'Palo Alto Networks', product: 'PAN-OS', version: '10.2.9', classId: subtype, name: 'THREAT', severity: sev,
    ext: [['rt', cefDate(ts)], ['deviceExternalId', `0${rng.digits(11)}`], ['dvchost', `pa-${victim.slug}-01`], ['dvc', firewallIp(victim)], ['src', src], ['dst', dst], ['sourceTranslatedAddress', outbound ? `${victim.net}.1` : src],
      ['cs1Label', 'Rule'], ['cs1', outbound ? 'allow-outbound-web' : 'inbound-dmz'], ['suser', ''], ['duser', ''], ['app', outbound ? 'ssl' : port === 22 ? 'ssh' : 'web-browsing'],
      ['cs3Label', 'Virtual System'], ['cs3', 'vsys1'], ['cs4Label', 'Source Zone'], ['cs4', outbound ? 'trust' : 'untrust'], ['cs5Label', 'Destination Zone'], ['cs5', outbound ? 'untrust' : 'dmz'],
      ['cn1Label', 'SessionID'], ['cn1', rng.int(10000, 999999)], ['cnt', 1], ['spt', e.spt], ['dpt', port === 0 ? rng.int(1, 1024) : port], ['proto', 'tcp'],
      ['act', rng.pick(['reset-both', 'drop', 'alert'])], ['request', ''], ['cat', threat], ['externalId', `${7_300_000_000 + seq}`], ['flexString2Label', 'Threat Category'], ['flexString2', category]],
  };
};

const CP_ATTACKS = [
  ['SQL Servers MSSQL Brute Force Login Attempt', 'High', 1433],
  ['Web Servers Malicious HTTP Header Directory Traversal', 'Medium', 80],
  ['Apache Log4j Remote Code Execution (CVE-2021-44228)', 'Critical', 443],
  ['Scanner Enforcement Violation', 'Low', 0],
  ['Microsoft Exchange Server Remote Code Execution (CVE-2021-26855)', 'Critical', 443],
] as const;
const CP_SEVERITY: Record<string, string> = { Low: 'Low', Medium: 'Medium', High: 'High', Critical: 'Very-High' };

const checkpoint: Device = (rng, victim, ts, seq) => {
  const [attack, level, port] = rng.pick(CP_ATTACKS);
  const e = endpoints(rng, victim, port === 443 || port === 80);
  const sev = rng.chance(0.15) ? CP_SEVERITY[level]!.toLowerCase() : CP_SEVERITY[level]!;
  return {
    vendor: 'Check Point', product: 'SmartDefense', version: 'Check Point', classId: 'Log', name: attack, severity: sev,
    ext: [['act', rng.chance(0.8) ? 'Prevent' : 'Detect'], ['cs1Label', 'Protection Name'], ['cs1', attack], ['cs2Label', 'Protection Type'], ['cs2', 'IPS'], ['cs3Label', 'Confidence Level'], ['cs3', rng.pick(['Medium', 'High'])],
      ['deviceDirection', 0], ['rt', ts], ['spt', e.spt], ['dpt', port === 0 ? rng.int(1, 65535) : port], ['src', e.src], ['dst', e.dst], ['proto', 6], ['dvchost', `cp-gw-${victim.slug}`], ['dvc', firewallIp(victim)],
      ['externalId', `{0x${rng.hex(8)},0x0,0x${(seq & 0xffffff).toString(16)},0x${rng.hex(8)}}`], ['cat', 'Attempted Administrator Privilege Gain']],
  };
};

const F5_ATTACKS = [
  ['Cross Site Scripting (XSS)', '200001475', 5],
  ['SQL-Injection', '200002147', 8],
  ['Path Traversal', '200007008', 6],
  ['Remote File Include', '200010010', 7],
  ['Server Side Code Injection', '200103229', 9],
] as const;

const f5: Device = (rng, victim, ts, seq) => {
  const [attackType, sigId, sev] = rng.pick(F5_ATTACKS);
  const e = endpoints(rng, victim, true);
  const url = rng.pick(ATTACK_URLS);
  const blocked = rng.chance(0.75);
  return {
    vendor: 'F5', product: 'ASM', version: '16.1.3', classId: 'Attack Signature Detected', name: attackType, severity: String(sev),
    ext: [['dvchost', `bigip-${victim.slug}`], ['dvc', firewallIp(victim)], ['cs1', `/Common/${victim.slug}_waf`], ['cs1Label', 'policy_name'], ['cs2', `/Common/${victim.slug}_www`], ['cs2Label', 'http_class_name'],
      ['act', blocked ? 'blocked' : 'alerted'], ['cn1', blocked ? 403 : 200], ['cn1Label', 'response_code'], ['src', e.src], ['spt', e.spt], ['dst', e.dst], ['dpt', 443], ['requestMethod', 'GET'], ['app', 'HTTPS'],
      ['cs4', attackType], ['cs4Label', 'attack_type'], ['cs5', sigId], ['cs5Label', 'sig_ids'], ['rt', ts], ['externalId', `${rng.digits(18)}`], ['request', url], ['dhost', victim.hosts[0]], ['eventId', `${9_000_000 + seq}`]],
  };
};

const imperva: Device = (rng, victim, ts) => {
  const [name, sev] = rng.pick([['SQL Injection', 'High'], ['Illegal HTTP Version', 'Low'], ['Web Worm Protection Policy', 'Medium'], ['Distributed Too Many Login Failures', 'very-high']] as const);
  const e = endpoints(rng, victim, true);
  return {
    vendor: 'Imperva Inc.', product: 'SecureSphere', version: '14.7.0', classId: name, name, severity: sev,
    ext: [['act', rng.pick(['Block', 'None'])], ['dst', e.dst], ['dpt', 443], ['duser', rng.pick(['', ...GUESSED_USERS])], ['src', e.src], ['spt', e.spt], ['proto', 'TCP'], ['rt', ts], ['cat', 'Alert'],
      ['cs1', `Web Policy - ${victim.slug}`], ['cs1Label', 'Policy'], ['cs2', 'Default Web Gateway'], ['cs2Label', 'ServerGroup'], ['cs3', victim.hosts[0]], ['cs3Label', 'ServiceName'], ['dhost', victim.hosts[0]], ['request', rng.pick(ATTACK_URLS)]],
  };
};

const TM_RULES = [
  ['1008225', 'Identified Suspicious Command Injection Attack', 8],
  ['1000128', 'HTTP Protocol Decoding', 3],
  ['1011242', 'Apache Log4j Remote Code Execution Vulnerability (CVE-2021-44228)', 10],
  ['1009215', 'Identified Possible Ransomware File Rename Activity Over Network Share', 9],
] as const;

const trend: Device = (rng, victim, ts) => {
  const [id, rule, sev] = rng.pick(TM_RULES);
  const e = endpoints(rng, victim, id !== '1009215');
  return {
    vendor: 'Trend Micro', product: 'Deep Security Agent', version: '20.0.0.8438', classId: id, name: `${id} - ${rule}`, severity: String(sev),
    ext: [['cn1', rng.int(1, 400)], ['cn1Label', 'Host ID'], ['dvchost', victim.hosts[0]], ['TrendMicroDsTenant', 'Primary'], ['TrendMicroDsTenantId', 0], ['act', rng.pick(['Reset', 'Log'])], ['dmac', '00:50:56:8A:1F:2C'],
      ['smac', '00:1B:17:00:01:18'], ['TrendMicroDsFrameType', 'IP'], ['src', e.src], ['dst', e.dst], ['out', rng.int(60, 1500)], ['cs3', 'DF 0'], ['cs3Label', 'Fragmentation Bits'], ['proto', 'TCP'],
      ['spt', e.spt], ['dpt', id === '1009215' ? 445 : 443], ['cs2', '0x0000'], ['cs2Label', 'Flow'], ['cnt', rng.int(1, 5)], ['rt', ts]],
  };
};

const DEVICES: readonly (readonly [Device, number])[] = [[fortigate, 6], [paloalto, 5], [checkpoint, 4], [f5, 4], [imperva, 2], [trend, 3]];

export function cefLine(ctx: GenContext): string {
  const { rng, victim } = ctx;
  const ts = eventTime(ctx);
  const l = rng.weighted(DEVICES)(rng, victim, ts, ctx.seq);
  const ext = l.ext.map(([k, v]) => `${k}=${cefValue(String(v))}`).join(' ');
  const line = `CEF:0|${[l.vendor, l.product, l.version, l.classId, l.name, l.severity].map(cefHeader).join('|')}|${ext}`;
  if (!rng.chance(0.35)) return line;
  const pri = rng.pick([132, 134, 113, 116]);
  return `<${pri}>${bsdTime(ts)} ${rng.chance(0.5) ? firewallIp(victim) : `fw-${victim.slug}`} ${line}`;
}
