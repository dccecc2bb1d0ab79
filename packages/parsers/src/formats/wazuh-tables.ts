import type { SeverityLevel } from '@lachan/contracts';
import { normaliseRsit, type Rsit } from '../rsit.ts';

/** Wazuh's rule level 0–15 → 1–4 (0–4 low, 5–7 medium, 8–11 high, 12–15 critical). */
export function severityFromWazuhLevel(level: number): SeverityLevel {
  if (level <= 4) return 1;
  if (level <= 7) return 2;
  if (level <= 11) return 3;
  return 4;
}

/**
 * Wazuh 4.x `rule.groups` → RSIT v1003. The first row with a matching group wins, so the rows run from
 * the most to the least specific finding:
 *
 * | groups (any of)                                                      | RSIT                               |
 * |----------------------------------------------------------------------|------------------------------------|
 * | malware, virus, rootcheck, yara, clamd; virustotal only when `data.virustotal.malicious` = "1" | malicious-code / infected-system |
 * | attack, exploit_attempt, sql_injection, web_attack, xss, shellshock   | intrusion-attempts / exploit       |
 * | authentication_failures, authentication_failed, win_authentication_failed, invalid_login, brute_force | intrusion-attempts / brute-force |
 * | web_scan, recon, scan, multiple_drops                                 | information-gathering / scanner    |
 * | dos                                                                   | availability / dos                 |
 * | vulnerability-detector                                                | vulnerable / vulnerable-system     |
 * | ids, suricata, snort                                                  | intrusion-attempts / ids-alert     |
 * | syscheck, syscheck_* (file integrity)                                 | other / undetermined               |
 * | anything else                                                         | null / null                        |
 *
 * A file-integrity change alone proves no compromise, hence other/undetermined rather than
 * intrusions/system-compromise; it becomes malicious code only when a malware group comes with it.
 * Rootcheck (rootkit and trojaned-binary checks) counts as malicious code, knowing it raises false positives.
 */
const ROWS: Array<[readonly string[], Rsit]> = [
  [['malware', 'virus', 'rootcheck', 'yara', 'clamd'], normaliseRsit('malicious-code', 'infected-system')],
  [['attack', 'exploit_attempt', 'sql_injection', 'web_attack', 'xss', 'shellshock'], normaliseRsit('intrusion-attempts', 'exploit')],
  [['authentication_failures', 'authentication_failed', 'win_authentication_failed', 'invalid_login', 'brute_force'], normaliseRsit('intrusion-attempts', 'brute-force')],
  [['web_scan', 'recon', 'scan', 'multiple_drops'], normaliseRsit('information-gathering', 'scanner')],
  [['dos'], normaliseRsit('availability', 'dos')],
  [['vulnerability-detector'], normaliseRsit('vulnerable', 'vulnerable-system')],
  [['ids', 'suricata', 'snort'], normaliseRsit('intrusion-attempts', 'ids-alert')],
];
const UNDETERMINED = normaliseRsit('other', 'undetermined');
const INFECTED = ROWS[0]![1];
const NONE: Rsit = { rsitClass: null, rsitType: null };

/** RSIT of a Wazuh alert from its rule groups (and whether VirusTotal called the file malicious). */
export function rsitOfWazuhGroups(groups: readonly string[], virusTotalMalicious: boolean): Rsit {
  const lower = groups.map((g) => g.toLowerCase());
  if (virusTotalMalicious && lower.includes('virustotal')) return INFECTED;
  for (const [names, rsit] of ROWS) if (lower.some((g) => names.includes(g))) return rsit;
  if (lower.some((g) => g === 'syscheck' || g.startsWith('syscheck_'))) return UNDETERMINED;
  return NONE;
}
