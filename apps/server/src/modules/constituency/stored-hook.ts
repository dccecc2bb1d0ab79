import { constituencyFacts } from '@lachan/parsers';
import type { StoredHook } from '../alerts/index.ts';
import { rowsRepository, type NewRow } from './rows.repository.ts';

/**
 * Indexes each new constituency alert of a stored batch (report type, report day, owner, the owner's
 * sector and province), in the batch's own transaction; repeats folded into an existing alert add nothing.
 */
export const indexConstituencyAlerts: StoredHook = async (tx, batch, prepared, stored) => {
  const rows: NewRow[] = [];
  prepared.forEach((p, i) => {
    const s = stored[i];
    if (p.alert.format !== 'constituency' || !s?.inserted) return;
    const facts = constituencyFacts(p.alert.tags);
    if (facts === null) return;
    rows.push({
      reporterOrgId: batch.reporterOrgId, orgId: p.orgId, attributed: p.attributed, feed: facts.feed, reportType: facts.report, reportDay: facts.reportDay,
      rowKey: p.fingerprint, alertDay: s.day, alertId: s.id, host: p.alert.assetIp ?? p.alert.assetHostname, severity: p.alert.severity, title: p.alert.title,
      // A row no organisation registered says nothing of the sender's sector or province.
      sectors: p.attributed ? p.sectors : [], provinceCode: p.attributed ? p.provinceCode : null, receivedAt: batch.receivedAt,
    });
  });
  await rowsRepository.insert(tx, rows);
};
