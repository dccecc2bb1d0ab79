import type { SeverityLevel } from '@lachan/contracts';
import { fail } from '../../failure.ts';
import { classify, constituencyHost, portCell, reportTime, type RowMapping } from './cells.ts';

const HASH_TYPES = new Set(['md5_hash', 'sha1_hash', 'sha256_hash', 'sha3_384_hash', 'tlsh_hash', 'imphash', 'ssdeep']);

/**
 * abuse.ch CSV exports, by their documented columns (times UTC):
 * - URLhaus: `id, dateadded, url, url_status, last_online, threat, tags, urlhaus_link, reporter`: the URL's
 *   host serves malware (RSIT malicious-code / malware-distribution; high while `online`).
 * - Feodo Tracker: `first_seen_utc, dst_ip, dst_port, c2_status, last_online, malware`: a botnet C2 server
 *   (c2-server; critical while `online`). The older header `Firstseen, DstIP, DstPort, LastOnline, Malware` too.
 * - ThreatFox: `first_seen_utc, ioc_id, ioc_value, ioc_type, threat_type, …, malware_printable, …,
 *   confidence_level, …, tags`: `ip:port`, `domain` and `url` values name a host; a file hash names none
 *   (`no_constituency_host`, quarantined by design).
 */
export function mapAbuseCh(m: RowMapping, feed: 'urlhaus' | 'feodo' | 'threatfox'): void {
  if (feed === 'urlhaus') urlhaus(m);
  else if (feed === 'feodo') feodo(m);
  else threatfox(m);
}

function urlhaus(m: RowMapping): void {
  const f = m.rec.fields;
  const a = m.alert;
  reportTime(m, f.dateadded);
  constituencyHost(m, f.url, 'url');
  const online = f.url_status === 'online';
  a.severity = online ? 3 : 2;
  a.sourceSeverity = f.url_status ?? null;
  classify(m, 'malicious-code', 'malware-distribution');
  a.vendor = 'abuse.ch';
  a.product = 'URLhaus';
  a.ruleId = `urlhaus:${f.threat ?? 'url'}`;
  a.ruleName = f.threat ?? 'malware URL';
  a.sourceRef = f.id ?? null;
  a.title = `URLhaus: ${f.threat ?? 'malware URL'} on ${a.assetIp ?? a.assetHostname}`;
  a.description = [f.url && `url: ${f.url}`, f.url_status && `status: ${f.url_status}`, f.last_online && `last online: ${f.last_online}`, f.urlhaus_link && `reference: ${f.urlhaus_link}`]
    .filter(Boolean).join('\n') || null;
  a.tags = [f.threat, ...(f.tags ?? '').split(',')].filter((t): t is string => !!t && t.trim() !== '');
  a.eventKey = [`url:${f.url}`];
}

function feodo(m: RowMapping): void {
  const f = m.rec.fields;
  const a = m.alert;
  reportTime(m, f.first_seen_utc ?? f.first_seen ?? f.firstseen);
  const ip = f.dst_ip ?? f.dstip ?? f.ip_address;
  constituencyHost(m, ip, 'dst_ip');
  const port = portCell(m, f.dst_port ?? f.dstport ?? f.port, 'dst_port');
  const status = f.c2_status ?? f.status;
  a.dstIp = a.assetIp;
  a.dstPort = port;
  a.severity = status === 'offline' ? 3 : 4;
  a.sourceSeverity = status ?? null;
  classify(m, 'malicious-code', 'c2-server');
  a.vendor = 'abuse.ch';
  a.product = 'Feodo Tracker';
  a.ruleId = `feodo:${f.malware ?? 'c2'}`;
  a.ruleName = `${f.malware ?? 'Botnet'} C2`;
  a.title = `Feodo Tracker: ${f.malware ?? 'botnet'} C2 server ${ip}${port !== null ? `:${port}` : ''}`;
  a.description = [status && `status: ${status}`, (f.last_online ?? f.lastonline) && `last online: ${f.last_online ?? f.lastonline}`].filter(Boolean).join('\n') || null;
  a.tags = [f.malware].filter((t): t is string => !!t);
  a.eventKey = port !== null ? [`port:${port}`] : [];
}

function threatfox(m: RowMapping): void {
  const f = m.rec.fields;
  const a = m.alert;
  reportTime(m, f.first_seen_utc ?? f.first_seen);
  const type = (f.ioc_type ?? '').toLowerCase();
  const value = f.ioc_value;
  if (value === undefined) fail('missing_field', `line ${m.rec.line} has no ioc_value`);
  if (HASH_TYPES.has(type)) fail('no_constituency_host', `line ${m.rec.line}: a ${type} names no host in the constituency`);
  let port: number | null = null;
  if (type === 'ip:port') {
    const cut = value.lastIndexOf(':');
    constituencyHost(m, value.slice(0, cut).replace(/^\[|\]$/g, ''), 'ioc_value');
    port = portCell(m, value.slice(cut + 1), 'ioc_value');
    a.dstIp = a.assetIp;
    a.dstPort = port;
  } else constituencyHost(m, value, 'ioc_value');
  const confidence = Number(f.confidence_level ?? '50');
  const threat = f.threat_type ?? 'malware';
  const strong = Number.isFinite(confidence) && confidence >= 75;
  const severity: SeverityLevel = threat === 'botnet_cc' ? (strong ? 4 : 3) : strong ? 3 : 2;
  a.severity = severity;
  a.sourceSeverity = f.confidence_level ?? null;
  classify(m, 'malicious-code', threat === 'botnet_cc' ? 'c2-server' : threat === 'payload_delivery' ? 'malware-distribution' : null);
  a.vendor = 'abuse.ch';
  a.product = 'ThreatFox';
  a.ruleId = `threatfox:${threat}`;
  a.ruleName = threat;
  a.sourceRef = f.ioc_id ?? null;
  const malware = f.malware_printable ?? f.fk_malware;
  a.title = `ThreatFox: ${malware ?? 'malware'} ${threat} ${value}`;
  a.description = [f.reference && f.reference !== 'None' ? `reference: ${f.reference}` : null, f.malware_alias && f.malware_alias !== 'None' ? `aliases: ${f.malware_alias}` : null]
    .filter(Boolean).join('\n') || null;
  a.tags = [malware, ...(f.tags ?? '').split(',')].filter((t): t is string => !!t && t.trim() !== '' && t !== 'None');
  a.eventKey = [`ioc:${value}`];
}
