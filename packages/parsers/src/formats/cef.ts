import type { NormalizedAlert, SeverityLevel } from '@lachan/contracts';
import { finishAlert, newAlert, protocolName } from '../alert.ts';
import { fail } from '../failure.ts';
import { normaliseIp } from '../ip.ts';
import { port } from '../json-record.ts';
import { ObservableSet } from '../observable-set.ts';
import { severityFromTen, severityFromWord } from '../severity.ts';
import { readTime, toIso, zoneOf } from '../time.ts';
import type { ParseContext } from '../types.ts';
import { parseCefMessage, type CefEvent } from './cef-parse.ts';
import { rsitOfClasstype } from './suricata-classtypes.ts';
import { parseSyslogLine, type SyslogMessage } from './syslog-parse.ts';

/**
 * CEF (formats.md §4), bare or behind an RFC 3164 / RFC 5424 syslog header (stripped; its HOSTNAME is
 * the asset of last resort and its TIMESTAMP the time of last resort).
 *
 * | CEF                                          | normalised                                        |
 * |----------------------------------------------|---------------------------------------------------|
 * Every key is also read under its full ArcSight name (`sourceAddress` for `src`, `receiptTime` for `rt`,
 * `deviceCustomString1` for `cs1`…, table `FULL_NAMES`), the short name first.
 *
 * | `externalId`, else `eventId`                 | sourceRef                                         |
 * | `rt`, else `end`, else `start` (epoch ms, `Mmm dd [yyyy] hh:mm:ss[.SSS] [zone]`, ctime `Www Mmm dd hh:mm:ss yyyy`, ISO); a time without zone is read in `dtz` (IANA name, `UTC`, `GMT+07:00`, `+0700`, common abbreviations), else opts.timeZone; else the syslog TIMESTAMP | eventTime |
 * | Name                                         | title, ruleName                                   |
 * | Device Event Class ID                        | ruleId                                            |
 * | Device Vendor / Device Product               | vendor / product                                  |
 * | Severity 0–3 / 4–6 / 7–8 / 9–10              | severity 1 / 2 / 3 / 4 (above 10 → 4)             |
 * | Severity Low / Medium / High / Very-High / Unknown (any case) | 1 / 2 / 3 / 4 / 2; anything else 2 |
 * | `msg`                                        | description                                       |
 * | `src`/`spt`, `dst`/`dpt`, `proto`            | srcIp/srcPort, dstIp/dstPort, protocol (numbers → names) |
 * | device (`dvchost`/`dvc`), else destination (`dhost`/`dst`), else the syslog HOSTNAME | assetHostname / assetIp (both from the same system) |
 * | `cs1`…`cs6` with `cs1Label`…               | tags `<label>:<value>` (`cs<n>:<value>` without label); techniques when the label names MITRE/technique; hashes when it names md5/sha1/sha256 |
 * | `act`, `cat`                                 | tags `action:<act>`, `category:<cat>`; `cat` as an IDS classtype → RSIT |
 * | `filePath`, `fname`, `sproc`, `dproc`, `fileId`            | eventKey (dedup)                                  |
 * | `src`/`dst`/`c6a2`/`c6a3`, `shost`/`dhost`, `suser`/`duser`, `fileHash`, `oldFileHash`, keys ending in md5/sha1/sha256, `request` | observables |
 */
export function parseCef(record: string, ctx: ParseContext): NormalizedAlert {
  let start = 0;
  while (start < record.length && (record.charCodeAt(start) === 32 || record.charCodeAt(start) === 9 || record.charCodeAt(start) === 0xfeff)) start++;
  if (record.startsWith('CEF:', start)) return mapCef(record.slice(start), ctx, null);
  if (record.indexOf('CEF:') < 0) fail('bad_cef_header', 'no "CEF:" in the record');
  const syslog = parseSyslogLine(record, ctx);
  const at = syslog.message.indexOf('CEF:');
  if (at < 0 || syslog.message.slice(0, at).trim() !== '') fail('bad_syslog_header', 'text before "CEF:" is not a syslog header');
  return mapCef(syslog.message.slice(at), ctx, syslog);
}

/** Maps a CEF message (starting with `CEF:`), with the syslog header it arrived in, if any. */
export function mapCef(message: string, ctx: ParseContext, syslog: SyslogMessage | null): NormalizedAlert {
  const cef = parseCefMessage(message, 0);
  const ext = cef.extensions;
  const a = newAlert('cef');
  a.sourceRef = get(ext, 'externalId') ?? get(ext, 'eventId');
  const dtz = get(ext, 'dtz');
  const zone = (dtz === null ? null : zoneOf(dtz)) ?? ctx.timeZone;
  a.eventTime = readTime(get(ext, 'rt') ?? get(ext, 'end') ?? get(ext, 'start'), zone, ctx.receivedAt) ?? (syslog === null || syslog.time === null ? null : toIso(syslog.time));
  a.title = cef.name;
  a.ruleName = cef.name.trim() === '' ? null : cef.name.trim();
  a.ruleId = cef.deviceEventClassId.trim() === '' ? null : cef.deviceEventClassId.trim();
  a.vendor = cef.deviceVendor.trim() === '' ? null : cef.deviceVendor.trim();
  a.product = cef.deviceProduct.trim() === '' ? null : cef.deviceProduct.trim();
  a.sourceSeverity = cef.severity === '' ? null : cef.severity;
  a.severity = cefSeverity(cef.severity);
  a.description = get(ext, 'msg');
  a.srcIp = ip(get(ext, 'src'));
  a.srcPort = port(get(ext, 'spt'));
  a.dstIp = ip(get(ext, 'dst'));
  a.dstPort = port(get(ext, 'dpt'));
  a.protocol = protocolName(get(ext, 'proto'));
  asset(a, [get(ext, 'dvchost'), get(ext, 'dvc')], [get(ext, 'dhost'), get(ext, 'dst')], syslog?.hostname ?? null);
  customStrings(cef, a);
  const act = get(ext, 'act');
  if (act !== null) a.tags.push(`action:${act}`);
  const cat = get(ext, 'cat');
  if (cat !== null) {
    a.tags.push(`category:${cat}`);
    const rsit = rsitOfClasstype(cat);
    a.rsitClass = rsit.rsitClass;
    a.rsitType = rsit.rsitType;
  }
  a.eventKey = ['filePath', 'fname', 'sproc', 'dproc', 'fileId'].map((k) => get(ext, k)).filter((k): k is string => k !== null);
  const fallback = [a.vendor, a.product, a.ruleId].filter((x) => x !== null).join(' ');
  return finishAlert(a, observables(ext), fallback === '' ? 'CEF event' : `CEF event ${fallback}`);
}

/** CEF severity: 0–3 low, 4–6 medium, 7–8 high, 9–10 very high; or the words; otherwise medium. */
export function cefSeverity(raw: string): SeverityLevel {
  const s = raw.trim();
  if (/^\d{1,3}$/.test(s)) return severityFromTen(Number(s));
  return severityFromWord(s) ?? 2;
}

/** Full ArcSight key names of the short keys this mapper reads (CEF Implementation Standard, key tables). */
const FULL_NAMES: Record<string, string> = {
  act: 'deviceAction', cat: 'deviceEventCategory', dhost: 'destinationHostName', dpt: 'destinationPort', dst: 'destinationAddress',
  dtz: 'deviceTimeZone', duser: 'destinationUserName', dvc: 'deviceAddress', dvchost: 'deviceHostName', end: 'endTime',
  msg: 'message', proto: 'transportProtocol', request: 'requestUrl', rt: 'receiptTime', shost: 'sourceHostName',
  spt: 'sourcePort', src: 'sourceAddress', start: 'startTime', suser: 'sourceUserName', c6a2: 'deviceCustomIPv6Address2',
  c6a3: 'deviceCustomIPv6Address3', fname: 'fileName', sproc: 'sourceProcessName', dproc: 'destinationProcessName',
  cs1: 'deviceCustomString1', cs2: 'deviceCustomString2', cs3: 'deviceCustomString3', cs4: 'deviceCustomString4',
  cs5: 'deviceCustomString5', cs6: 'deviceCustomString6', cs1Label: 'deviceCustomString1Label', cs2Label: 'deviceCustomString2Label',
  cs3Label: 'deviceCustomString3Label', cs4Label: 'deviceCustomString4Label', cs5Label: 'deviceCustomString5Label',
  cs6Label: 'deviceCustomString6Label',
};

function trimmed(v: string | undefined): string | null {
  if (v === undefined) return null;
  const t = v.trim();
  return t === '' ? null : t;
}

/** An extension value by short key, else by its full name, trimmed; null when absent or blank. */
function get(ext: Map<string, string>, key: string): string | null {
  const full = FULL_NAMES[key];
  return trimmed(ext.get(key)) ?? (full === undefined ? null : trimmed(ext.get(full)));
}

function ip(v: string | null): string | null {
  return v === null ? null : (normaliseIp(v)?.value ?? null);
}

/** Takes hostname and IP from the first system (device, destination, syslog host) the record names. */
function asset(a: NormalizedAlert, device: Array<string | null>, destination: Array<string | null>, syslogHost: string | null): void {
  for (const names of [device, destination, [syslogHost]]) {
    let host: string | null = null;
    let addr: string | null = null;
    for (const n of names) {
      if (n === null) continue;
      const asIp = ip(n);
      if (asIp !== null) addr ??= asIp;
      else host ??= n;
    }
    if (host !== null || addr !== null) {
      a.assetHostname = host;
      a.assetIp = addr;
      return;
    }
  }
}

function customStrings(cef: CefEvent, a: NormalizedAlert): void {
  for (let n = 1; n <= 6; n++) {
    const value = get(cef.extensions, `cs${n}`);
    if (value === null) continue;
    const label = get(cef.extensions, `cs${n}Label`) ?? `cs${n}`;
    a.tags.push(`${label}:${value}`);
    if (/mitre|technique|att&ck/i.test(label)) a.attackTechniques.push(...value.split(/[\s,;]+/));
  }
}

const HASH_KEY = /(?:md5|sha1|sha256|hash)$/i;

function observables(ext: Map<string, string>): ObservableSet {
  const obs = new ObservableSet();
  obs.addIp(get(ext, 'src'), 'src');
  obs.addIp(get(ext, 'c6a2'), 'src');
  obs.addHost(get(ext, 'shost'), 'src');
  obs.add('user', get(ext, 'suser'), 'src');
  obs.addIp(get(ext, 'dst'), 'dst');
  obs.addIp(get(ext, 'c6a3'), 'dst');
  obs.addHost(get(ext, 'dhost'), 'dst');
  obs.add('user', get(ext, 'duser'), 'dst');
  for (const [key, value] of ext) {
    if (HASH_KEY.test(key)) obs.addHash(value, 'related');
  }
  for (let n = 1; n <= 6; n++) {
    const label = get(ext, `cs${n}Label`);
    if (label !== null && /^(?:md5|sha-?1|sha-?256|file ?hash|hash)$/i.test(label)) obs.addHash(get(ext, `cs${n}`), 'related');
  }
  obs.addUrl(get(ext, 'request'), 'related');
  return obs;
}
