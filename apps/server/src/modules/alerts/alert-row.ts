import type { NormalizedAlert } from '@lachan/contracts';
import type { IndicatorMatch } from '../../common/indicator-matcher.ts';

/** Columns written for each alert, in COPY order (the staging table has the same). */
export const ALERT_COLUMNS = [
  'day', 'fingerprint', 'org_id', 'reporter_org_id', 'source_id', 'attributed', 'format', 'source_ref', 'event_time', 'received_at',
  'first_seen', 'last_seen', 'occurrences', 'title', 'description', 'vendor', 'product', 'rule_id', 'rule_name', 'severity',
  'source_severity', 'rsit_class', 'rsit_type', 'attack', 'src_ip', 'src_port', 'dst_ip', 'dst_port', 'protocol',
  'asset_hostname', 'asset_ip', 'observables', 'tags', 'sectors', 'province_code', 'raw', 'batch_id', 'last_batch', 'batch_occurrences', 'indicator_matches',
  'raw_last',
] as const;

/** An alert ready to store: normalised, attributed, fingerprinted, with its repeats in this batch folded. */
export interface PreparedAlert {
  alert: NormalizedAlert;
  fingerprint: string;
  day: string;
  orgId: string;
  attributed: boolean;
  sectors: string[];
  provinceCode: string | null;
  eventTime: string;
  firstSeen: string;
  lastSeen: string;
  occurrences: number;
  /** The first record of this alert as received (kept for good). */
  raw: string;
  /** The latest repeat's record, in order of receipt; '' when that is `raw` over again, null while there is none. */
  rawLast: string | null;
  /** Observables that matched live indicators. */
  indicatorMatches: IndicatorMatch[];
}

/** The COPY row of a prepared alert (order of ALERT_COLUMNS). */
export function alertCopyRow(p: PreparedAlert, ctx: { reporterOrgId: string; sourceId: string | null; receivedAt: string; batchId: string }) {
  const a = p.alert;
  return [
    p.day, p.fingerprint, p.orgId, ctx.reporterOrgId, ctx.sourceId, p.attributed, a.format, a.sourceRef, p.eventTime, ctx.receivedAt,
    p.firstSeen, p.lastSeen, p.occurrences, a.title, a.description, a.vendor, a.product, a.ruleId, a.ruleName, a.severity,
    a.sourceSeverity, a.rsitClass, a.rsitType, a.attackTechniques, a.srcIp, a.srcPort, a.dstIp, a.dstPort, a.protocol,
    a.assetHostname, a.assetIp, JSON.stringify(a.observables), a.tags, p.sectors, p.provinceCode, p.raw, ctx.batchId, ctx.batchId, p.occurrences, JSON.stringify(p.indicatorMatches),
    p.rawLast,
  ] as const;
}
