import type { GenContext } from '../types.ts';
import { agentId, attacker, bsdTime, dcIp, ephemeralPort, eventTime, GUESSED_USERS, hashes, isoTime, LOCAL_USERS, ATTACK_URLS, USER_AGENTS, VN_OFFSET_MINUTES, webServerIp } from './common.ts';

/**
 * Wazuh 4.x `alerts.json` lines (formats.md §1): sshd brute force (5710/5712/5716/5720), web attacks
 * (31103/31104/31106/31151), rootcheck and VirusTotal malware (510/521/87105), file integrity
 * (550/553/554) and Windows logon failures (60122/60204). Levels, groups, compliance tags and MITRE ids
 * as the 4.x ruleset has them; `rule.id` and `srcport` are strings; the time offset has no colon.
 */

interface Rule {
  id: string;
  level: number;
  description: string;
  groups: string[];
  mitre?: { id: string[]; tactic: string[]; technique: string[] };
  frequency?: number;
  pci?: string[];
  nist?: string[];
  gdpr?: string[];
}

/** The decoder-specific members of the alert; `suffix` completes the rule description (VirusTotal). */
type Body = (ctx: GenContext, host: { name: string; ip: string }, ts: number) => Record<string, unknown> & { suffix?: string };

interface Scenario {
  rule: Rule;
  weight: number;
  /** Which machine of the organisation the agent runs on. */
  host: 'linux' | 'web' | 'dc';
  body: Body;
}

const BRUTE = { id: ['T1110'], tactic: ['Credential Access'], technique: ['Brute Force'] };
const GUESS = { id: ['T1110.001', 'T1021.004'], tactic: ['Credential Access', 'Lateral Movement'], technique: ['Password Guessing', 'SSH'] };
const EXPLOIT = { id: ['T1190'], tactic: ['Initial Access'], technique: ['Exploit Public-Facing Application'] };

function sshLine(ctx: GenContext, ts: number, host: string, text: string): { full_log: string; predecoder: object; decoder: object; location: string } {
  const pid = ctx.rng.int(1000, 65000);
  return {
    full_log: `${bsdTime(ts)} ${host} sshd[${pid}]: ${text}`,
    predecoder: { program_name: 'sshd', timestamp: bsdTime(ts), hostname: host },
    decoder: { parent: 'sshd', name: 'sshd' },
    location: ctx.rng.pick(['/var/log/secure', '/var/log/auth.log', 'journald']),
  };
}

function sshd(kind: 'invalid' | 'failed'): Body {
  return (ctx, host, ts) => {
    const src = attacker(ctx.rng);
    const port = ephemeralPort(ctx.rng);
    const user = kind === 'invalid' ? ctx.rng.pick(GUESSED_USERS) : ctx.rng.pick(['root', ...LOCAL_USERS]);
    const text = kind === 'invalid' ? `Invalid user ${user} from ${src} port ${port}` : `Failed password for ${user} from ${src} port ${port} ssh2`;
    return { ...sshLine(ctx, ts, host.name, text), data: { srcip: src, srcport: String(port), srcuser: user } };
  };
}

function web(status: number): Body {
  return (ctx, host, ts) => {
    const src = attacker(ctx.rng);
    const url = ctx.rng.pick(ATTACK_URLS);
    const ua = ctx.rng.pick(USER_AGENTS);
    const stamp = new Date(ts + VN_OFFSET_MINUTES * 60_000).toUTCString().replace(/^\w+, (\d+) (\w+) (\d+) ([\d:]+) GMT$/, '$1/$2/$3:$4 +0700');
    return {
      full_log: `${src} - - [${stamp}] "GET ${url} HTTP/1.1" ${status} ${ctx.rng.int(150, 9000)} "-" "${ua}"`,
      decoder: { name: 'web-accesslog' },
      data: { protocol: 'GET', srcip: src, id: String(status), url },
      location: ctx.rng.pick(['/var/log/nginx/access.log', '/var/log/httpd/access_log', '/var/log/apache2/access.log']),
    };
  };
}

const rootcheck: Body = (ctx, _host, _ts) => {
  const file = ctx.rng.pick(['/usr/bin/ps', '/bin/netstat', '/usr/sbin/sshd', '/dev/.udev/rules.d', '/tmp/.ICE-unix/.x']);
  const title = file.startsWith('/dev') || file.startsWith('/tmp') ? 'Hidden file or directory found.' : 'Trojaned version of file detected.';
  return { full_log: `${title} File: ${file}.`, decoder: { name: 'rootcheck' }, data: { title, file }, location: 'rootcheck' };
};

const virustotal: Body = (ctx, _host, _ts) => {
  const h = hashes(ctx.rng);
  const file = ctx.rng.pick(['/home/annv/Downloads/hoadon_thang11.exe', '/tmp/kworkerds', '/var/www/html/uploads/shell.php', '/root/.cache/xmrig']);
  const positives = ctx.rng.int(8, 61);
  return {
    decoder: { name: 'json' },
    data: {
      integration: 'virustotal',
      virustotal: {
        found: '1', malicious: '1', positives: String(positives), total: '72', scan_date: new Date(ctx.now - 86_400_000).toISOString().slice(0, 19).replace('T', ' '),
        source: { alert_id: `${Math.floor(ctx.now / 1000)}.${ctx.rng.int(100000, 999999)}`, file, md5: h.md5, sha1: h.sha1 },
        sha1: h.sha1, permalink: `https://www.virustotal.com/gui/file/${h.sha256}/detection`,
      },
    },
    location: 'virustotal',
    suffix: `${file} - ${positives} engines detected this file`,
  };
};

function syscheck(event: 'modified' | 'added' | 'deleted'): Body {
  return (ctx, _host, ts) => {
    const path = ctx.rng.pick(['/etc/passwd', '/etc/shadow', '/etc/ssh/sshd_config', '/var/www/html/index.php', '/etc/crontab', '/usr/local/bin/backup.sh', '/etc/sudoers']);
    const h = hashes(ctx.rng);
    const sc: Record<string, unknown> = { path, mode: 'realtime', event, size_after: String(ctx.rng.int(200, 90000)), perm_after: 'rw-r--r--', uid_after: '0', gid_after: '0', uname_after: 'root', gname_after: 'root', mtime_after: new Date(ts).toISOString().slice(0, 19), inode_after: ctx.rng.int(100000, 9999999) };
    if (event !== 'deleted') Object.assign(sc, { md5_after: h.md5, sha1_after: h.sha1, sha256_after: h.sha256 });
    if (event === 'modified') Object.assign(sc, { md5_before: ctx.rng.hex(32), sha1_before: ctx.rng.hex(40), changed_attributes: ['size', 'mtime', 'md5', 'sha1', 'sha256'] });
    return { full_log: `File '${path}' ${event}\nMode: realtime\n`, decoder: { name: 'syscheck_integrity_changed' }, syscheck: sc, location: 'syscheck' };
  };
}

function windows(eventId: string): Body {
  return (ctx, host, _ts) => {
    const src = attacker(ctx.rng);
    const user = ctx.rng.pick(['Administrator', 'admin', 'svc_backup', ...LOCAL_USERS]);
    return {
      decoder: { name: 'windows_eventchannel' },
      data: {
        win: {
          system: { providerName: 'Microsoft-Windows-Security-Auditing', eventID: eventId, level: '0', channel: 'Security', computer: host.name, severityValue: 'AUDIT_FAILURE', message: '"An account failed to log on."' },
          eventdata: { targetUserName: user, targetDomainName: 'CORP', logonType: ctx.rng.pick(['3', '10']), ipAddress: src, ipPort: String(ephemeralPort(ctx.rng)), status: '0xc000006d', subStatus: ctx.rng.pick(['0xc000006a', '0xc0000064']), workstationName: ctx.rng.pick(['-', 'KALI', 'WIN-8K2J1']), authenticationPackageName: 'NTLM' },
        },
      },
      location: 'EventChannel',
    };
  };
}

const SCENARIOS: readonly Scenario[] = [
  { weight: 14, host: 'linux', body: sshd('invalid'), rule: { id: '5710', level: 5, description: 'sshd: Attempt to login using a non-existent user', groups: ['syslog', 'sshd', 'authentication_failed', 'invalid_login'], mitre: GUESS, pci: ['10.2.4', '10.2.5', '10.6.1'], nist: ['AU.14', 'AC.7', 'AU.6'], gdpr: ['IV_35.7.d', 'IV_32.2'] } },
  { weight: 8, host: 'linux', body: sshd('invalid'), rule: { id: '5712', level: 10, description: 'sshd: brute force trying to get access to the system. Non existent user.', groups: ['syslog', 'sshd', 'authentication_failures'], mitre: BRUTE, frequency: 8, pci: ['11.4', '10.2.4', '10.2.5'], nist: ['SI.4', 'AU.14', 'AC.7'], gdpr: ['IV_35.7.d', 'IV_32.2'] } },
  { weight: 10, host: 'linux', body: sshd('failed'), rule: { id: '5716', level: 5, description: 'sshd: authentication failed.', groups: ['syslog', 'sshd', 'authentication_failed'], mitre: GUESS, pci: ['10.2.4', '10.2.5'], nist: ['AU.14', 'AC.7'], gdpr: ['IV_35.7.d', 'IV_32.2'] } },
  { weight: 4, host: 'linux', body: sshd('failed'), rule: { id: '5720', level: 10, description: 'sshd: Multiple authentication failures.', groups: ['syslog', 'sshd', 'authentication_failures'], mitre: BRUTE, frequency: 8, pci: ['10.2.4', '10.2.5', '11.4'], nist: ['AU.14', 'AC.7', 'SI.4'], gdpr: ['IV_35.7.d', 'IV_32.2'] } },
  { weight: 7, host: 'web', body: web(403), rule: { id: '31103', level: 7, description: 'SQL injection attempt.', groups: ['web', 'accesslog', 'attack', 'sql_injection'], mitre: EXPLOIT, pci: ['6.5', '11.4', '6.5.1'], nist: ['SA.11', 'SI.4'], gdpr: ['IV_35.7.d'] } },
  { weight: 6, host: 'web', body: web(404), rule: { id: '31104', level: 6, description: 'Common web attack.', groups: ['web', 'accesslog', 'attack'], mitre: EXPLOIT, pci: ['6.5', '11.4'], nist: ['SA.11', 'SI.4'] } },
  { weight: 3, host: 'web', body: web(200), rule: { id: '31106', level: 6, description: 'A web attack returned code 200 (success).', groups: ['web', 'accesslog', 'attack'], mitre: EXPLOIT, pci: ['6.5', '11.4'], nist: ['SA.11', 'SI.4'] } },
  { weight: 4, host: 'web', body: web(400), rule: { id: '31151', level: 10, description: 'Multiple web server 400 error codes from same source ip.', groups: ['web', 'accesslog', 'web_scan', 'recon'], mitre: { id: ['T1595.002'], tactic: ['Reconnaissance'], technique: ['Vulnerability Scanning'] }, frequency: 14, pci: ['6.5', '11.4'], nist: ['SA.11', 'SI.4'] } },
  { weight: 2, host: 'linux', body: rootcheck, rule: { id: '510', level: 7, description: 'Host-based anomaly detection event (rootcheck).', groups: ['ossec', 'rootcheck'], pci: ['10.6.1'], gdpr: ['IV_35.7.d'] } },
  { weight: 1, host: 'linux', body: rootcheck, rule: { id: '521', level: 11, description: 'Possible kernel level rootkit', groups: ['ossec', 'rootcheck'], mitre: { id: ['T1014'], tactic: ['Defense Evasion'], technique: ['Rootkit'] }, pci: ['10.6.1'] } },
  { weight: 2, host: 'linux', body: virustotal, rule: { id: '87105', level: 12, description: 'VirusTotal: Alert', groups: ['virustotal'], mitre: { id: ['T1203'], tactic: ['Execution'], technique: ['Exploitation for Client Execution'] }, pci: ['10.6.1', '11.4'], gdpr: ['IV_35.7.d'] } },
  { weight: 5, host: 'linux', body: syscheck('modified'), rule: { id: '550', level: 7, description: 'Integrity checksum changed.', groups: ['ossec', 'syscheck', 'syscheck_entry_modified', 'syscheck_file'], mitre: { id: ['T1565.001'], tactic: ['Impact'], technique: ['Stored Data Manipulation'] }, pci: ['11.5'], nist: ['SI.7'], gdpr: ['II_5.1.f'] } },
  { weight: 2, host: 'web', body: syscheck('added'), rule: { id: '554', level: 5, description: 'File added to the system.', groups: ['ossec', 'syscheck', 'syscheck_entry_added', 'syscheck_file'], mitre: { id: ['T1105'], tactic: ['Command and Control'], technique: ['Ingress Tool Transfer'] }, pci: ['11.5'], nist: ['SI.7'] } },
  { weight: 1, host: 'linux', body: syscheck('deleted'), rule: { id: '553', level: 7, description: 'File deleted.', groups: ['ossec', 'syscheck', 'syscheck_entry_deleted', 'syscheck_file'], mitre: { id: ['T1070.004', 'T1485'], tactic: ['Defense Evasion', 'Impact'], technique: ['File Deletion', 'Data Destruction'] }, pci: ['11.5'], nist: ['SI.7'] } },
  { weight: 9, host: 'dc', body: windows('4625'), rule: { id: '60122', level: 5, description: 'Logon failure - Unknown user or bad password.', groups: ['windows', 'windows_security', 'authentication_failed'], mitre: { id: ['T1078', 'T1531'], tactic: ['Defense Evasion', 'Persistence', 'Privilege Escalation', 'Initial Access', 'Impact'], technique: ['Valid Accounts', 'Account Access Removal'] }, pci: ['10.2.4', '10.2.5'], nist: ['AC.7', 'AU.14'] } },
  { weight: 3, host: 'dc', body: windows('4625'), rule: { id: '60204', level: 10, description: 'Multiple Windows logon failures.', groups: ['windows', 'windows_security', 'authentication_failures'], mitre: BRUTE, frequency: 8, pci: ['10.2.4', '10.2.5', '11.4'], nist: ['AC.7', 'AU.14', 'SI.4'] } },
];
const WEIGHTED = SCENARIOS.map((s) => [s, s.weight] as const);

export function wazuhAlert(ctx: GenContext): string {
  const { rng, victim, reporter } = ctx;
  const s = rng.weighted(WEIGHTED);
  const ts = eventTime(ctx);
  const host = s.host === 'dc' ? { name: victim.hosts[1], ip: dcIp(victim) }
    : s.host === 'web' ? { name: victim.hosts[0], ip: webServerIp(victim) }
    : rng.chance(0.6) ? { name: victim.hosts[0], ip: webServerIp(victim) } : { name: `srv-${rng.pick(['app', 'db', 'mail', 'log'])}0${rng.int(1, 4)}.${victim.domain}`, ip: `${victim.net}.${rng.int(30, 60)}` };
  const { suffix, ...body } = s.body(ctx, host, ts);
  const r = s.rule;
  const rule: Record<string, unknown> = {
    level: r.level,
    description: suffix === undefined ? r.description : `${r.description} - ${suffix}`,
    id: r.id,
  };
  if (r.mitre) rule.mitre = r.mitre;
  if (r.frequency) rule.frequency = r.frequency;
  rule.firedtimes = rng.int(1, 40);
  rule.mail = r.level >= 12;
  rule.groups = r.groups;
  if (r.pci) rule.pci_dss = r.pci;
  if (r.gdpr) rule.gdpr = r.gdpr;
  if (r.nist) rule.nist_800_53 = r.nist;
  const manager = `wazuh-manager.${reporter.domain}`;
  const doc: Record<string, unknown> = {
    timestamp: isoTime(ts, { offsetMinutes: VN_OFFSET_MINUTES, fraction: 3, colon: false }),
    rule,
    agent: { id: agentId(victim, s.host === 'dc' ? 2 : 1), name: host.name, ip: host.ip },
    manager: { name: manager },
    id: `${Math.floor(ts / 1000)}.${ctx.seq * 1733 + rng.int(0, 1700)}`,
    ...body,
  };
  if (reporter.orgId !== victim.orgId) doc.cluster = { name: `soc-${reporter.slug}`, node: `worker-0${rng.int(1, 3)}` };
  return JSON.stringify(doc);
}
