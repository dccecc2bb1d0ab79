import { sql, type RawBuilder } from 'kysely';
import type { RequestContext } from '../../core/context.ts';
import type { IncidentAccessParts } from './incident-parts.ts';
import { IncidentAccess } from './incident-access.ts';
import { COMMUNITY_CEILING, RELATIONSHIP_CEILING, visibilityOf, type Visibility } from './incidents.policy.ts';

/**
 * The incidents policy (`accessTo`) in SQL, for every query that reads or counts incidents of other
 * organisations: the list, similar incidents, decision support, statistics, campaigns. One rule, so an
 * aggregate cannot count what its caller may not open.
 */

/** The caller's visibility (their organisations with the TLP reached in each, and the centre's view). */
export async function incidentVisibility(parts: IncidentAccessParts, ctx: RequestContext): Promise<Visibility> {
  return visibilityOf(await new IncidentAccess(parts).actor(ctx));
}

/** An active share with the caller covering the incident's TLP. */
export function sharedWithSql(vis: Visibility, alias = 'i'): RawBuilder<boolean> {
  const i = sql.ref(alias);
  return sql<boolean>`exists (select 1 from incident_shares s where s.incident_id = ${i}.id and s.org_id = ${vis.actorOrgId}
    and s.revoked_at is null and lachan_tlp_rank(${i}.tlp) <= lachan_tlp_rank(s.tlp_ceiling))`;
}

/** True for an incident (table alias `alias`) the caller may open: exactly `accessTo` (tested against it). */
export function visibleIncidentSql(vis: Visibility, alias = 'i'): RawBuilder<boolean> {
  const i = sql.ref(alias);
  if (vis.all) return sql<boolean>`(lachan_tlp_rank(${i}.tlp) <= ${RELATIONSHIP_CEILING} or ${i}.org_id = ${vis.actorOrgId} or ${sharedWithSql(vis, alias)})`;
  const ids = vis.orgs.map((o) => o.orgId);
  const ranks = vis.orgs.map((o) => o.maxRank);
  const report = vis.orgs.map((o) => o.needsReport);
  return sql<boolean>`(exists (select 1 from unnest(${ids}::uuid[], ${ranks}::int[], ${report}::bool[]) as v(org_id, max_rank, needs_report)
      where v.org_id = ${i}.org_id and lachan_tlp_rank(${i}.tlp) <= v.max_rank and (not v.needs_report or ${i}.reported_at is not null))
    or ${sharedWithSql(vis, alias)})`;
}

/** True for an incident an aggregate shown to the caller may count: visible, or CLEAR/GREEN (`countsFor`). */
export function countableIncidentSql(vis: Visibility, alias = 'i'): RawBuilder<boolean> {
  return sql<boolean>`(lachan_tlp_rank(${sql.ref(alias)}.tlp) <= ${COMMUNITY_CEILING} or ${visibleIncidentSql(vis, alias)})`;
}
