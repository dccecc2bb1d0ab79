import type { ConstituencyMapping, ConstituencyRow } from '@lachan/contracts';
import type { RowRecord } from './rows.repository.ts';
import type { MappingRecord } from './mappings.repository.ts';

/** A stored row as the API gives it; the alert id is the public one (`20261205-4711`). */
export const presentRow = (r: RowRecord): ConstituencyRow => ({
  id: r.id, alertId: `${r.alert_day.replaceAll('-', '')}-${r.alert_id}`, orgId: r.org_id, orgName: r.org_name, attributed: r.attributed, feed: r.feed,
  reportType: r.report_type, reportDay: r.report_day, host: r.host, severity: r.severity, title: r.title, sectors: r.sectors, provinceCode: r.province_code,
  receivedAt: r.received_at.toISOString(),
});

export const presentMapping = (m: MappingRecord): ConstituencyMapping => ({
  id: m.id, name: m.name, reportType: m.report_type, delimiter: m.delimiter as ConstituencyMapping['delimiter'], columns: m.columns, rsitClass: m.rsit_class,
  rsitType: m.rsit_type, severity: m.severity, timeZone: m.time_zone, createdAt: m.created_at.toISOString(), updatedAt: m.updated_at.toISOString(),
});
