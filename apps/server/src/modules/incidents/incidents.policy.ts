import { hasPermission, type Role, type ShareProfile, type Tlp } from '@lachan/contracts';

/** TLP 2.0 labels ranked least (CLEAR 0) to most restrictive (RED 4); same as `lachan_tlp_rank` in SQL. */
export const TLP_RANK: Record<Tlp, number> = { CLEAR: 0, GREEN: 1, AMBER: 2, 'AMBER+STRICT': 3, RED: 4 };
/** Highest label that relationships (hierarchy, SOC, links, the centre) reach; above it only owner and shares. */
export const RELATIONSHIP_CEILING = TLP_RANK.AMBER;
/** Highest label whose incidents every organisation's aggregates may count (TLP:GREEN is for the community). */
export const COMMUNITY_CEILING = TLP_RANK.GREEN;

const PROFILE_RANK: Record<ShareProfile, number> = { read_only: 0, analyst: 1, owner: 2 };
export type AccessVia = 'owner' | 'hierarchy' | 'soc' | 'link' | 'share' | 'national';

/** A standing link as seen from the organisation it lets see (already expanded to the target's units). */
export interface LinkGrant {
  type: 'manual' | 'notify' | 'supervised';
  profile: 'read_only' | 'analyst';
  tlpCeiling: Tlp;
}

/** Who is asking: organisation, role, org-tree scope (manage = own subtree, read adds SOC clients) and links. */
export interface IncidentActor {
  orgId: string;
  role: Role;
  all: boolean;
  manage: ReadonlySet<string>;
  read: ReadonlySet<string>;
  links: ReadonlyMap<string, LinkGrant>;
}

/** What decides access to one incident. */
export interface IncidentFacts {
  orgId: string;
  tlp: Tlp;
  reported: boolean;
  shares: readonly { orgId: string; profile: ShareProfile; tlpCeiling: Tlp; revoked: boolean }[];
}

export interface IncidentAccessGrant {
  profile: ShareProfile;
  via: AccessVia[];
  canWrite: boolean;
  canManage: boolean;
}

/**
 * How an actor reaches an incident, or null. The owner organisation always; an active share while
 * the incident's TLP is within its ceiling; up to AMBER also the owner's parents (hierarchy), its SOC
 * providers, organisations linked to it (supervised, or notify once reported) and the national centre.
 * AMBER+STRICT and RED therefore reach only the owner and explicit shares, never parents or links.
 */
export function accessTo(actor: IncidentActor, inc: IncidentFacts): IncidentAccessGrant | null {
  const rank = TLP_RANK[inc.tlp];
  const grants: [AccessVia, ShareProfile][] = [];
  if (actor.orgId === inc.orgId) grants.push(['owner', 'owner']);
  for (const s of inc.shares) if (s.orgId === actor.orgId && !s.revoked && rank <= TLP_RANK[s.tlpCeiling]) grants.push(['share', s.profile]);
  if (rank <= RELATIONSHIP_CEILING) {
    if (actor.all) grants.push(['national', 'owner']);
    if (actor.manage.has(inc.orgId) && actor.orgId !== inc.orgId) grants.push(['hierarchy', 'analyst']);
    else if (actor.read.has(inc.orgId) && actor.orgId !== inc.orgId) grants.push(['soc', 'analyst']);
    const link = actor.links.get(inc.orgId);
    if (link && rank <= TLP_RANK[link.tlpCeiling] && (link.type === 'supervised' || (link.type === 'notify' && inc.reported))) grants.push(['link', link.profile]);
  }
  if (!grants.length || !hasPermission(actor.role, 'incidents.read')) return null;
  let profile = grants.reduce<ShareProfile>((best, [, p]) => (PROFILE_RANK[p] > PROFILE_RANK[best] ? p : best), 'read_only');
  const write = hasPermission(actor.role, 'incidents.write');
  if (!write) profile = 'read_only';
  return { profile, via: [...new Set(grants.map(([v]) => v))], canWrite: write && PROFILE_RANK[profile] >= PROFILE_RANK.analyst, canManage: write && profile === 'owner' };
}

/**
 * Whether an incident may feed an aggregate shown to the actor (decision support, similar incidents,
 * statistics): one the actor may open, or any CLEAR/GREEN one. Never AMBER and above of others.
 */
export function countsFor(actor: IncidentActor, inc: IncidentFacts): boolean {
  if (!hasPermission(actor.role, 'incidents.read')) return false;
  return TLP_RANK[inc.tlp] <= COMMUNITY_CEILING || accessTo(actor, inc) !== null;
}

/** Actions on an incident and the least profile each needs. */
export type IncidentAction = 'read' | 'work' | 'manage';

/** Whether a grant allows an action: reading, working it (comments, tasks, reports, files, fields), managing it. */
export function allows(grant: IncidentAccessGrant | null, action: IncidentAction): boolean {
  if (!grant) return false;
  return action === 'read' || (action === 'work' ? grant.canWrite : grant.canManage);
}

/**
 * Closing: an incident under Circular 20 is closed by the national coordinating centre, and only
 * after its final report; other incidents by whoever manages them.
 */
export function closeDecision(actor: IncidentActor, grant: IncidentAccessGrant | null, c: { underCircular20: boolean; finalReportFiled: boolean }): 'ok' | 'forbidden' | 'needs_final_report' {
  if (!allows(grant, c.underCircular20 ? 'read' : 'manage')) return 'forbidden';
  if (!c.underCircular20) return 'ok';
  if (actor.role !== 'national_coordinator' || !hasPermission(actor.role, 'incidents.write')) return 'forbidden';
  return c.finalReportFiled ? 'ok' : 'needs_final_report';
}

/** The list filter of an actor: organisations with the highest TLP rank they see there (null = the centre's view). */
export interface Visibility {
  actorOrgId: string;
  all: boolean;
  orgs: { orgId: string; maxRank: number; needsReport: boolean }[];
}

/** Turns an actor into the list filter the repository applies (shares are added there by join). */
export function visibilityOf(actor: IncidentActor): Visibility {
  const orgs = new Map<string, { maxRank: number; needsReport: boolean }>();
  const put = (orgId: string, maxRank: number, needsReport: boolean) => {
    const cur = orgs.get(orgId);
    if (!cur || maxRank > cur.maxRank || (maxRank === cur.maxRank && cur.needsReport && !needsReport)) orgs.set(orgId, { maxRank, needsReport });
  };
  if (!actor.all) {
    for (const id of actor.read) put(id, RELATIONSHIP_CEILING, false);
    for (const [id, l] of actor.links) if (l.type !== 'manual') put(id, TLP_RANK[l.tlpCeiling], l.type === 'notify');
  }
  put(actor.orgId, TLP_RANK.RED, false);
  return { actorOrgId: actor.orgId, all: actor.all, orgs: [...orgs].map(([orgId, v]) => ({ orgId, ...v })) };
}

/** Who may hear about an incident: exactly the organisations that may see it (no parents beyond AMBER). */
export function audienceOf(inc: IncidentFacts, rel: { ancestors: string[]; socProviders: string[]; links: { fromOrgId: string; type: LinkGrant['type']; tlpCeiling: Tlp }[] }): { orgIds: string[]; exact: true; national: boolean } {
  const rank = TLP_RANK[inc.tlp];
  const ids = new Set([inc.orgId]);
  for (const s of inc.shares) if (!s.revoked && rank <= TLP_RANK[s.tlpCeiling]) ids.add(s.orgId);
  if (rank <= RELATIONSHIP_CEILING) {
    for (const a of rel.ancestors) ids.add(a);
    for (const p of rel.socProviders) ids.add(p);
    for (const l of rel.links) if (rank <= TLP_RANK[l.tlpCeiling] && (l.type === 'supervised' || (l.type === 'notify' && inc.reported))) ids.add(l.fromOrgId);
  }
  return { orgIds: [...ids], exact: true, national: rank <= RELATIONSHIP_CEILING };
}
