import type { NormalizedAlert, SeverityLevel } from '@lachan/contracts';
import { finishAlert, newAlert } from '../alert.ts';
import { fail } from '../failure.ts';
import { normaliseIp } from '../ip.ts';
import { field, isObject, num, parseJsonObject, str, type JsonObject } from '../json-record.ts';
import { ObservableSet } from '../observable-set.ts';
import { severityFromPriority, severityFromScore, severityFromWord } from '../severity.ts';
import type { ParseContext } from '../types.ts';
import { ecsEventTime, ecsNetwork, ecsObservables, ecsRsit, ecsTags, ecsTechniques } from './ecs-fields.ts';

/**
 * Elastic Common Schema alert documents (formats.md §3), nested or with flattened dotted keys (Kibana
 * alert documents), including Kibana detection alerts (`kibana.alert.*`, `signal.*`).
 * Accepted when `event.kind` is `alert` or `signal`; without `event.kind`, when `rule.*` or `threat.*` is
 * present; anything else is `not_an_alert`.
 *
 * | ECS field                                                       | normalised                        |
 * |-----------------------------------------------------------------|-----------------------------------|
 * | `kibana.alert.original_time`, else `@timestamp`                 | eventTime (UTC)                   |
 * | `event.id`, else `kibana.alert.uuid`                            | sourceRef                         |
 * | `kibana.alert.rule.name`, `rule.name`, `rule.description`, `message` (first present) | title  |
 * | `kibana.alert.reason`, `message`, `rule.description` (not already the title) | description          |
 * | `kibana.alert.rule.rule_id`, `rule.id`, `rule.uuid`             | ruleId                            |
 * | `kibana.alert.rule.name`, `rule.name`                           | ruleName                          |
 * | `observer.vendor`/`product`; Kibana alerts: Elastic / Elastic Security; else `event.module` | vendor / product |
 * | `kibana.alert.severity` (low…critical)                          | severity, when present            |
 * | else `kibana.alert.risk_score` / `event.risk_score` 0–100        | 0–21 → 1, 22–47 → 2, 48–73 → 3, 74–100 → 4 |
 * | else `event.severity` 0–100, same bands; for Suricata/Snort documents it is the rule priority (1 → 3, 2 → 2, ≥ 3 → 1) | |
 * | else                                                            | 2                                 |
 * | `threat.technique.id`, `.subtechnique.id` (also the Kibana rule's `threat[]`) | attackTechniques    |
 * | `source.*`, `destination.*`, `network.transport`                | src/dst ip and port, protocol     |
 * | `host.name` / `host.hostname`, `host.ip`                        | assetHostname, assetIp            |
 * | source/destination, url, dns, file/process hashes, user, email, related.*, threat indicators | observables |
 * | `rule.category` (IDS classtype), `Scan::*` notices, `event.category` | RSIT (see ecs-fields.ts)     |
 * | `tags[]` (pipeline control tags dropped)                        | tags                              |
 */
export function parseEcs(record: string, ctx: ParseContext): NormalizedAlert {
  const doc = parseJsonObject(record);
  const kind = str(field(doc, 'event.kind'));
  if (kind !== null && kind !== 'alert' && kind !== 'signal') fail('not_an_alert', `event.kind "${kind}" is not alert or signal`);
  const kibana = field(doc, 'kibana.alert.rule.name') !== undefined || field(doc, 'signal.rule.name') !== undefined;
  if (kind === null && !kibana && !hasGroup(doc, 'rule') && !hasGroup(doc, 'threat')) fail('not_an_alert', 'no event.kind and no rule.* or threat.* fields');
  return mapEcs(doc, ctx, kibana);
}

function mapEcs(doc: JsonObject, ctx: ParseContext, kibana: boolean): NormalizedAlert {
  const a = newAlert('ecs');
  a.eventTime = ecsEventTime(doc, ctx);
  a.sourceRef = str(field(doc, 'event.id')) ?? str(field(doc, 'kibana.alert.uuid'));
  const ruleName = str(field(doc, 'kibana.alert.rule.name')) ?? str(field(doc, 'signal.rule.name')) ?? str(field(doc, 'rule.name'));
  const ruleDescription = str(field(doc, 'rule.description'));
  const message = str(field(doc, 'message'));
  a.title = ruleName ?? ruleDescription ?? message ?? str(field(doc, 'event.action')) ?? '';
  a.description = [str(field(doc, 'kibana.alert.reason')), message, ruleDescription].find((d) => d !== null && d !== a.title) ?? null;
  a.ruleId = str(field(doc, 'kibana.alert.rule.rule_id')) ?? str(field(doc, 'rule.id')) ?? str(field(doc, 'rule.uuid')) ?? str(field(doc, 'kibana.alert.rule.uuid'));
  a.ruleName = ruleName;
  a.vendor = str(field(doc, 'observer.vendor')) ?? (kibana ? 'Elastic' : null);
  a.product = str(field(doc, 'observer.product')) ?? (kibana ? 'Elastic Security' : (str(field(doc, 'event.module')) ?? datasetModule(doc)));
  severity(doc, a);
  a.attackTechniques = ecsTechniques(doc);
  ecsNetwork(doc, a);
  a.assetHostname = str(field(doc, 'host.name')) ?? str(field(doc, 'host.hostname'));
  const hostIp = str(field(doc, 'host.ip'));
  a.assetIp = hostIp === null ? null : (normaliseIp(hostIp)?.value ?? null);
  const rsit = ecsRsit(doc);
  a.rsitClass = rsit.rsitClass;
  a.rsitType = rsit.rsitType;
  a.tags = ecsTags(doc);
  const obs = new ObservableSet();
  ecsObservables(doc, obs);
  return finishAlert(a, obs, 'ECS alert');
}

/** True when the document has `name` as an object or flattened `name.*` keys. */
function hasGroup(doc: JsonObject, name: string): boolean {
  if (isObject(doc[name])) return true;
  const prefix = `${name}.`;
  for (const k in doc) if (k.startsWith(prefix)) return true;
  return false;
}

function datasetModule(doc: JsonObject): string | null {
  const dataset = str(field(doc, 'event.dataset')) ?? str(field(doc, 'data_stream.dataset'));
  return dataset === null ? null : dataset.split('.')[0]!;
}

const PRIORITY_PRODUCTS = new Set(['suricata', 'snort']);

function severity(doc: JsonObject, a: NormalizedAlert): void {
  const word = str(field(doc, 'kibana.alert.severity')) ?? str(field(doc, 'kibana.alert.rule.severity')) ?? str(field(doc, 'signal.rule.severity'));
  const fromWord = word === null ? null : severityFromWord(word);
  if (fromWord !== null && word !== null) return set(a, fromWord, word);
  for (const path of ['kibana.alert.risk_score', 'kibana.alert.rule.risk_score', 'signal.rule.risk_score', 'event.risk_score']) {
    const score = num(field(doc, path));
    const level = score === null ? null : severityFromScore(score);
    if (level !== null) return set(a, level, String(score));
  }
  const sev = num(field(doc, 'event.severity'));
  if (sev !== null) {
    const products = [field(doc, 'event.module'), field(doc, 'observer.product'), field(doc, 'observer.vendor')].map((p) => (str(p) ?? '').toLowerCase());
    const level = products.some((p) => PRIORITY_PRODUCTS.has(p)) ? severityFromPriority(sev) : severityFromScore(sev);
    if (level !== null) return set(a, level, String(sev));
  }
  a.severity = 2;
  a.sourceSeverity = word ?? (sev === null ? null : String(sev));
}

function set(a: NormalizedAlert, level: SeverityLevel, source: string): void {
  a.severity = level;
  a.sourceSeverity = source;
}
