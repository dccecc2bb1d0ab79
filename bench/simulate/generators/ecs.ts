import type { GenContext, OrgAssets } from '../types.ts';
import type { Rng } from '../rng.ts';
import { attacker, dcIp, ephemeralPort, eventTime, hashes, isoTime, LOCAL_USERS, victimIp, webServerIp } from './common.ts';

/**
 * Elastic Common Schema alert documents (formats.md §3), `event.kind: alert`, as Elastic Agent
 * integrations write them: Zeek notices, Elastic Defend malware and credential-access alerts, Suricata
 * through Filebeat (event.severity = rule priority) and FortiGate IPS. Nested objects, `@timestamp` in
 * UTC, `threat.*` with MITRE ATT&CK, `observer`, `host`, `related`.
 */

const ECS_VERSION = '8.11.0';

function technique(id: string, name: string, tacticId: string, tacticName: string): Record<string, unknown> {
  return {
    framework: 'MITRE ATT&CK',
    tactic: { id: [tacticId], name: [tacticName], reference: [`https://attack.mitre.org/tactics/${tacticId}/`] },
    technique: { id: [id.split('.')[0]!], name: [name], reference: [`https://attack.mitre.org/techniques/${id.split('.')[0]!}/`], ...(id.includes('.') ? { subtechnique: { id: [id], name: [name] } } : {}) },
  };
}

type Template = (rng: Rng, victim: OrgAssets, reporter: OrgAssets) => Record<string, unknown>;

const zeekScan: Template = (rng, victim) => {
  const src = attacker(rng);
  const dst = victimIp(rng, victim);
  const ports = rng.int(15, 900);
  return {
    message: `${src} scanned at least ${ports} unique ports of host ${dst} in 0m${rng.int(1, 59)}s`,
    event: { category: ['intrusion_detection', 'network'], type: ['info', 'allowed'], dataset: 'zeek.notice', module: 'zeek', severity: 21 },
    rule: { name: 'Scan::Port_Scan', category: 'Scan' },
    zeek: { notice: { note: 'Scan::Port_Scan', sub: 'remote', dropped: false } },
    threat: technique('T1046', 'Network Service Discovery', 'TA0007', 'Discovery'),
    source: { ip: src, address: src },
    destination: { ip: dst, address: dst },
    network: { transport: 'tcp', direction: 'inbound' },
    observer: { vendor: 'Zeek', product: 'Zeek', type: 'ids', hostname: `nsm01.${victim.domain}` },
    host: { name: `nsm01.${victim.domain}` },
  };
};

// A detection rule keeps its id from alert to alert (Elastic Defend's rules are installed with fixed
// ids); a fresh id per alert would make every endpoint detection a signature of its own.
const MALWARE_RULE_ID = '9a1a2dd2-5d2e-4f0e-9c5b-1f6d0b8e4a11';
const LSASS_RULE_ID = '6c3f0b7e-2a4d-4b8f-8e1c-3d9a7f5b2c42';

const defendMalware: Template = (rng, victim) => {
  const h = hashes(rng);
  const user = rng.pick(LOCAL_USERS);
  const file = rng.pick([`C:\\Users\\${user}\\Downloads\\ThongBao_NopThue.exe`, `C:\\Users\\${user}\\AppData\\Local\\Temp\\svch0st.exe`, `C:\\ProgramData\\Microsoft\\update.dll`]);
  const ip = `${victim.net}.${rng.int(40, 250)}`;
  const hostname = `pc-${user}-${rng.int(1, 9)}.${victim.domain}`;
  return {
    message: 'Malware Detection Alert',
    event: { category: ['malware', 'intrusion_detection', 'file'], type: ['info', 'denied'], dataset: 'endpoint.alerts', module: 'endpoint', action: 'execution', risk_score: 99, severity: 99, outcome: 'success', code: 'malicious_file' },
    rule: { id: MALWARE_RULE_ID, name: 'Malware Detection Alert', ruleset: 'production', category: 'malware' },
    threat: technique('T1204.002', 'Malicious File', 'TA0002', 'Execution'),
    file: { path: file, name: file.split('\\').pop(), hash: { md5: h.md5, sha1: h.sha1, sha256: h.sha256 }, size: rng.int(20000, 4_000_000) },
    process: { name: file.split('\\').pop(), pid: rng.int(400, 12000), executable: file },
    user: { name: user, domain: 'CORP' },
    host: { name: hostname, hostname: hostname.split('.')[0], ip: [ip], os: { family: 'windows', name: 'Windows 10 Pro', version: '22H2' } },
    observer: { vendor: 'Elastic', product: 'Elastic Defend', type: 'endpoint' },
    related: { hash: [h.md5, h.sha1, h.sha256], user: [user], hosts: [hostname] },
  };
};

const lsass: Template = (rng, victim) => {
  const user = rng.pick(['Administrator', ...LOCAL_USERS]);
  return {
    message: 'Potential Credential Access via LSASS Memory Dump',
    event: { category: ['process', 'intrusion_detection'], type: ['start', 'info'], dataset: 'endpoint.alerts', module: 'endpoint', action: 'rule_detection', risk_score: 73, outcome: 'success' },
    rule: { id: LSASS_RULE_ID, name: 'Potential Credential Access via LSASS Memory Dump', ruleset: 'production', category: 'credential_access' },
    threat: technique('T1003.001', 'LSASS Memory', 'TA0006', 'Credential Access'),
    process: { name: 'rundll32.exe', pid: rng.int(400, 12000), command_line: `rundll32.exe C:\\Windows\\System32\\comsvcs.dll, MiniDump ${rng.int(500, 900)} C:\\Windows\\Temp\\ls.dmp full`, parent: { name: 'cmd.exe' } },
    user: { name: user, domain: 'CORP' },
    host: { name: victim.hosts[1], hostname: victim.hosts[1], ip: [dcIp(victim)], os: { family: 'windows', name: 'Windows Server 2019 Standard' } },
    observer: { vendor: 'Elastic', product: 'Elastic Defend', type: 'endpoint' },
    related: { user: [user], hosts: [victim.hosts[1]] },
  };
};

const SURICATA_RULES = [
  ['2024897', 'ET USER_AGENTS Go HTTP Client User-Agent', 'A Network Trojan was detected', 3],
  ['2001219', 'ET SCAN Potential SSH Scan', 'Attempted Information Leak', 2],
  ['2006446', 'ET WEB_SERVER Possible SQL Injection Attempt UNION SELECT', 'Web Application Attack', 1],
  ['2022973', 'ET POLICY Possible Kali Linux hostname in DHCP Request Packet', 'Potential Corporate Privacy Violation', 1],
] as const;

const suricata: Template = (rng, victim) => {
  const [sid, name, category, priority] = rng.pick(SURICATA_RULES);
  const src = attacker(rng);
  const dst = sid === '2006446' ? webServerIp(victim) : victimIp(rng, victim);
  const port = sid === '2001219' ? 22 : rng.pick([80, 443, 8080]);
  return {
    message: category,
    event: { category: ['network', 'intrusion_detection'], type: ['allowed'], dataset: 'suricata.eve', module: 'suricata', severity: priority },
    rule: { id: sid, name, category },
    suricata: { eve: { event_type: 'alert', alert: { signature_id: Number(sid), gid: 1, rev: rng.int(2, 12) } } },
    source: { ip: src, port: ephemeralPort(rng) },
    destination: { ip: dst, port },
    network: { transport: 'tcp', community_id: `1:${Buffer.from(rng.hex(20), 'hex').toString('base64')}` },
    observer: { vendor: 'OISF', product: 'Suricata', type: 'ids', hostname: `nsm01.${victim.domain}` },
    host: { name: `nsm01.${victim.domain}` },
    related: { ip: [src, dst] },
  };
};

const FORTI = [
  ['15621', 'MS.SMB.Server.SMB1.Trans2.Secondary.Handling.Code.Execution', 'T1210', 'Exploitation of Remote Services', 'TA0008', 'Lateral Movement', 445, 90],
  ['51006', 'Apache.Log4j.Error.Log.Remote.Code.Execution', 'T1190', 'Exploit Public-Facing Application', 'TA0001', 'Initial Access', 443, 95],
  ['49257', 'Fortinet.FortiOS.SSL.VPN.Heap.Buffer.Overflow', 'T1190', 'Exploit Public-Facing Application', 'TA0001', 'Initial Access', 10443, 95],
  ['11206', 'Port.Scan.TCP.SYN', 'T1046', 'Network Service Discovery', 'TA0007', 'Discovery', 80, 30],
  ['43789', 'SSH.Brute.Force.Login', 'T1110', 'Brute Force', 'TA0006', 'Credential Access', 22, 55],
] as const;

const fortigate: Template = (rng, victim, reporter) => {
  const [id, name, tech, techName, tactic, tacticName, port, score] = rng.pick(FORTI);
  const src = attacker(rng);
  const dst = port === 443 || port === 10443 ? webServerIp(victim) : victimIp(rng, victim);
  const blocked = rng.chance(0.7);
  return {
    message: `${name} detected`,
    event: { category: ['network', 'intrusion_detection'], type: [blocked ? 'denied' : 'allowed', 'connection'], dataset: 'fortinet_fortigate.log', module: 'fortinet_fortigate', action: blocked ? 'dropped' : 'detected', risk_score: score, outcome: 'success', code: '0419016384' },
    rule: { id, name, category: 'ips' },
    threat: technique(tech, techName, tactic, tacticName),
    source: { ip: src, port: ephemeralPort(rng) },
    destination: { ip: dst, port },
    network: { transport: 'tcp', protocol: port === 22 ? 'ssh' : 'https', direction: 'inbound' },
    observer: { vendor: 'Fortinet', product: 'FortiGate', type: 'firewall', hostname: `fgt-${reporter.slug}`, serial_number: `FG200F${rng.digits(10)}` },
    host: { ip: [dst] },
    related: { ip: [src, dst] },
  };
};

const TEMPLATES: readonly (readonly [Template, number])[] = [[zeekScan, 5], [defendMalware, 2], [lsass, 1], [suricata, 6], [fortigate, 5]];

export function ecsAlert(ctx: GenContext): string {
  const { rng, victim, reporter } = ctx;
  const ts = eventTime(ctx);
  const body = rng.weighted(TEMPLATES)(rng, victim, reporter);
  const event = body.event as Record<string, unknown>;
  const doc: Record<string, unknown> = {
    '@timestamp': isoTime(ts, { offsetMinutes: 0, fraction: 3, colon: true, zulu: true }),
    ecs: { version: ECS_VERSION },
    ...body,
    event: { id: rng.uuid(), kind: 'alert', ...event, created: isoTime(ts + rng.int(5, 400), { offsetMinutes: 0, fraction: 3, colon: true, zulu: true }) },
    agent: { type: 'filebeat', version: '8.11.4', name: `elastic-agent-${reporter.slug}` },
    data_stream: { type: 'logs', dataset: event.dataset, namespace: reporter.slug.replace(/-/g, '_') },
    tags: ['forwarded', 'lachan-sim', ...(reporter.orgId === victim.orgId ? [] : ['mssp'])],
  };
  return JSON.stringify(doc);
}
