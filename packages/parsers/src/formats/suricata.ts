import type { NormalizedAlert, SeverityLevel } from '@lachan/contracts';
import { finishAlert, newAlert, protocolName } from '../alert.ts';
import { fail } from '../failure.ts';
import { normaliseIp } from '../ip.ts';
import { topLevelMember } from '../json-scan.ts';
import { field, int, isObject, parseJsonObject, port, str, strings, values, type JsonObject } from '../json-record.ts';
import { ObservableSet } from '../observable-set.ts';
import { severityFromPriority } from '../severity.ts';
import { readTime } from '../time.ts';
import type { ParseContext } from '../types.ts';
import { rsitOfClasstype } from './suricata-classtypes.ts';

/**
 * Suricata EVE JSON (formats.md §2). Only `event_type: "alert"` is an alert; other event types answer
 * `not_an_alert`.
 *
 * | EVE field                                   | normalised                                        |
 * |---------------------------------------------|---------------------------------------------------|
 * | `flow_id`:`alert.signature_id`:`timestamp`  | sourceRef (flow_id digits taken from the raw text: it exceeds 2^53) |
 * | `timestamp` (offset `+hhmm`)                | eventTime (UTC)                                   |
 * | `alert.signature`                           | title, ruleName                                   |
 * | `alert.gid`:`signature_id`:`rev`            | ruleId                                            |
 * | `alert.category`                            | description; RSIT via the classtype table         |
 * | `alert.severity` 1 / 2 / ≥3                 | severity 3 (4 when `metadata.signature_severity` has `Critical`) / 2 / 1; sourceSeverity |
 * | `alert.metadata.mitre_technique_id`, `mitre_attack` | attackTechniques                          |
 * | `src_ip`/`src_port`, `dest_ip`/`dest_port`, `proto` | srcIp/srcPort, dstIp/dstPort, protocol (lower case) |
 * | `alert.target.ip`, else the side not named by `metadata.hostile` | assetIp (null when the record names no victim) |
 * | `host` (sensor name)                        | tag `sensor:<host>`                               |
 * | `alert.action`, `alert.metadata.tag[]`      | tags (`action:allowed`/`action:blocked`, tags)    |
 * | src/dest ip, `http.hostname`, `http.url`, `dns.rrname`/`dns.queries[].rrname`, `tls.sni`, `fileinfo.{md5,sha1,sha256}` | observables |
 * vendor `OISF`, product `Suricata`.
 */
export function parseSuricata(record: string, ctx: ParseContext): NormalizedAlert {
  const eve = parseJsonObject(record);
  const eventType = str(eve.event_type);
  if (eventType === null) fail('missing_field', 'event_type is missing');
  if (eventType !== 'alert') fail('not_an_alert', `event_type "${eventType}" is not an alert`);
  const alert = eve.alert;
  if (!isObject(alert)) fail('missing_field', 'alert object is missing');

  const a = newAlert('suricata');
  const timestamp = str(eve.timestamp);
  a.eventTime = readTime(timestamp, ctx.timeZone, ctx.receivedAt);
  const sid = str(alert.signature_id);
  a.sourceRef = `${flowId(eve, record) ?? '-'}:${sid ?? '-'}:${timestamp ?? '-'}`;
  a.vendor = 'OISF';
  a.product = 'Suricata';
  a.title = str(alert.signature) ?? '';
  a.ruleName = str(alert.signature);
  a.ruleId = sid === null ? null : `${str(alert.gid) ?? '1'}:${sid}:${str(alert.rev) ?? '0'}`;
  const category = str(alert.category);
  a.description = category;
  const rsit = rsitOfClasstype(category);
  a.rsitClass = rsit.rsitClass;
  a.rsitType = rsit.rsitType;

  const priority = int(alert.severity);
  a.sourceSeverity = priority === null ? null : String(priority);
  a.severity = severity(priority, alert);
  a.attackTechniques = [...strings(field(alert, 'metadata.mitre_technique_id')), ...strings(field(alert, 'metadata.mitre_attack'))];

  a.srcIp = ip(eve.src_ip);
  a.srcPort = port(eve.src_port);
  a.dstIp = ip(eve.dest_ip);
  a.dstPort = port(eve.dest_port);
  a.protocol = protocolName(eve.proto);
  a.assetIp = victim(alert, a);

  const action = str(alert.action);
  if (action !== null) a.tags.push(`action:${action}`);
  const sensor = str(eve.host);
  if (sensor !== null) a.tags.push(`sensor:${sensor}`);
  a.tags.push(...strings(field(alert, 'metadata.tag')));

  return finishAlert(a, observables(eve), `Suricata alert ${a.ruleId ?? ''}`.trim());
}

function ip(v: unknown): string | null {
  const s = str(v);
  return s === null ? null : (normaliseIp(s)?.value ?? null);
}

function severity(priority: number | null, alert: JsonObject): SeverityLevel {
  const level = priority === null ? null : severityFromPriority(priority);
  if (level === null) return 2;
  if (level === 3 && strings(field(alert, 'metadata.signature_severity')).some((s) => s.toLowerCase() === 'critical')) return 4;
  return level;
}

/** The victim the record names: `alert.target`, or the side opposite `metadata.hostile`. */
function victim(alert: JsonObject, a: NormalizedAlert): string | null {
  const target = ip(field(alert, 'target.ip'));
  if (target !== null) return target;
  const hostile = strings(field(alert, 'metadata.hostile'));
  if (hostile.includes('src_ip')) return a.dstIp;
  if (hostile.includes('dest_ip')) return a.srcIp;
  return null;
}

/**
 * `flow_id` as exact digits. JSON.parse rounds integers above 2^53, so those are read from the raw text
 * of the top-level member (nested members of the same name and string contents cannot be mistaken for it).
 */
export function flowId(eve: JsonObject, raw: string): string | null {
  const parsed = eve.flow_id;
  if (typeof parsed === 'string') return /^\d+$/.test(parsed.trim()) ? parsed.trim() : null;
  if (typeof parsed !== 'number') return null;
  if (Number.isSafeInteger(parsed)) return String(parsed);
  const text = topLevelMember(raw, 'flow_id');
  return text !== null && /^\d+$/.test(text) ? text : null;
}

function observables(eve: JsonObject): ObservableSet {
  const obs = new ObservableSet();
  obs.addIp(eve.src_ip, 'src');
  obs.addIp(eve.dest_ip, 'dst');
  const host = str(field(eve, 'http.hostname'));
  if (host !== null) obs.addHost(host, 'related');
  const url = str(field(eve, 'http.url'));
  if (url !== null) {
    if (url.startsWith('/') && host !== null) {
      const p = port(field(eve, 'http.http_port'));
      obs.addUrl(`http://${host.includes(':') ? `[${host}]` : host}${p !== null && p !== 80 ? `:${p}` : ''}${url}`, 'related');
    } else obs.addUrl(url, 'related');
  }
  obs.add('domain', field(eve, 'tls.sni'), 'related');
  for (const name of values(eve, 'dns.rrname')) obs.add('domain', name, 'related');
  for (const name of values(eve, 'dns.queries.rrname')) obs.add('domain', name, 'related');
  for (const name of values(eve, 'dns.query.rrname')) obs.add('domain', name, 'related');
  for (const key of ['fileinfo.md5', 'fileinfo.sha1', 'fileinfo.sha256']) obs.addHash(field(eve, key), 'related');
  for (const key of ['files.md5', 'files.sha1', 'files.sha256']) for (const h of values(eve, key)) obs.addHash(h, 'related');
  return obs;
}
