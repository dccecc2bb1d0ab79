import type { GenContext } from '../types.ts';
import { attacker, bsdTime, ephemeralPort, eventTime, GUESSED_USERS, isoTime, LOCAL_USERS, sdValue, VN_OFFSET_MINUTES, webServerIp } from './common.ts';

/**
 * Syslog lines (formats.md §5): RFC 3164 from Linux hosts (sshd failures, sudo, pam_unix) with the
 * local time and a space-padded day, and RFC 5424 with an RFC 3339 time and structured data
 * (`origin`, `meta`, private `name@32473` elements) from appliances and log shippers.
 */

/** PRI = facility × 8 + severity; authpriv (10), auth (4), local4 (20), local7 (23). */
const pri = (facility: number, severity: number): number => facility * 8 + severity;

function bsd(ctx: GenContext): string {
  const { rng, victim } = ctx;
  const ts = eventTime(ctx);
  const host = rng.weighted([[victim.hosts[0], 3], [`srv-app0${rng.int(1, 4)}.${victim.domain}`, 2], [`${victim.net}.${rng.int(30, 60)}`, 1]] as const);
  const src = attacker(rng);
  const port = ephemeralPort(rng);
  const pid = rng.int(900, 65000);
  const head = (p: number, tag: string): string => `<${p}>${bsdTime(ts)} ${host} ${tag}`;
  switch (rng.weighted([['invalid', 5], ['failed', 5], ['maxauth', 2], ['pam', 3], ['sudo', 2], ['sudofail', 1]] as const)) {
    case 'invalid':
      return `${head(pri(10, 6), `sshd[${pid}]`)}: Invalid user ${rng.pick(GUESSED_USERS)} from ${src} port ${port}`;
    case 'failed':
      return `${head(pri(10, 6), `sshd[${pid}]`)}: Failed password for ${rng.chance(0.3) ? 'invalid user ' : ''}${rng.pick(['root', ...GUESSED_USERS])} from ${src} port ${port} ssh2`;
    case 'maxauth':
      return `${head(pri(4, 3), `sshd[${pid}]`)}: error: maximum authentication attempts exceeded for root from ${src} port ${port} ssh2 [preauth]`;
    case 'pam':
      return `${head(pri(10, 5), `sshd[${pid}]`)}: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=${src}  user=${rng.pick(['root', 'admin'])}`;
    case 'sudo': {
      const user = rng.pick(LOCAL_USERS);
      return `${head(pri(10, 5), 'sudo')}:   ${user} : 3 incorrect password attempts ; TTY=pts/${rng.int(0, 4)} ; PWD=/home/${user} ; USER=root ; COMMAND=/bin/bash`;
    }
    case 'sudofail': {
      const user = rng.pick(LOCAL_USERS);
      return `${head(pri(10, 5), 'sudo')}: pam_unix(sudo:auth): authentication failure; logname=${user} uid=${rng.int(1000, 1010)} euid=0 tty=/dev/pts/${rng.int(0, 4)} ruser=${user} rhost=  user=${user}`;
    }
  }
}

function rfc5424(ctx: GenContext): string {
  const { rng, victim, reporter } = ctx;
  const ts = eventTime(ctx);
  const time = isoTime(ts, { offsetMinutes: VN_OFFSET_MINUTES, fraction: 3, colon: true });
  const src = attacker(rng);
  const meta = `[meta sequenceId="${ctx.seq}"]`;
  const origin = `[origin ip="${webServerIp(victim)}" software="rsyslogd" swVersion="8.2312.0"]`;
  switch (rng.weighted([['ssh', 4], ['waf', 3], ['vpn', 2], ['auth', 2]] as const)) {
    case 'ssh':
      return `<${pri(10, 4)}>1 ${time} ${victim.hosts[0]} sshd ${rng.int(900, 65000)} - ${origin}${meta} Failed password for ${rng.pick(['root', ...GUESSED_USERS])} from ${src} port ${ephemeralPort(rng)} ssh2`;
    case 'waf': {
      const rule = rng.pick([['942100', 'SQL Injection Attack Detected via libinjection', '/login.php?user=admin\'--'], ['941100', 'XSS Attack Detected via libinjection', '/search?q=<script>alert(1)</script>'], ['930120', 'OS File Access Attempt', '/?file=../../etc/shadow'], ['913100', 'Found User-Agent associated with security scanner', '/']] as const);
      return `<${pri(20, 4)}>1 ${time} ${victim.hosts[0]} nginx ${rng.int(900, 65000)} WAF [waf@32473 rule="${rule[0]}" src="${src}" uri="${sdValue(rule[2])}" action="deny"]${meta} ModSecurity: Access denied with code 403 (phase 2). ${rule[1]} [id "${rule[0]}"] [client ${src}] [hostname "${victim.hosts[0]}"]`;
    }
    case 'vpn':
      return `<${pri(23, 3)}>1 ${time} vpn.${victim.domain} openvpn ${rng.int(900, 65000)} AUTHFAIL [auth@32473 user="${rng.pick(LOCAL_USERS)}" src="${src}" attempts="${rng.int(3, 20)}"][timeQuality tzKnown="1" isSynced="1"] ${src}:${ephemeralPort(rng)} TLS Auth Error: Auth Username/Password verification failed for peer`;
    case 'auth':
      return `<${pri(4, 2)}>1 ${time} ${victim.hosts[1]} ossec-collector - AUTHFAIL [origin ip="${victim.net}.20" enterpriseId="32473" software="soc-forwarder-${reporter.slug}"]${meta} Multiple authentication failures for Administrator from ${src} (${rng.int(5, 60)} in 60s)`;
  }
}

export function syslogLine(ctx: GenContext): string {
  return ctx.rng.chance(0.55) ? bsd(ctx) : rfc5424(ctx);
}
