import type { SeverityLevel } from '@lachan/contracts';
import { normaliseIp } from '../../ip.ts';
import { classify, constituencyHost, portCell, protocolName, reportTime, severityCell, type RowMapping } from './cells.ts';
import { SHADOWSERVER_REPORTS } from './shadowserver-reports.ts';

/** Cells shown in the description when a row has them (what the report says is wrong with the host). */
const DETAIL_COLUMNS = ['infection', 'family', 'tag', 'application', 'service', 'server', 'http_url', 'http_host', 'http_agent', 'product', 'version',
  'device_vendor', 'device_type', 'device_model', 'smb_version_string', 'rdp_protocol', 'ssl_version', 'subject_common_name', 'username', 'vulnerability_id',
  'public_source'];

/**
 * Shadowserver's daily reports (documented column names, report_schema's reports.json): exposed-service
 * scans (`scan_*`: `ip`, `port`, `protocol`, `hostname`, `tag`), compromised hosts (`compromised_*`) and
 * events seen by sinkholes and honeypots (`event4_*`: `src_ip`/`src_port` the host in the constituency,
 * `dst_ip`/`dst_port` the sinkhole or honeypot, `infection`, `family`). `timestamp` is UTC. The row's
 * `severity` (critical…info) wins over the report type's documented default; the classification is the
 * one Shadowserver publishes for IntelMQ (RSIT).
 */
export function mapShadowserver(m: RowMapping): void {
  const f = m.rec.fields;
  const known = SHADOWSERVER_REPORTS[m.rec.report];
  const name = known?.[0] ?? m.rec.report;
  const a = m.alert;
  reportTime(m, f.timestamp);
  const event = f.src_ip !== undefined || f.dst_ip !== undefined;
  const hostColumn = f.ip !== undefined ? 'ip' : f.src_ip !== undefined ? 'src_ip' : 'dst_ip';
  constituencyHost(m, f[hostColumn], hostColumn);
  // An event's source port is ephemeral: only a scan's port tells two findings of one host apart.
  const port = portCell(m, f.port, 'port');
  a.protocol = protocolName(f.protocol);
  if (event) {
    a.srcIp = normaliseIp(f.src_ip ?? '')?.value ?? null;
    a.srcPort = portCell(m, f.src_port, 'src_port');
    a.dstIp = normaliseIp(f.dst_ip ?? '')?.value ?? null;
    a.dstPort = portCell(m, f.dst_port, 'dst_port');
    if (a.dstIp) m.obs.addIp(a.dstIp, 'dst');
    if (f.http_host) m.obs.addHost(f.http_host, 'related');
  } else a.dstPort = port;
  for (const h of [f.hostname, f.src_hostname]) if (h) m.obs.addHost(h, 'related');
  const severity: SeverityLevel = severityCell(f.severity) ?? severityCell(known?.[3] ?? undefined) ?? 2;
  a.severity = severity;
  a.sourceSeverity = f.severity ?? known?.[3] ?? null;
  classify(m, known?.[1] ?? 'other', known?.[2] ?? 'undetermined');
  a.vendor = 'Shadowserver';
  a.product = name;
  a.ruleId = `shadowserver:${m.rec.report}`;
  a.ruleName = name;
  const what = f.infection ?? f.family ?? f.tag;
  const host = f[hostColumn];
  a.title = `${name}: ${host}${port !== null ? `:${port}` : ''}${what ? ` (${what})` : ''}`;
  a.description = DETAIL_COLUMNS.filter((c) => f[c] !== undefined).map((c) => `${c}: ${f[c]}`).join('\n') || null;
  a.tags = [f.infection, f.family, ...(f.tag ?? '').split(/[;,]/)].filter((t): t is string => !!t && t.trim() !== '');
  a.eventKey = [port !== null ? `port:${port}` : '', what ? `what:${what}` : ''].filter((k) => k !== '');
}
