import type { AlertDetail, AlertSummary, Observable } from '@lachan/contracts';
import type { AlertRow } from './alerts.repository.ts';

export const alertPublicId = (day: string, id: string): string => `${day.replaceAll('-', '')}-${id}`;

/** One line of the alert stream. */
export const presentAlertSummary = (r: AlertRow): AlertSummary => ({
  id: alertPublicId(r.day, r.id),
  orgId: r.org_id,
  orgName: r.org_name,
  reporterOrgId: r.reporter_org_id,
  attributed: r.attributed,
  format: r.format as AlertSummary['format'],
  title: r.title,
  severity: r.severity,
  rsitClass: r.rsit_class,
  rsitType: r.rsit_type,
  product: r.product,
  ruleId: r.rule_id,
  srcIp: r.src_ip,
  dstIp: r.dst_ip,
  assetHostname: r.asset_hostname,
  sectors: r.sectors,
  provinceCode: r.province_code,
  occurrences: r.occurrences,
  eventTime: r.event_time.toISOString(),
  firstSeen: r.first_seen.toISOString(),
  lastSeen: r.last_seen.toISOString(),
  receivedAt: r.received_at.toISOString(),
  incidentId: r.incident_id,
  falsePositive: r.false_positive_at ? { reason: r.false_positive_reason ?? '', at: r.false_positive_at.toISOString(), by: r.false_positive_by ?? '' } : null,
  assigneeUserId: r.assignee_user_id,
  exerciseId: r.exercise_id ?? null,
});

/** The full alert with its observables and the raw record as received. */
export const presentAlertDetail = (r: AlertRow): AlertDetail => ({
  ...presentAlertSummary(r),
  reporterOrgName: r.reporter_org_name,
  sourceId: r.source_id,
  sourceRef: r.source_ref,
  description: r.description,
  vendor: r.vendor,
  ruleName: r.rule_name,
  sourceSeverity: r.source_severity,
  attack: r.attack,
  srcPort: r.src_port,
  dstPort: r.dst_port,
  protocol: r.protocol,
  assetIp: r.asset_ip,
  observables: r.observables as Observable[],
  indicatorMatches: (r.indicator_matches ?? []) as AlertDetail['indicatorMatches'],
  tags: r.tags,
  raw: r.raw,
  // '' stands for the first record sent again verbatim (stored once); null for no repeat, or none recorded.
  rawLast: r.raw_last === '' ? r.raw : (r.raw_last ?? null),
});
