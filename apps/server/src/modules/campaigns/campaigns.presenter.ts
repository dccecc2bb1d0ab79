import { memberCount, shownCount, type CampaignCount, type CampaignDetail, type CampaignReason, type CampaignSummary } from '@lachan/contracts';
import type { OrgProfile } from '../orgs/index.ts';

/** A campaigns row as stored, with the alerts and shared techniques of the members the caller may name. */
export interface CampaignRow {
  id: string; title: string; title_code?: string | null; title_params?: { value?: string } | null; status: string; confidence: string; severity: number; techniques: string[]; org_count: number; alert_count: number;
  visible_alerts: number; visible_techniques: string[]; first_activity: Date; last_activity: Date; merged_into_id: string | null;
  explanation?: { level?: string; factors?: CampaignReason[] } | null; retracted_reason?: CampaignReason[] | null;
}

/** Parameters that count members or name values: only the national centre reads them (others may not know who else is in it). */
const CENTRE_ONLY_PARAMS = new Set(['count', 'hits', 'base', 'widest', 'value', 'values', 'orgs', 'marked', 'alerts', 'active', 'network', 'observers', 'alike', 'background', 'addresses']);

/**
 * A reason or factor as the caller may read it: counts and values stripped for anyone but the centre,
 * and techniques narrowed to those an organisation in the caller's scope saw.
 */
export function presentReason(r: CampaignReason, centre: boolean, visibleTechniques: readonly string[] = []): CampaignReason {
  if (centre) return r;
  const params = Object.fromEntries(Object.entries(r.params).filter(([k]) => !CENTRE_ONLY_PARAMS.has(k)));
  if (typeof params.techniques === 'string') params.techniques = params.techniques.split(', ').filter((x) => visibleTechniques.includes(x)).join(', ');
  return { code: r.code, params };
}

/** The campaign's confidence explained from its evidence, as the caller may read it. */
export function presentExplanation(r: CampaignRow, centre: boolean): CampaignDetail['explanation'] {
  return { level: r.confidence as CampaignDetail['explanation']['level'], factors: (r.explanation?.factors ?? []).map((f) => presentReason(f, centre, r.visible_techniques)) };
}

/** Member organisations counted by a key: those the caller may name, and the others (small counts withheld). */
function counts(orgs: string[], keys: (o: string) => string[], visible: (o: string) => boolean): CampaignCount[] {
  const m = new Map<string, string[]>();
  for (const o of orgs) for (const k of keys(o)) (m.get(k) ?? m.set(k, []).get(k)!).push(o);
  return [...m]
    .map(([key, ids]) => ({ key, ...memberCount(ids, visible) }))
    .sort((a, b) => shownCount(b) - shownCount(a) || a.key.localeCompare(b.key));
}

/** The engine's title as its stored code with its parameter, so every reader gets it in their language. */
function titleCode(r: CampaignRow): Pick<CampaignSummary, 'titleCode' | 'titleParams'> {
  const value = r.title_params?.value;
  return r.title_code === 'shared_infrastructure' && typeof value === 'string' ? { titleCode: r.title_code, titleParams: { value } } : {};
}

/** Turns a campaign row and its member organisations into the API summary as the caller may see it. */
export function presentCampaign(r: CampaignRow, orgs: string[], profile: (o: string) => OrgProfile | null, visible: (o: string) => boolean): CampaignSummary {
  return {
    id: r.id, title: r.title, ...titleCode(r), status: r.status as CampaignSummary['status'], confidence: r.confidence as CampaignSummary['confidence'], severity: r.severity,
    techniques: r.visible_techniques, members: memberCount(orgs, visible), alertCount: r.visible_alerts,
    firstActivity: r.first_activity.toISOString(), lastActivity: r.last_activity.toISOString(),
    bySector: counts(orgs, (o) => profile(o)?.sectors ?? [], visible),
    byProvince: counts(orgs, (o) => { const p = profile(o)?.provinceCode; return p ? [p] : []; }, visible),
    mergedIntoId: r.merged_into_id,
  };
}
