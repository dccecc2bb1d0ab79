import { sql } from 'kysely';
import type { SimilarIncident } from '@lachan/contracts';
import type { RequestContext } from '../../core/context.ts';
import type { Platform } from '../../core/platform.ts';
import type { IncidentWriter } from './incident-writer.ts';
import { accessTo } from './incidents.policy.ts';
import { incidentsRepository } from './incidents.repository.ts';
import { presentIncident } from './incidents.presenter.ts';

type Candidate = { id: string; shared: string[]; techniques: string[]; text: number };

/**
 * Incidents like this one, among those the caller may see: shared observables weigh most, then
 * shared ATT&CK techniques (Jaccard), then trigram similarity of the folded title and description.
 */
export class SimilarIncidentsService {
  #p: Platform;
  #w: IncidentWriter;
  constructor(platform: Platform, writer: IncidentWriter) {
    this.#p = platform;
    this.#w = writer;
  }

  async find(ctx: RequestContext, id: string, limit = 20): Promise<SimilarIncident[]> {
    const { actor } = await this.#w.access.require(ctx, id, 'read');
    const db = this.#p.db;
    const me = (await incidentsRepository.byId(db, id))!;
    const r = await sql<Candidate>`with mine as (select value from incident_observables where incident_id = ${id}),
      by_obs as (select o.incident_id as id, array_agg(distinct o.value) as shared from incident_observables o join mine m on m.value = o.value where o.incident_id <> ${id} group by 1 order by count(*) desc limit 200),
      by_attack as (select i.id from incidents i where i.id <> ${id} and cardinality(${me.attack}::text[]) > 0 and i.attack && ${me.attack}::text[] order by i.created_at desc limit 200),
      by_text as (select i.id from incidents i, (select search_text from incidents where id = ${id}) s where i.id <> ${id} and i.search_text % s.search_text order by similarity(i.search_text, s.search_text) desc limit 200),
      c as (select id from by_obs union select id from by_attack union select id from by_text)
      select c.id, coalesce(b.shared, '{}') as shared, array(select unnest(i.attack) intersect select unnest(${me.attack}::text[])) as techniques,
        similarity(i.search_text, (select search_text from incidents where id = ${id})) as text
      from c join incidents i on i.id = c.id left join by_obs b on b.id = c.id`.execute(db);
    const scored = r.rows.map((c) => {
      const union = new Set([...me.attack, ...c.techniques]).size;
      const jaccard = union ? c.techniques.length / union : 0;
      return { ...c, score: Math.min(1, c.shared.length * 0.3) * 0.5 + jaccard * 0.3 + Number(c.text) * 0.2 };
    }).sort((a, b) => b.score - a.score);
    const out: SimilarIncident[] = [];
    for (const c of scored) {
      if (out.length >= limit) break;
      const facts = await this.#w.access.facts(db, c.id);
      if (!facts || !accessTo(actor, facts)) continue;
      const row = (await incidentsRepository.byId(db, c.id))!;
      out.push({ incident: presentIncident(row), score: Math.round(c.score * 1000) / 1000, sharedObservables: c.shared, sharedTechniques: c.techniques, textSimilarity: Math.round(Number(c.text) * 1000) / 1000 });
    }
    return out;
  }
}
