import type { SystemActivity } from '@lachan/contracts';
import type { RequestContext } from '../../core/context.ts';
import { incidentVisibility, visibleIncidentSql, type IncidentAccessParts } from '../incidents/index.ts';
import type { LayersService, SystemsService } from '../registry/index.ts';
import { systemActivityRepository as repo } from './system-activity.repository.ts';

const LIST = 20;
/** Alerts and indicator sightings are looked for this far back (the window of layer 4). */
const WINDOW_DAYS = 30;

/**
 * What the system-activity service is built from: the database it reads the page from, and the organisation
 * tree the incidents policy works out the reader's visibility with (`incidentVisibility` is handed both).
 */
export type SystemActivityParts = IncidentAccessParts;

/**
 * A system's page: the incidents naming it (as far as the incidents policy lets the reader open them),
 * its open alerts, the indicators its alerts matched, the requirements its assessments left unmet, and
 * its four layers. Read by whoever may read the system, nobody else.
 */
export class SystemActivityService {
  #p: SystemActivityParts;
  #systems: SystemsService;
  #layers: LayersService;
  constructor(parts: SystemActivityParts, deps: { systems: SystemsService; layers: LayersService }) {
    this.#p = parts;
    this.#systems = deps.systems;
    this.#layers = deps.layers;
  }

  async get(ctx: RequestContext, systemId: string, lang?: 'vi' | 'en'): Promise<SystemActivity> {
    const sys = await this.#systems.readable(ctx, systemId);
    const db = this.#p.db;
    const vis = await incidentVisibility(this.#p, ctx);
    const [incidents, count, alerts, indicators, unmet, layers, locale] = await Promise.all([
      repo.incidents(db, systemId, visibleIncidentSql(vis, 'i'), LIST), repo.openAlertCount(db, systemId, sys.org_id, WINDOW_DAYS),
      repo.openAlerts(db, systemId, sys.org_id, WINDOW_DAYS, LIST), repo.indicators(db, systemId, sys.org_id, WINDOW_DAYS, LIST),
      repo.unmet(db, systemId, LIST), this.#layers.get(ctx, systemId), lang ?? repo.locale(db, ctx.actor.id),
    ]);
    return {
      incidents: incidents.map((i) => ({ id: i.id, title: i.title, severity: i.severity, status: i.status, openedAt: i.opened_at.toISOString() })),
      openAlerts: { count, latest: alerts.map((a) => ({ id: a.id, title: a.title, severity: a.severity, receivedAt: a.received_at.toISOString() })) },
      indicatorsMatched: indicators.map((v) => ({ value: v.value, type: v.type, lastSeen: v.last_seen.toISOString(), count: v.count })),
      unmetRequirements: unmet.map((u) => ({
        campaignId: u.campaign_id, campaignTitle: u.campaign_title, requirementId: u.req_id, answer: u.answer,
        text: (locale === 'vi' ? u.text_vi : null) ?? u.text_en ?? u.text_vi ?? '',
      })),
      layers,
    };
  }
}
