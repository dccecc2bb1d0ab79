import type { SimilarIncident } from '@lachan/contracts';
import type { RequestContext } from '../../core/context.ts';
import type { IncidentParts } from './incident-parts.ts';
import type { IncidentWriter } from './incident-writer.ts';
import { visibilityOf } from './incidents.policy.ts';
import { incidentsRepository } from './incidents.repository.ts';
import { presentIncident } from './incidents.presenter.ts';
import { similarRepository } from './similar.repository.ts';

/**
 * Incidents like this one, among those the caller may open and the CLEAR/GREEN ones of others (never
 * another organisation's AMBER or RED): shared observables weigh most, then shared ATT&CK techniques
 * (Jaccard), then trigram similarity of the folded title and description.
 */
export class SimilarIncidentsService {
  #p: Pick<IncidentParts, 'db'>;
  #w: IncidentWriter;
  constructor(parts: Pick<IncidentParts, 'db'>, writer: IncidentWriter) {
    this.#p = parts;
    this.#w = writer;
  }

  async find(ctx: RequestContext, id: string, limit = 20): Promise<SimilarIncident[]> {
    const { actor } = await this.#w.access.require(ctx, id, 'read');
    const db = this.#p.db;
    const me = (await incidentsRepository.byId(db, id))!;
    const candidates = await similarRepository.candidates(db, visibilityOf(actor), id, me.attack);
    const scored = candidates.map((c) => {
      const union = new Set([...me.attack, ...c.techniques]).size;
      const jaccard = union ? c.techniques.length / union : 0;
      return { ...c, score: Math.min(1, c.shared.length * 0.3) * 0.5 + jaccard * 0.3 + Number(c.text) * 0.2 };
    }).sort((a, b) => b.score - a.score || a.id.localeCompare(b.id)).slice(0, limit);
    const rows = new Map((await incidentsRepository.byIds(db, scored.map((c) => c.id))).map((r) => [r.id, r]));
    return scored.flatMap((c) => {
      const row = rows.get(c.id);
      if (!row) return [];
      return [{
        incident: presentIncident(row), readable: c.readable, score: Math.round(c.score * 1000) / 1000, sharedObservables: c.shared.sort(),
        sharedTechniques: c.techniques.sort(), textSimilarity: Math.round(Number(c.text) * 1000) / 1000,
      }];
    });
  }
}
