import type { NormalizedAlert } from '@lachan/contracts';
import { finishAlert, newAlert, protocolName } from '../alert.ts';
import { fail } from '../failure.ts';
import { normaliseIp } from '../ip.ts';
import { field, int, isObject, parseJsonObject, port, str, strings, type JsonObject } from '../json-record.ts';
import { ObservableSet } from '../observable-set.ts';
import { readTime } from '../time.ts';
import type { ParseContext } from '../types.ts';
import { parseWazuhFinding } from './wazuh-findings.ts';
import { rsitOfWazuhGroups, severityFromWazuhLevel } from './wazuh-tables.ts';

/**
 * Wazuh alerts (formats.md §1): the 4.x `alerts.json` line (also what integratord pushes), and Wazuh 5
 * ECS-style findings (`wazuh.rule.*`, see wazuh-findings.ts; read as findings even when they also carry
 * the source's own ECS `rule`). A record with neither `rule` nor `wazuh.rule` (an archives event) is
 * `not_an_alert`.
 *
 * | Wazuh 4.x field                           | normalised                                          |
 * |-------------------------------------------|-----------------------------------------------------|
 * | `timestamp` (`+0000`), else `@timestamp`  | eventTime (UTC)                                     |
 * | `id` (`<epoch>.<offset>`)                 | sourceRef                                           |
 * | `rule.description`                        | title, ruleName                                     |
 * | `rule.id`                                 | ruleId                                              |
 * | `rule.level` 0–4 / 5–7 / 8–11 / 12–15     | severity 1 / 2 / 3 / 4; sourceSeverity = the level  |
 * | `rule.mitre.id[]`                         | attackTechniques                                    |
 * | `rule.groups[]`                           | tags; RSIT (table in wazuh-tables.ts)               |
 * | `full_log`                                | description                                         |
 * | `data.srcip`/`srcport`, `data.dstip`/`dstport` (or EVE-style `data.src_ip`…) | srcIp/srcPort, dstIp/dstPort |
 * | `data.protocol` / `data.proto`            | protocol                                            |
 * | `agent.name`, `agent.ip` (else `predecoder.hostname`) | assetHostname, assetIp                  |
 * | `data.srcip`/`dstip` (src/dst), `data.srcuser`/`dstuser` (user), `data.url`, `syscheck.{md5,sha1,sha256}_after`, `data.virustotal.source.{md5,sha1}` | observables |
 * | `syscheck.path`, `data.file`, `data.process`, `data.command`, `data.win.eventdata.{image,commandLine}`, `data.audit.exe` | eventKey (dedup) |
 * vendor and product `Wazuh`.
 */
export function parseWazuh(record: string, ctx: ParseContext): NormalizedAlert {
  const doc = parseJsonObject(record);
  // A finding's own `rule` is the source's (GuardDuty finding type, SCA check): `wazuh.rule` decides first.
  if (isObject(field(doc, 'wazuh.rule'))) return parseWazuhFinding(doc, ctx);
  if (isObject(doc.rule)) return mapWazuh4(doc, doc.rule, ctx);
  fail('not_an_alert', 'no rule object: not a Wazuh alert');
}

function ip(v: unknown): string | null {
  const s = str(v);
  return s === null ? null : (normaliseIp(s)?.value ?? null);
}

function mapWazuh4(doc: JsonObject, rule: JsonObject, ctx: ParseContext): NormalizedAlert {
  if (rule.level === undefined || rule.level === null) fail('missing_field', 'rule.level is missing');
  const level = int(rule.level);
  if (level === null || level < 0 || level > 16) fail('invalid_value', `rule.level ${JSON.stringify(rule.level)} is not a level 0–16`);
  const data = isObject(doc.data) ? doc.data : {};

  const a = newAlert('wazuh');
  a.eventTime = readTime(doc.timestamp ?? doc['@timestamp'], ctx.timeZone, ctx.receivedAt);
  a.sourceRef = str(doc.id);
  a.vendor = 'Wazuh';
  a.product = 'Wazuh';
  a.title = str(rule.description) ?? '';
  a.ruleName = str(rule.description);
  a.ruleId = str(rule.id);
  a.description = str(doc.full_log);
  a.severity = severityFromWazuhLevel(level);
  a.sourceSeverity = String(level);
  a.attackTechniques = strings(field(rule, 'mitre.id'));

  a.srcIp = ip(data.srcip ?? data.src_ip);
  a.srcPort = port(data.srcport ?? data.src_port);
  a.dstIp = ip(data.dstip ?? data.dest_ip);
  a.dstPort = port(data.dstport ?? data.dest_port);
  a.protocol = protocolName(data.protocol ?? data.proto);
  a.assetHostname = str(field(doc, 'agent.name')) ?? str(field(doc, 'predecoder.hostname'));
  a.assetIp = ip(field(doc, 'agent.ip'));

  const groups = strings(rule.groups);
  const rsit = rsitOfWazuhGroups(groups, str(field(data, 'virustotal.malicious')) === '1');
  a.rsitClass = rsit.rsitClass;
  a.rsitType = rsit.rsitType;
  a.tags = groups;
  a.eventKey = eventKey(doc, data);

  return finishAlert(a, observables(doc, data), `Wazuh rule ${a.ruleId ?? ''}`.trim());
}

/** What tells events of one rule apart beyond observables: the file of an integrity event, the process or command. */
function eventKey(doc: JsonObject, data: JsonObject): string[] {
  const keys = [field(doc, 'syscheck.path'), data.file, data.process, data.command, field(data, 'win.eventdata.image'), field(data, 'win.eventdata.commandLine'), field(data, 'audit.exe')];
  return keys.map((k) => str(k)).filter((k): k is string => k !== null);
}

function observables(doc: JsonObject, data: JsonObject): ObservableSet {
  const obs = new ObservableSet();
  obs.addIp(data.srcip ?? data.src_ip, 'src');
  obs.add('user', data.srcuser, 'src');
  obs.addIp(data.dstip ?? data.dest_ip, 'dst');
  obs.add('user', data.dstuser, 'dst');
  obs.addUrl(data.url, 'related');
  const syscheck = doc.syscheck;
  if (isObject(syscheck)) {
    for (const key of ['md5_after', 'sha1_after', 'sha256_after']) obs.addHash(syscheck[key], 'related');
  }
  for (const key of ['virustotal.source.md5', 'virustotal.source.sha1', 'virustotal.source.sha256']) obs.addHash(field(data, key), 'related');
  return obs;
}
