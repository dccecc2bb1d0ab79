import { memberCount, shownCount, type DecisionSupport } from '@lachan/contracts';
import type { RequestContext } from '../../core/context.ts';
import type { Platform } from '../../core/platform.ts';
import type { IncidentWriter } from './incident-writer.ts';
import { incidentsRepository } from './incidents.repository.ts';
import type { SimilarIncidentsService } from './similar.service.ts';
import { knowledgeRepository } from './knowledge.repository.ts';
import { visibilityOf } from './incidents.policy.ts';

const HOUR = 3_600_000;
const SIMILAR = 5;
const NEXT_ORGS = 10;

/**
 * Decision support on an incident: similar incidents the caller may see and how they ended; the
 * ATT&CK techniques seen (the incident's and its alerts') with the mitigations the knowledge base
 * holds; and which sectors and organisations are likely next, from other organisations' incidents
 * that share its indicators (those the caller may open, or CLEAR/GREEN ones; never another's AMBER or
 * RED). Who is likely next is shown to the national centre only; elsewhere organisations the caller
 * may not see are counted per sector, 1 or 2 as "fewer than 3".
 */
export class DecisionSupportService {
  #p: Platform;
  #w: IncidentWriter;
  #similar: SimilarIncidentsService;
  constructor(platform: Platform, writer: IncidentWriter, similar: SimilarIncidentsService) {
    this.#p = platform;
    this.#w = writer;
    this.#similar = similar;
  }

  async get(ctx: RequestContext, id: string): Promise<DecisionSupport> {
    const { actor } = await this.#w.access.require(ctx, id, 'read');
    await this.#p.orgTree.ensure();
    const db = this.#p.db;
    const me = (await incidentsRepository.byId(db, id))!;
    const found = (await this.#similar.find(ctx, id, 40))
      .sort((a, b) => Number(b.incident.status === 'closed') - Number(a.incident.status === 'closed') || b.score - a.score)
      .slice(0, SIMILAR);
    const ends = await knowledgeRepository.endings(db, found.map((s) => s.incident.id));
    const similar = found.map((s) => {
      const end = ends.get(s.incident.id);
      return { ...s, resolution: end?.resolution ?? null, hoursToResolve: end?.closedAt ? Math.round(((end.closedAt.getTime() - Date.parse(s.incident.createdAt)) / HOUR) * 10) / 10 : null };
    });

    const techniqueIds = [...new Set([...me.attack, ...(await knowledgeRepository.alertTechniques(db, id))])].sort();
    const known = await knowledgeRepository.techniques(db, techniqueIds);
    const techniques = techniqueIds.map((t) => ({ id: t, name: known.get(t)?.name ?? null, mitigations: known.get(t)?.mitigations ?? [] }));

    const hits = await knowledgeRepository.orgsSharingIndicators(db, visibilityOf(actor), id, me.org_id);
    const tree = this.#p.orgTree;
    const bySector = new Map<string, string[]>();
    for (const h of hits) for (const s of tree.profile(h.orgId)?.sectors ?? []) (bySector.get(s) ?? bySector.set(s, []).get(s)!).push(h.orgId);
    const seen = new Set(hits.filter((h) => h.visible).map((h) => h.orgId));
    const sectors = [...bySector]
      .map(([sector, orgIds]) => ({ sector, organisationsHit: memberCount(orgIds, (o) => seen.has(o)) }))
      .sort((a, b) => shownCount(b.organisationsHit) - shownCount(a.organisationsHit) || a.sector.localeCompare(b.sector));
    const hit = new Set([me.org_id, ...hits.map((h) => h.orgId)]);
    const next = ctx.scope.all ? sectors.flatMap(({ sector }) => tree.inSector(sector).filter((o) => !hit.has(o.id)).map((o) => ({ ...o, sector }))).slice(0, NEXT_ORGS) : [];
    const names = await knowledgeRepository.orgNames(db, next.map((o) => o.id));
    const organisations = next.map((o) => ({ orgId: o.id, name: names.get(o.id) ?? o.id, sector: o.sector, provinceCode: o.provinceCode }));
    return { similar, techniques, likelyNext: { sectors, organisations, sharedIndicators: [...new Set(hits.flatMap((h) => h.values))].slice(0, 50) } };
  }
}
