import type { NormalizedAlert } from '@lachan/contracts';
import { protocolName } from '../alert.ts';
import { normaliseIp } from '../ip.ts';
import { field, port, str, strings, values, type JsonObject } from '../json-record.ts';
import type { ObservableSet } from '../observable-set.ts';
import { normaliseRsit, type Rsit } from '../rsit.ts';
import { readTime } from '../time.ts';
import type { ParseContext } from '../types.ts';
import { rsitOfClasstype } from './suricata-classtypes.ts';

/** Pieces of the ECS mapping shared by the `ecs` format and Wazuh 5 findings (which are ECS documents). */

/** `kibana.alert.original_time` (when the source event happened) else `@timestamp`, as ISO UTC. */
export function ecsEventTime(doc: JsonObject, ctx: ParseContext): string | null {
  for (const path of ['kibana.alert.original_time', 'signal.original_time', '@timestamp', 'event.created']) {
    const v = field(doc, path);
    if (v !== undefined && v !== null) {
      const t = readTime(v, ctx.timeZone, ctx.receivedAt);
      if (t !== null) return t;
    }
  }
  return null;
}

function ip(v: unknown): string | null {
  const s = str(v);
  return s === null ? null : (normaliseIp(s)?.value ?? null);
}

/** source/destination endpoints and the transport protocol. */
export function ecsNetwork(doc: JsonObject, a: NormalizedAlert): void {
  a.srcIp = ip(field(doc, 'source.ip')) ?? ip(field(doc, 'source.address'));
  a.srcPort = port(field(doc, 'source.port'));
  a.dstIp = ip(field(doc, 'destination.ip')) ?? ip(field(doc, 'destination.address'));
  a.dstPort = port(field(doc, 'destination.port'));
  a.protocol = protocolName(field(doc, 'network.transport') ?? field(doc, 'network.protocol') ?? field(doc, 'network.iana_number'));
}

/** ATT&CK ids from `threat.*` and the Kibana rule's `threat[]` (techniques and sub-techniques). */
export function ecsTechniques(doc: JsonObject): string[] {
  const out: string[] = [];
  for (const prefix of ['threat', 'kibana.alert.rule.threat', 'signal.rule.threat']) {
    for (const v of values(doc, `${prefix}.technique.id`)) if (typeof v === 'string') out.push(v);
    for (const v of values(doc, `${prefix}.technique.subtechnique.id`)) if (typeof v === 'string') out.push(v);
  }
  return out;
}

const HASHES = ['md5', 'sha1', 'sha256'];
const INDICATOR_PREFIXES = ['threat.indicator', 'threat.enrichments.indicator'];

/** Observables from the ECS endpoint, artefact and pivot fields. */
export function ecsObservables(doc: JsonObject, obs: ObservableSet): void {
  obs.addIp(field(doc, 'source.ip') ?? field(doc, 'source.address'), 'src');
  obs.addHost(field(doc, 'source.domain'), 'src');
  obs.add('user', field(doc, 'source.user.name'), 'src');
  obs.addIp(field(doc, 'destination.ip') ?? field(doc, 'destination.address'), 'dst');
  obs.addHost(field(doc, 'destination.domain'), 'dst');
  obs.add('user', field(doc, 'destination.user.name'), 'dst');
  obs.addUrl(field(doc, 'url.full') ?? field(doc, 'url.original'), 'related');
  obs.addHost(field(doc, 'url.domain'), 'related');
  for (const v of values(doc, 'dns.question.name')) obs.add('domain', v, 'related');
  for (const h of HASHES) {
    for (const v of values(doc, `file.hash.${h}`)) obs.addHash(v, 'related');
    for (const v of values(doc, `process.hash.${h}`)) obs.addHash(v, 'related');
  }
  obs.add('user', field(doc, 'user.name'), 'related');
  obs.add('email', field(doc, 'user.email'), 'related');
  for (const v of values(doc, 'email.from.address')) obs.add('email', v, 'related');
  for (const v of values(doc, 'email.to.address')) obs.add('email', v, 'related');
  for (const v of values(doc, 'related.ip')) obs.addIp(v, 'related');
  for (const v of values(doc, 'related.user')) obs.add('user', v, 'related');
  for (const v of values(doc, 'related.hosts')) obs.addHost(v, 'related');
  for (const v of values(doc, 'related.hash')) obs.addHash(v, 'related');
  for (const p of INDICATOR_PREFIXES) {
    for (const v of values(doc, `${p}.ip`)) obs.addIp(v, 'related');
    for (const v of values(doc, `${p}.url.full`)) obs.addUrl(v, 'related');
    for (const v of values(doc, `${p}.url.original`)) obs.addUrl(v, 'related');
    for (const v of values(doc, `${p}.email.address`)) obs.add('email', v, 'related');
    for (const h of HASHES) for (const v of values(doc, `${p}.file.hash.${h}`)) obs.addHash(v, 'related');
  }
}

const MALWARE = normaliseRsit('malicious-code', 'infected-system');
const IDS_ALERT = normaliseRsit('intrusion-attempts', 'ids-alert');
const SCANNER = normaliseRsit('information-gathering', 'scanner');

/**
 * RSIT of an ECS alert: `rule.category` through the IDS classtype table when it is a known classtype;
 * else a Zeek `Scan::*` notice → information-gathering/scanner; else `event.category` malware →
 * malicious-code/infected-system, intrusion_detection → intrusion-attempts/ids-alert; else nulls.
 */
export function ecsRsit(doc: JsonObject): Rsit {
  const byClasstype = rsitOfClasstype(str(field(doc, 'rule.category')));
  if (byClasstype.rsitClass !== null) return byClasstype;
  const name = str(field(doc, 'rule.name')) ?? '';
  if (/^scan::/i.test(name)) return SCANNER;
  const categories = strings(field(doc, 'event.category'));
  if (categories.includes('malware')) return MALWARE;
  if (categories.includes('intrusion_detection')) return IDS_ALERT;
  return { rsitClass: null, rsitType: null };
}

const PIPELINE_TAGS = new Set(['preserve_original_event', 'forwarded']);

/** `tags[]` without the ingest-pipeline control tags. */
export function ecsTags(doc: JsonObject): string[] {
  return strings(field(doc, 'tags')).filter((t) => !PIPELINE_TAGS.has(t));
}
