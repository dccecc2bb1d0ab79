import type { NormalizedAlert } from '@lachan/contracts';
import { finishAlert, newAlert } from '../alert.ts';
import { normaliseIp } from '../ip.ts';
import { field, int, str, strings, values, type JsonObject } from '../json-record.ts';
import { ObservableSet } from '../observable-set.ts';
import { severityFromWord } from '../severity.ts';
import type { ParseContext } from '../types.ts';
import { ecsEventTime, ecsNetwork, ecsObservables, ecsRsit, ecsTags } from './ecs-fields.ts';
import { severityFromWazuhLevel } from './wazuh-tables.ts';

/**
 * Wazuh 5 findings: ECS documents with a `wazuh.*` namespace (dashboard sample data, `wazuh-findings-*`).
 *
 * | field                                              | normalised                                   |
 * |----------------------------------------------------|----------------------------------------------|
 * | `@timestamp`                                       | eventTime                                    |
 * | `event.id`, else `event.doc_id`                    | sourceRef                                    |
 * | `wazuh.rule.title`                                 | title, ruleName                              |
 * | `wazuh.rule.id`                                    | ruleId                                       |
 * | `wazuh.rule.level` informational/low/medium/high/critical (or a 4.x number) | severity 1/1/2/3/4 (numbers as 4.x); sourceSeverity |
 * | `wazuh.rule.mitre.technique.id`, `.subtechnique.id` | attackTechniques                            |
 * | `event.original`, else `message`                   | description                                  |
 * | `wazuh.agent.host.hostname` (else `wazuh.agent.name`), `wazuh.agent.host.ip[0]` | assetHostname, assetIp |
 * | ECS endpoints, hashes, related.*, plus `wazuh.threat.enrichments.indicator` | network fields, observables |
 * | `event.category` (malware → malicious-code/infected-system, …, as ECS) | RSIT                       |
 * | `tags[]`, `wazuh.rule.tags[]`                      | tags                                         |
 * vendor and product `Wazuh`.
 */
export function parseWazuhFinding(doc: JsonObject, ctx: ParseContext): NormalizedAlert {
  const rule = field(doc, 'wazuh.rule');
  const a = newAlert('wazuh');
  a.eventTime = ecsEventTime(doc, ctx);
  a.sourceRef = str(field(doc, 'event.id')) ?? str(field(doc, 'event.doc_id'));
  a.vendor = 'Wazuh';
  a.product = 'Wazuh';
  a.title = str(field(rule, 'title')) ?? str(field(rule, 'description')) ?? '';
  a.ruleName = str(field(rule, 'title')) ?? str(field(rule, 'description'));
  a.ruleId = str(field(rule, 'id'));
  a.description = str(field(doc, 'event.original')) ?? str(field(doc, 'message'));

  const level = field(rule, 'level');
  const numeric = int(level);
  const word = str(level);
  a.severity = numeric !== null ? severityFromWazuhLevel(Math.max(0, numeric)) : ((word === null ? null : severityFromWord(word)) ?? 2);
  a.sourceSeverity = word;
  a.attackTechniques = [...strings(field(rule, 'mitre.technique.id')), ...strings(field(rule, 'mitre.subtechnique.id'))];

  ecsNetwork(doc, a);
  a.assetHostname = str(field(doc, 'wazuh.agent.host.hostname')) ?? str(field(doc, 'wazuh.agent.name')) ?? str(field(doc, 'host.name'));
  const agentIp = str(field(doc, 'wazuh.agent.host.ip')) ?? str(field(doc, 'host.ip'));
  a.assetIp = agentIp === null ? null : (normaliseIp(agentIp)?.value ?? null);
  const rsit = ecsRsit(doc);
  a.rsitClass = rsit.rsitClass;
  a.rsitType = rsit.rsitType;
  a.tags = [...ecsTags(doc), ...strings(field(rule, 'tags'))];

  const obs = new ObservableSet();
  ecsObservables(doc, obs);
  for (const h of ['md5', 'sha1', 'sha256']) {
    for (const v of values(doc, `wazuh.threat.enrichments.indicator.file.hash.${h}`)) obs.addHash(v, 'related');
  }
  return finishAlert(a, obs, `Wazuh finding ${a.ruleId ?? ''}`.trim());
}
