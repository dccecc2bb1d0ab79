import type { NormalizedAlert } from '@lachan/contracts';
import { protocolName } from '../alert.ts';
import { normaliseIp } from '../ip.ts';
import { port } from '../json-record.ts';
import type { ObservableSet } from '../observable-set.ts';
import { parseEpoch, parseIsoTime, toIso, zoneOf } from '../time.ts';
import type { ParseContext } from '../types.ts';

/**
 * Key=value firewall messages (SonicWall, FortiGate, Sophos, Barracuda, Juniper and the like), inside a
 * syslog MSG or as the bare line. Values are `bare` (a trailing list comma dropped) or `"quoted"`. Read
 * only when the MSG has at least three pairs and one of the address keys below, or `date=` and `time=`
 * (FortiGate and FortiMail event logs).
 *
 * | keys                                                            | normalised                         |
 * |-----------------------------------------------------------------|------------------------------------|
 * | `src`, `srcip`, `src_ip`, `source_address`, `source-ip`; SonicWall `ip:port[:iface[:host]]` | srcIp (srcPort) |
 * | `dst`, `dstip`, `dst_ip`, `destination_address`, `destination-ip`; same form | dstIp (dstPort)         |
 * | `srcport`, `src_port`, `spt`, `sport`, `source-port`; `dstport`, `dst_port`, `dpt`, `dport`, `destination-port` | srcPort, dstPort |
 * | `proto` (`tcp`, `tcp/https`, `6`), `protocol`                   | protocol                           |
 * | `time="yyyy-mm-dd hh:mm:ss[ zone]"`; `date=` + `time=` (+ `tz=` or `timezone=`); `eventtime` (epoch s/ms/µs/ns) | eventTime, when the syslog header had none |
 * | `msg`                                                           | title (the whole line: description) |
 * | `logid`, `eventid`, `event_id`, SonicWall `m`                   | ruleId                             |
 * | `pri` (syslog 0–7), `level` / `severity` (syslog words)         | severity, when the syslog PRI is absent |
 */

const PAIR = /(?:^|\s)([A-Za-z_][\w.-]{0,63})=("(?:[^"\\]|\\.)*"|\S*)/g;
const SRC_KEYS = ['src', 'srcip', 'src_ip', 'source_address', 'source-ip'];
const DST_KEYS = ['dst', 'dstip', 'dst_ip', 'destination_address', 'destination-ip'];
const ADDRESS_KEYS = [...SRC_KEYS, ...DST_KEYS];

/** The key=value pairs of a message (first value of a repeated key wins), or null when it is not one. */
export function keyValues(text: string): Map<string, string> | null {
  const pairs = new Map<string, string>();
  for (const m of text.matchAll(PAIR)) {
    const key = m[1]!.toLowerCase();
    const raw = m[2]!;
    // Bare values end before a list comma (Huawei `SrcIp=1.1.1.1, DstIp=…`).
    const value = raw.startsWith('"') && raw.endsWith('"') && raw.length >= 2 ? raw.slice(1, -1).replace(/\\(.)/g, '$1') : raw.replace(/,$/, '');
    if (!pairs.has(key)) pairs.set(key, value);
  }
  const dated = pairs.has('date') && pairs.has('time');
  if (pairs.size < 3 || !(dated || ADDRESS_KEYS.some((k) => pairs.has(k)))) return null;
  return pairs;
}

function first(kv: Map<string, string>, keys: string[]): string | null {
  for (const k of keys) {
    const v = kv.get(k)?.trim();
    if (v !== undefined && v !== '') return v;
  }
  return null;
}

/** `ip`, `ip:port`, SonicWall `ip:port:iface[:host]`, `[v6]:port`; IPv6 literals as they are. */
function endpoint(v: string | null): { ip: string | null; port: number | null } {
  if (v === null) return { ip: null, port: null };
  const whole = normaliseIp(v);
  if (whole !== null) return { ip: whole.value, port: null };
  const bracket = /^\[([^\]]+)\](?::(\d{1,5}))?/.exec(v);
  if (bracket !== null) return { ip: normaliseIp(bracket[1]!)?.value ?? null, port: port(bracket[2]) };
  const parts = v.split(':');
  return { ip: normaliseIp(parts[0]!)?.value ?? null, port: port(parts[1]) };
}

function kvTime(kv: Map<string, string>, ctx: ParseContext): string | null {
  const zone = zoneOf(kv.get('tz') ?? kv.get('timezone') ?? '') ?? ctx.timeZone;
  const time = kv.get('time');
  const date = kv.get('date');
  let ms: number | null = null;
  if (time !== undefined && /^\d{4}-\d{2}-\d{2}[ T]/.test(time)) ms = parseIsoTime(time, zone);
  else if (time !== undefined && date !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(date)) ms = parseIsoTime(`${date}T${time}`, zone);
  const epoch = kv.get('eventtime');
  if (ms === null && epoch !== undefined && /^\d{10,19}$/.test(epoch)) ms = parseEpoch(Number(epoch.slice(0, 13)));
  return ms === null ? null : toIso(ms);
}

const LEVELS: Record<string, number> = {
  emerg: 0, emergency: 0, alert: 1, crit: 2, critical: 2, err: 3, error: 3, warn: 4, warning: 4, notice: 5, info: 6, information: 6, informational: 6, debug: 7,
};

/** The syslog severity (0–7) the pairs declare, or null. */
export function kvSyslogSeverity(kv: Map<string, string>): number | null {
  const pri = kv.get('pri');
  if (pri !== undefined && /^[0-7]$/.test(pri)) return Number(pri);
  const word = first(kv, ['level', 'severity']);
  return word === null ? null : (LEVELS[word.toLowerCase()] ?? null);
}

/** Applies the pairs to the alert (fields the syslog header left empty) and adds the endpoints as observables. */
export function applyKeyValues(kv: Map<string, string>, a: NormalizedAlert, obs: ObservableSet, ctx: ParseContext): void {
  const src = endpoint(first(kv, SRC_KEYS));
  const dst = endpoint(first(kv, DST_KEYS));
  a.srcIp = src.ip;
  a.dstIp = dst.ip;
  a.srcPort = port(first(kv, ['srcport', 'src_port', 'spt', 'sport', 'source-port'])) ?? src.port;
  a.dstPort = port(first(kv, ['dstport', 'dst_port', 'dpt', 'dport', 'destination-port'])) ?? dst.port;
  const proto = first(kv, ['proto', 'protocol']);
  a.protocol = proto === null ? null : protocolName(proto.split('/')[0]);
  a.eventTime ??= kvTime(kv, ctx);
  const msg = first(kv, ['msg']);
  if (msg !== null) {
    a.description = a.description === null ? a.title : `${a.title}\n${a.description}`;
    a.title = msg;
  }
  a.ruleId ??= first(kv, ['logid', 'eventid', 'event_id', 'm']);
  obs.addIp(src.ip, 'src');
  obs.addIp(dst.ip, 'dst');
}
