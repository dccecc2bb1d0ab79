import type { NormalizedAlert, SeverityLevel } from '@lachan/contracts';
import { finishAlert, newAlert } from '../alert.ts';
import { extractIndicators } from '../extract.ts';
import { normaliseIp } from '../ip.ts';
import { ObservableSet } from '../observable-set.ts';
import { toIso } from '../time.ts';
import type { ParseContext } from '../types.ts';
import { mapCef } from './cef.ts';
import { applyKeyValues, keyValues, kvSyslogSeverity } from './syslog-kv.ts';
import { parseSyslogLine, type SyslogMessage } from './syslog-parse.ts';

/**
 * Syslog lines, RFC 5424 or RFC 3164 (header rules in syslog-parse.ts). When the MSG is CEF the record
 * is handed to the CEF mapper (the alert then carries format `cef` and the CEF fields).
 *
 * | syslog                          | normalised                                                          |
 * |---------------------------------|---------------------------------------------------------------------|
 * | TIMESTAMP (3164: year nearest receivedAt, at most a day ahead; zone opts.timeZone) | eventTime (UTC); null for NILVALUE |
 * | PRI severity 0–1 / 2–3 / 4 / 5–7 | severity 4 / 3 / 2 / 1 (no PRI: key=value `pri`/`level`, else the device code's digit, else 2); sourceSeverity = the digit |
 * | PRI facility                    | tag `facility:<name>`                                               |
 * | MSG                             | title (cut at 512, the whole text then goes to description); empty → `<app> <msgid>` or host |
 * | STRUCTURED-DATA                 | description (as written) unless the MSG was cut                     |
 * | HOSTNAME                        | assetHostname, or assetIp when it is an address                     |
 * | APP-NAME / TAG                  | product                                                             |
 * | MSGID; else a Cisco `%ASA-3-106010:` / Huawei `%%01URL/4/FILTER(l):` code at the start of MSG (`ASA-3-106010`, `URL/4/FILTER`) | ruleId |
 * | IPv4/IPv6, domains, URLs, e-mails, hashes in MSG and SD values | observables, role `related`          |
 * Lines without a standard header (Cisco IOS/NX-OS prefixes, bare key=value firewall lines) are read as
 * far as they go (syslog-lenient.ts); a line with no time at all has eventTime null: the receipt time.
 * Key=value messages (SonicWall, FortiGate, …) also give endpoints, time, title, rule and severity
 * (table in syslog-kv.ts).
 * sourceRef null (syslog has no alert id).
 */
export function parseSyslog(record: string, ctx: ParseContext): NormalizedAlert {
  const msg = parseSyslogLine(record, ctx);
  const cefAt = msg.message.indexOf('CEF:');
  if (cefAt >= 0 && msg.message.slice(0, cefAt).trim() === '') return mapCef(msg.message.slice(cefAt), ctx, msg);
  return mapSyslog(msg, ctx);
}

const FACILITIES = ['kern', 'user', 'mail', 'daemon', 'auth', 'syslog', 'lpr', 'news', 'uucp', 'cron', 'authpriv', 'ftp', 'ntp', 'audit', 'alert', 'clock', 'local0', 'local1', 'local2', 'local3', 'local4', 'local5', 'local6', 'local7'];

/** Syslog severity 0–7 → 1–4: emergency/alert critical, critical/error high, warning medium, rest low. */
export function severityFromSyslog(severity: number): SeverityLevel {
  if (severity <= 1) return 4;
  if (severity <= 3) return 3;
  return severity === 4 ? 2 : 1;
}

// Cisco `%ASA-3-106010:`, `%FTD-1-101001:`, `%SYS-5-CONFIG_I:`; Huawei `%%01URL/4/FILTER(l):`.
const CISCO_CODE = /^%([A-Z][A-Z0-9_]*-([0-7])-[A-Z0-9_]+)[: ]/;
const HUAWEI_CODE = /^%%\d{2}([A-Z0-9_]+\/([0-7])\/[A-Z0-9_]+)(?:\([a-z]+\))?:/;

/** The device's own message code and the syslog severity written in it, or null. */
function deviceCode(message: string): { code: string; severity: number } | null {
  const m = CISCO_CODE.exec(message) ?? HUAWEI_CODE.exec(message);
  return m === null ? null : { code: m[1]!, severity: Number(m[2]) };
}

function mapSyslog(msg: SyslogMessage, ctx: ParseContext): NormalizedAlert {
  const a = newAlert('syslog');
  a.eventTime = msg.time === null ? null : toIso(msg.time);
  a.title = msg.message;
  a.description = msg.structuredDataText;
  a.product = msg.appName;
  a.ruleId = msg.msgId;
  const obs = new ObservableSet();
  const kv = keyValues(msg.message);
  if (kv !== null) applyKeyValues(kv, a, obs, ctx);
  const code = deviceCode(msg.message);
  if (code !== null) a.ruleId ??= code.code;
  const severity = msg.severity ?? (kv === null ? null : kvSyslogSeverity(kv)) ?? code?.severity ?? null;
  if (severity !== null) {
    a.severity = severityFromSyslog(severity);
    a.sourceSeverity = String(severity);
  }
  if (msg.facility !== null) a.tags.push(`facility:${FACILITIES[msg.facility] ?? String(msg.facility)}`);
  if (msg.hostname !== null) {
    const ip = normaliseIp(msg.hostname);
    if (ip !== null) a.assetIp = ip.value;
    else a.assetHostname = msg.hostname;
  }
  extractIndicators(msg.message, obs);
  for (const el of msg.structuredData) for (const [, value] of el.params) extractIndicators(value, obs);
  if (kv === null && a.title.trim().length > 512 && a.description !== null) a.description = `${msg.message}\n${a.description}`;
  const fallback = [msg.appName, msg.msgId].filter((x) => x !== null).join(' ') || (msg.hostname === null ? 'syslog message' : `syslog message from ${msg.hostname}`);
  return finishAlert(a, obs, fallback);
}
