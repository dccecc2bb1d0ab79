import type { IncidentDetail } from '@lachan/contracts';
import type { RequestContext } from '../../core/context.ts';
import { invalid } from '../../core/errors.ts';
import type { IncidentParts } from './incident-parts.ts';
import { incidentSystemsRepository as repo } from './incident-systems.repository.ts';
import type { IncidentsService } from './incidents.service.ts';

/**
 * The information systems an incident affects, as analysts name them: systems of the incident's
 * organisation, or (for the centre, a ministry or a province) systems of organisations in their view.
 * A level 4-5 or critical system raises the severity once and brings its reporting regime.
 */
export class IncidentSystemsService {
  #p: Pick<IncidentParts, 'orgTree'>;
  #incidents: IncidentsService;
  constructor(parts: Pick<IncidentParts, 'orgTree'>, incidents: IncidentsService) {
    this.#p = parts;
    this.#incidents = incidents;
  }

  async put(ctx: RequestContext, id: string, systemIds: string[]): Promise<IncidentDetail> {
    const w = this.#incidents.writer;
    await this.#p.orgTree.ensure();
    await w.change(ctx, id, 'manage', 'systems', async (tx, row) => {
      const view = ctx.scope.all ? null : [...ctx.scope.manage];
      const allowed = new Set(await repo.nameable(tx, systemIds, row.org_id, view));
      const unknown = systemIds.filter((s) => !allowed.has(s));
      if (unknown.length) throw invalid('some systems do not exist, are retired or are outside your view', { systemIds: unknown });
      const { added, removed } = await repo.replace(tx, id, systemIds);
      const [raised] = await repo.inherit(tx, [id]);
      if (added.length || removed.length) await w.clock.chooseRegimes(tx, id);
      return { data: { source: 'manual', added, removed, severity: raised ?? null }, result: undefined };
    });
    return this.#incidents.get(ctx, id);
  }
}
