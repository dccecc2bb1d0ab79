import type { CommittedBatch } from '../../common/alert-feed.ts';
import type { PreparedAlert } from './alert-row.ts';
import type { StoredAlert } from './batch.repository.ts';

/** The in-memory form of a committed batch for the alert feed (`stored[i]` is where `prepared[i]` went). */
export function committedBatch(batchId: string, reporterOrgId: string, receivedAt: string, prepared: PreparedAlert[], stored: StoredAlert[]): CommittedBatch {
  const alerts = prepared.flatMap((p, i) => {
    const s = stored[i];
    if (!s) return [];
    const a = p.alert;
    return [{
      id: s.id, day: s.day, orgId: p.orgId, reporterOrgId, inserted: s.inserted, occurrences: p.occurrences, severity: a.severity, rsitClass: a.rsitClass,
      format: a.format, ruleId: a.ruleId, title: a.title, attack: a.attackTechniques, assetHostname: a.assetHostname, srcIp: a.srcIp, dstIp: a.dstIp,
      observables: a.observables, tags: a.tags, sectors: p.sectors, provinceCode: p.provinceCode, lastSeen: p.lastSeen, eventTime: p.eventTime, receivedAt, indicatorMatches: p.indicatorMatches,
    }];
  });
  return { batchId, alerts };
}
