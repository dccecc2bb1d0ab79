import { classify, constituencyHost, portCell, protocolName, reportTime, severityCell, type RowMapping } from './cells.ts';

/**
 * A report in a CSV layout the centre defined as data (a mapping: which column holds the time, the
 * address, domain or URL, port, severity, malware, description); the split already renamed the columns.
 * Times without a zone are read in the mapping's zone; severity words or 1–4 in the row win over the
 * mapping's default; the classification is the mapping's.
 */
export function mapCsv(m: RowMapping): void {
  const f = m.rec.fields;
  const mp = m.rec.mapping!;
  const a = m.alert;
  reportTime(m, f.time, mp?.timeZone ?? 'UTC');
  const column = f.ip !== undefined ? 'ip' : f.url !== undefined ? 'url' : f.domain !== undefined ? 'domain' : 'hostname';
  constituencyHost(m, f[column], column);
  if (f.url !== undefined && column !== 'url') m.obs.addUrl(f.url, 'related');
  if (f.domain !== undefined && column !== 'domain') m.obs.addHost(f.domain, 'related');
  const port = portCell(m, f.port, 'port');
  a.dstPort = port;
  a.protocol = protocolName(f.protocol);
  a.severity = severityCell(f.severity) ?? ((mp?.severity ?? 2) as 1 | 2 | 3 | 4);
  a.sourceSeverity = f.severity ?? null;
  classify(m, mp?.rsitClass ?? 'other', mp?.rsitType ?? null);
  a.vendor = mp?.name ?? 'CSV';
  a.product = m.rec.report;
  a.ruleId = `csv:${m.rec.report}`;
  a.ruleName = mp?.name ?? m.rec.report;
  a.title = `${mp?.name ?? m.rec.report}: ${f[column]}${port !== null ? `:${port}` : ''}${f.malware ? ` (${f.malware})` : ''}`;
  a.description = f.description ?? null;
  a.tags = [f.malware, f.asn ? `asn:${f.asn}` : undefined].filter((t): t is string => !!t);
  a.eventKey = [port !== null ? `port:${port}` : '', f.malware ? `what:${f.malware}` : ''].filter((k) => k !== '');
}
