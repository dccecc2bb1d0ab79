import type { CampaignSummary } from '@lachan/contracts';
import type { OrgProfile } from '../orgs/index.ts';

/** A campaigns row as stored. */
export interface CampaignRow {
  id: string; title: string; status: string; confidence: string; severity: number; techniques: string[]; org_count: number; alert_count: number;
  first_activity: Date; last_activity: Date; merged_into_id: string | null;
}

/** Counts of member organisations by a key, with how many of them the caller may not name. */
function counts(orgs: string[], keys: (o: string) => string[], visible: (o: string) => boolean): CampaignSummary['bySector'] {
  const m = new Map<string, { total: number; hidden: number }>();
  for (const o of orgs) for (const k of keys(o)) {
    const c = m.get(k) ?? m.set(k, { total: 0, hidden: 0 }).get(k)!;
    c.total++;
    if (!visible(o)) c.hidden++;
  }
  return [...m].map(([key, c]) => ({ key, ...c })).sort((a, b) => b.total - a.total || a.key.localeCompare(b.key));
}

/** Turns a campaign row and its member organisations into the API summary. */
export function presentCampaign(r: CampaignRow, orgs: string[], profile: (o: string) => OrgProfile | null, visible: (o: string) => boolean): CampaignSummary {
  return {
    id: r.id, title: r.title, status: r.status as CampaignSummary['status'], confidence: r.confidence as CampaignSummary['confidence'], severity: r.severity,
    techniques: r.techniques, orgCount: r.org_count, alertCount: r.alert_count, firstActivity: r.first_activity.toISOString(), lastActivity: r.last_activity.toISOString(),
    bySector: counts(orgs, (o) => profile(o)?.sectors ?? [], visible),
    byProvince: counts(orgs, (o) => { const p = profile(o)?.provinceCode; return p ? [p] : []; }, visible),
    mergedIntoId: r.merged_into_id,
  };
}
