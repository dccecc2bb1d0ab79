import { fail } from '../failure.ts';
import { daysInMonth, inTimeRange, MONTHS, parseIsoTime, plausibleTime, resolveYearless } from '../time.ts';
import { wallTimeToUtc } from '../zone.ts';
import type { ParseContext } from '../types.ts';
import { devicePrefix, readWithoutHeader } from './syslog-lenient.ts';

/**
 * Syslog header readers (formats.md §5): RFC 5424 (`<PRI>1 TIMESTAMP HOST APP PROCID MSGID SD [MSG]`,
 * NILVALUE `-`, structured data with `\"` `\\` `\]` escapes, BOM before MSG) and RFC 3164
 * (`<PRI>Mmm dd hh:mm:ss HOST TAG[pid]: MSG`, space-padded day, no year, no zone; also the
 * `Mmm dd yyyy hh:mm:ss`, RFC 3339 and `yyyy-mm-dd hh:mm:ss` / `yyyy/mm/dd hh:mm:ss` timestamps senders
 * put there; a CSV line that starts with an RFC 3339 time keeps that time and the whole line as MSG).
 * The PRI is optional in 3164 lines read from files; a line opening with `<` and no digit (XML) has none.
 * Real senders that write no standard header are read by syslog-lenient.ts (Cisco IOS/NX-OS
 * `seq: host: *time zone:` prefixes, ctime prefixes, bare key=value firewall lines): what can be read is
 * read, a line without any time gets none (the receipt time then stands). An invalid PRI, or a timestamp
 * that names an impossible date, → `bad_syslog_header`.
 */

export interface SdElement {
  id: string;
  params: Array<[string, string]>;
}

export interface SyslogMessage {
  rfc: 5424 | 3164;
  facility: number | null;
  severity: number | null;
  /** Epoch ms, or null when the header carries none (NILVALUE) or it cannot be placed (Feb 29). */
  time: number | null;
  hostname: string | null;
  appName: string | null;
  procId: string | null;
  msgId: string | null;
  structuredData: SdElement[];
  /** The structured data as written (null when NILVALUE). */
  structuredDataText: string | null;
  message: string;
}

function bad(message: string): never {
  fail('bad_syslog_header', message);
}

export function parseSyslogLine(line: string, ctx: ParseContext): SyslogMessage {
  let i = 0;
  while (i < line.length && (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 0xfeff)) i++;
  // No syslog sender starts a line with a control character: that is binary on the port (a TLS hello).
  const first = line.charCodeAt(i);
  if (first < 32 && first !== 9) bad(`the line starts with control character 0x${first.toString(16).padStart(2, '0')}: binary data, not a syslog message`);
  let pri: number | null = null;
  // `<` then a digit opens a PRI; `<log>…` (Sophos XML) or other markup is a line without one.
  if (line.charCodeAt(i) === 60 /* < */ && /\d/.test(line.charAt(i + 1))) {
    const close = line.indexOf('>', i);
    const digits = close < 0 ? '' : line.slice(i + 1, close);
    if (!/^\d{1,3}$/.test(digits) || Number(digits) > 191) bad(`invalid PRI "${line.slice(i, Math.min(line.length, i + 6))}"`);
    pri = Number(digits);
    i = close + 1;
  }
  const facility = pri === null ? null : pri >> 3;
  const severity = pri === null ? null : pri & 7;
  // RFC 5424 needs its PRI; files and relays that drop it still start with the version and an RFC 3339 time.
  if (line.startsWith('1 ', i) && (pri !== null || /^1 \d{4}-\d{2}-\d{2}T/.test(line.slice(i, i + 14)))) return parse5424(line, i + 2, facility, severity);
  return parse3164(line, i, facility, severity, ctx);
}

function nextToken(line: string, i: number, name: string): [string, number] {
  const sp = line.indexOf(' ', i);
  if (sp < 0 || sp === i) bad(`RFC 5424 header ends before ${name}`);
  return [line.slice(i, sp), sp + 1];
}

function nil(s: string): string | null {
  return s === '-' ? null : s;
}

function parse5424(line: string, start: number, facility: number | null, severity: number | null): SyslogMessage {
  const [ts, i1] = nextToken(line, start, 'HOSTNAME');
  const [host, i2] = nextToken(line, i1, 'APP-NAME');
  const [app, i3] = nextToken(line, i2, 'PROCID');
  const [proc, i4] = nextToken(line, i3, 'MSGID');
  const [msgId, i5] = nextToken(line, i4, 'STRUCTURED-DATA');
  let i = i5;
  let time: number | null = null;
  if (ts !== '-') {
    time = parseIsoTime(ts, 'UTC', true);
    if (time === null || !ts.includes('T')) bad(`invalid RFC 5424 TIMESTAMP "${ts}"`);
  }
  const sdStart = i;
  const structuredData: SdElement[] = [];
  if (line.charCodeAt(i) === 45 /* - */) i++;
  else if (line.charCodeAt(i) === 91 /* [ */) {
    // Senders that write their own bracketed fields there (Check Point `[action:"Drop"; src:"…"]`): kept as MSG.
    try {
      i = parseStructuredData(line, i, structuredData);
    } catch {
      structuredData.length = 0;
      return { rfc: 5424, facility, severity, time, hostname: nil(host), appName: nil(app), procId: nil(proc), msgId: nil(msgId), structuredData, structuredDataText: null, message: line.slice(i) };
    }
  } else bad('STRUCTURED-DATA must be "-" or start with "["');
  const sdText = structuredData.length > 0 ? line.slice(sdStart, i) : null;
  let message = '';
  if (i < line.length) {
    if (line.charCodeAt(i) !== 32) bad('expected a space between STRUCTURED-DATA and MSG');
    message = line.slice(i + 1);
    if (message.charCodeAt(0) === 0xfeff) message = message.slice(1);
  }
  return { rfc: 5424, facility, severity, time, hostname: nil(host), appName: nil(app), procId: nil(proc), msgId: nil(msgId), structuredData, structuredDataText: sdText, message };
}

function parseStructuredData(line: string, start: number, out: SdElement[]): number {
  let i = start;
  while (line.charCodeAt(i) === 91 /* [ */) {
    let j = i + 1;
    while (j < line.length && !' ]="'.includes(line[j]!)) j++;
    const id = line.slice(i + 1, j);
    if (id === '' || id.length > 32) bad(`invalid SD-ID "${id}"`);
    const params: Array<[string, string]> = [];
    while (line.charCodeAt(j) === 32) {
      const eq = line.indexOf('="', j + 1);
      if (eq < 0) bad(`SD-PARAM without ="value" in [${id}]`);
      const name = line.slice(j + 1, eq);
      if (name === '' || name.length > 32 || /[\s\]"=]/.test(name)) bad(`invalid PARAM-NAME "${name}" in [${id}]`);
      let value = '';
      let k = eq + 2;
      let seg = k;
      for (;;) {
        if (k >= line.length) bad(`unterminated PARAM-VALUE of ${name} in [${id}]`);
        const c = line.charCodeAt(k);
        if (c === 92 /* \ */ && k + 1 < line.length && '"\\]'.includes(line[k + 1]!)) {
          value += line.slice(seg, k) + line[k + 1]!;
          k += 2;
          seg = k;
          continue;
        }
        if (c === 34 /* " */) break;
        k++;
      }
      value += line.slice(seg, k);
      params.push([name, value]);
      j = k + 1;
    }
    if (line.charCodeAt(j) !== 93 /* ] */) bad(`SD-ELEMENT [${id}] is not closed`);
    out.push({ id, params });
    i = j + 1;
  }
  return i;
}

const BSD_TIME = /^([A-Za-z]{3}) {1,2}(\d{1,2}) (?:(\d{4}) )?(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?(?: (\d{4})(?= ))?/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T[^\s,;|]+/;
// `2018/10/05 09:52:14 HOST` or `2018-10-05 10:52:13 HOST` (Huawei USG and other appliances), no zone.
const SPACED_TIME = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2}) (\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?)(?= )/;
const TAG = /^([^\s:[\]]{1,48})(?:\[([^\]\s]{0,128})\])?: ?/;

/** A wall time with its year in `zone`, or null for a year before 1000, a day the month lacks, or beyond 9999 UTC. */
function datedWallTime(year: number, month: number, day: number, h: number, mi: number, s: number, ms: number, zone: string): number | null {
  if (year < 1000 || day > daysInMonth(year, month)) return null;
  return inTimeRange(wallTimeToUtc(zone, year, month, day, h, mi, Math.min(s, 59), ms));
}

function withoutHeader(facility: number | null, severity: number | null, time: number | null): SyslogMessage {
  return { rfc: 3164, facility, severity, time, hostname: null, appName: null, procId: null, msgId: null, structuredData: [], structuredDataText: null, message: '' };
}

function parse3164(line: string, start: number, facility: number | null, severity: number | null, ctx: ParseContext): SyslogMessage {
  const rest = line.slice(start);
  let time: number | null;
  let i: number;
  const iso = ISO_TIME.exec(rest);
  const spaced = iso === null ? SPACED_TIME.exec(rest) : null;
  const bsd = iso === null && spaced === null ? BSD_TIME.exec(rest) : null;
  if (iso !== null) {
    time = parseIsoTime(iso[0], ctx.timeZone);
    if (time === null) bad(`invalid timestamp "${iso[0]}"`);
    i = iso[0].length;
    // A CSV record that starts with its time (Exchange logs): the time is read, the whole line is the message.
    if (/^[,;|\t]/.test(rest.slice(i, i + 1))) return { ...withoutHeader(facility, severity, time), message: rest };
  } else if (spaced !== null) {
    time = parseIsoTime(`${spaced[1]}-${spaced[3]!.padStart(2, '0')}-${spaced[4]!.padStart(2, '0')}T${spaced[5]}`, ctx.timeZone);
    if (time === null) bad(`invalid timestamp "${spaced[0]}"`);
    i = spaced[0].length;
  } else if (bsd !== null) {
    const month = MONTHS[bsd[1]!.toLowerCase()];
    const day = Number(bsd[2]);
    const [h, mi, s] = [Number(bsd[4]), Number(bsd[5]), Number(bsd[6])];
    if (month === undefined || !plausibleTime(month, day, h, mi, s)) bad(`invalid timestamp "${bsd[0]}"`);
    const ms = bsd[7] === undefined ? 0 : Number((bsd[7] + '00').slice(0, 3));
    const year = bsd[3] ?? bsd[8];
    time = year === undefined ? resolveYearless(month, day, h, mi, s, ms, ctx.timeZone, ctx.receivedAt) : datedWallTime(Number(year), month, day, h, mi, s, ms, ctx.timeZone);
    if (year !== undefined && time === null) bad(`invalid timestamp "${bsd[0]}"`);
    i = bsd[0].length;
  } else return readWithoutHeader(rest, facility, severity, ctx);
  if (rest.charCodeAt(i) === 58 /* : (Cisco) */) i++;
  while (rest.charCodeAt(i) === 32) i++;
  let hostname: string | null = null;
  const sp = rest.indexOf(' ', i);
  const token = rest.slice(i, sp < 0 ? rest.length : sp);
  if (token !== '' && !token.startsWith('CEF:') && !token.endsWith(':') && !token.endsWith(']')) {
    hostname = token;
    i = sp < 0 ? rest.length : sp + 1;
  }
  let body = rest.slice(i);
  // A relay's header before the device's own (Cisco): the device's time is the event's, with its zone.
  const device = devicePrefix(body, ctx);
  if (device !== null) {
    time = device.time;
    body = device.message;
  }
  let appName: string | null = null;
  let procId: string | null = null;
  // A Cisco `%FACILITY-SEVERITY-MNEMONIC:` is the message's own start, not a program name.
  if (!body.startsWith('CEF:') && !body.startsWith('%')) {
    const tag = TAG.exec(body);
    if (tag !== null) {
      appName = tag[1]!;
      procId = tag[2] ?? null;
      body = body.slice(tag[0].length);
    }
  }
  return { rfc: 3164, facility, severity, time, hostname, appName, procId, msgId: null, structuredData: [], structuredDataText: null, message: body };
}
