import type { NormalizedAlert, SeverityLevel } from '@lachan/contracts';
import { finishAlert, newAlert } from '../alert.ts';
import { fail } from '../failure.ts';
import { normaliseIp } from '../ip.ts';
import { field, isObject, num, parseJsonObject, str, type JsonObject } from '../json-record.ts';
import { ObservableSet } from '../observable-set.ts';
import { severityFromPriority, severityFromScore, severityFromTen, severityFromWord } from '../severity.ts';
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
 * | `kibana.alert.rule.name`, `rule.name`, `rule.description`, `event.reason`, `message`, `event.action`, `threat.technique.name`, `vulnerability.id`, `threat.indicator.name`, `file.name` (first present); else `<product> <event.code or category> [on <host>]` | title |
 * | `kibana.alert.reason`, `message`, `rule.description` (not already the title) | description          |
 * | `kibana.alert.rule.rule_id`, `rule.id`, `rule.uuid`             | ruleId                            |
 * | `kibana.alert.rule.name`, `rule.name`                           | ruleName                          |
 * | `observer.vendor`/`product`; Kibana alerts: Elastic / Elastic Security; else `event.module` | vendor / product |
 * | `kibana.alert.severity` (low…critical)                          | severity, when present            |
 * | else `kibana.alert.risk_score` / `event.risk_score` / `event.risk_score_norm` 0–100 | 0–21 → 1, 22–47 → 2, 48–73 → 3, 74–100 → 4 |
 * | else a severity word of the vendor's own fields (`<vendor>.….severity`, `…SeverityName`: low…critical) | that word |
 * | else `event.severity` (the source's own scale): Defender for Endpoint and PAN-OS by their pipelines' scales (`SOURCE_SCALES`); Suricata/Snort rule priority (1 → 3, 2 → 2, ≥ 3 → 1); 0–10 as CEF (0–3 → 1, 4–6 → 2, 7–8 → 3, 9–10 → 4); 11–100 in the risk-score bands | |
 * | else                                                            | 2                                 |
 * | `threat.technique.id`, `.subtechnique.id` (also the Kibana rule's `threat[]`) | attackTechniques    |
 * | `source.*`, `destination.*`, `network.transport`                | src/dst ip and port, protocol     |
 * | `host.name` / `host.hostname`, `host.ip`                        | assetHostname, assetIp            |
 * | source/destination, url, dns, file/process hashes, user, email, related.*, threat indicators | observables |
 * | `rule.category` (IDS classtype), `Scan::*` notices, `event.category` | RSIT (see ecs-fields.ts)     |
 * | `tags[]` (pipeline control tags dropped)                        | tags                              |
 * | `file.path`, `file.name`, `process.executable`, `process.command_line`, `registry.path` | eventKey (dedup) |
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
  a.title = ruleName ?? ruleDescription ?? firstText(doc, TITLE_FIELDS) ?? '';
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
  a.eventKey = EVENT_KEY_FIELDS.map((p) => str(field(doc, p))).filter((k): k is string => k !== null);
  const obs = new ObservableSet();
  ecsObservables(doc, obs);
  return finishAlert(a, obs, fallbackTitle(doc, a));
}

/** What tells events of one rule apart beyond observables (dedup): the file, the executable and its command line. */
const EVENT_KEY_FIELDS = ['file.path', 'file.name', 'process.executable', 'process.command_line', 'registry.path'];

const TITLE_FIELDS = ['event.reason', 'message', 'event.action', 'threat.technique.name', 'vulnerability.id', 'threat.indicator.name', 'file.name'];

/** The first text among `paths` (the first element of an array). */
function firstText(doc: JsonObject, paths: string[]): string | null {
  for (const p of paths) {
    const v = field(doc, p);
    const s = str(Array.isArray(v) ? v[0] : v);
    if (s !== null) return s;
  }
  return null;
}

/** A title for an alert that names nothing: what reported it, which event code or category, on which host. */
function fallbackTitle(doc: JsonObject, a: NormalizedAlert): string {
  const source = [a.vendor, a.product].filter((x) => x !== null).join(' ') || (str(field(doc, 'event.dataset')) ?? 'ECS');
  const what = firstText(doc, ['event.code', 'event.category', 'event.type']) ?? 'alert';
  const host = a.assetHostname ?? a.assetIp;
  return `${source} ${what}${host === null ? '' : ` on ${host}`}`;
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

/**
 * `event.severity` scales that Elastic's pipelines write for a source (by `observer.product`), index =
 * the number: Defender for Endpoint 0 unspecified, 1 informational, 2 low, 3 medium, 4 high; PAN-OS
 * 1 critical, 2 high, 3 medium, 4 low, 5 informational.
 */
const SOURCE_SCALES: Record<string, ReadonlyArray<SeverityLevel | null>> = {
  'defender for endpoint': [null, 1, 1, 2, 3],
  'pan-os': [null, 4, 3, 2, 1, 1],
};

function severity(doc: JsonObject, a: NormalizedAlert): void {
  const word = str(field(doc, 'kibana.alert.severity')) ?? str(field(doc, 'kibana.alert.rule.severity')) ?? str(field(doc, 'signal.rule.severity'));
  const fromWord = word === null ? null : severityFromWord(word);
  if (fromWord !== null && word !== null) return set(a, fromWord, word);
  for (const path of ['kibana.alert.risk_score', 'kibana.alert.rule.risk_score', 'signal.rule.risk_score', 'event.risk_score', 'event.risk_score_norm']) {
    const score = num(field(doc, path));
    const level = score === null ? null : severityFromScore(score);
    if (level !== null) return set(a, level, String(score));
  }
  const vendorWord = vendorSeverityWord(doc);
  if (vendorWord !== null) return set(a, severityFromWord(vendorWord)!, vendorWord);
  const sev = num(field(doc, 'event.severity'));
  const scale = SOURCE_SCALES[(str(field(doc, 'observer.product')) ?? '').toLowerCase()];
  const scaled = sev === null || scale === undefined ? null : (scale[sev] ?? null);
  if (scaled !== null) return set(a, scaled, String(sev));
  if (sev !== null && scale === undefined) {
    const products = [field(doc, 'event.module'), field(doc, 'observer.product'), field(doc, 'observer.vendor')].map((p) => (str(p) ?? '').toLowerCase());
    const level = products.some((p) => PRIORITY_PRODUCTS.has(p)) ? severityFromPriority(sev) : Number.isInteger(sev) && sev >= 0 && sev <= 10 ? severityFromTen(sev) : severityFromScore(sev);
    if (level !== null) return set(a, level, String(sev));
  }
  a.severity = 2;
  a.sourceSeverity = word ?? (sev === null ? null : String(sev));
}

/** Top-level groups defined by ECS itself; anything else is a vendor's own namespace (`crowdstrike`, `m365_defender`…). */
const ECS_GROUPS = new Set([
  '@timestamp', 'agent', 'as', 'client', 'cloud', 'container', 'data_stream', 'destination', 'device', 'dll', 'dns', 'ecs', 'email', 'error',
  'event', 'faas', 'file', 'group', 'host', 'http', 'input', 'kibana', 'labels', 'log', 'message', 'network', 'observer', 'orchestrator',
  'organization', 'package', 'process', 'registry', 'related', 'rule', 'server', 'service', 'signal', 'source', 'span', 'tags', 'threat',
  'tls', 'trace', 'transaction', 'url', 'user', 'user_agent', 'vulnerability',
]);
const SEVERITY_KEY = /^(?:severity|severity_?name|threat_?severity|alert_?severity)$/i;

/** A severity word (low…critical) in the vendor's own fields, searched three levels deep; null when none. */
function vendorSeverityWord(doc: JsonObject): string | null {
  const search = (o: JsonObject, depth: number): string | null => {
    for (const [k, v] of Object.entries(o)) {
      if (typeof v === 'string' && SEVERITY_KEY.test(k.slice(k.lastIndexOf('.') + 1)) && severityFromWord(v) !== null) return v;
      if (depth < 3 && isObject(v)) {
        const found = search(v, depth + 1);
        if (found !== null) return found;
      }
    }
    return null;
  };
  for (const [k, v] of Object.entries(doc)) {
    const group = k.split('.')[0]!;
    if (ECS_GROUPS.has(group)) continue;
    if (typeof v === 'string' && SEVERITY_KEY.test(k.slice(k.lastIndexOf('.') + 1)) && severityFromWord(v) !== null) return v;
    if (isObject(v)) {
      const found = search(v, 1);
      if (found !== null) return found;
    }
  }
  return null;
}

function set(a: NormalizedAlert, level: SeverityLevel, source: string): void {
  a.severity = level;
  a.sourceSeverity = source;
}
