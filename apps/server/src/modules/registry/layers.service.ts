import type { SystemLayers, SystemLayersPut } from '@lachan/contracts';
import { recordChange, transact } from '../events/index.ts';
import type { RequestContext } from '../../core/context.ts';
import { conflict, forbidden, invalid } from '../../core/errors.ts';
import type { RegistryParts } from './registry-parts.ts';
import { registryPolicy } from './registry.policy.ts';
import { LIVE_HOURS, layersRepository as repo, type LayerRow } from './layers.repository.ts';
import type { SystemsService } from './systems.service.ts';

export const CONNECTION_WINDOW_DAYS = 30;
/** A declared record (on-site unit, assessment) older than this is stale. */
const STALE_DAYS = 365;
const LAYER_NO = { onSite: 1, monitoring: 2, assessment: 3 } as const;

const daysSince = (day: string, now: Date) => (now.getTime() - Date.parse(`${day}T00:00:00Z`)) / 86_400_000;
const recorded = (r: LayerRow | undefined) => (r ? { evidence: r.evidence, recordedOn: r.recorded_on, recordedBy: r.recorded_by } : null);
const str = (v: unknown) => (typeof v === 'string' ? v : null);

/** The four-layer model of each system: layers 1-3 as declared with evidence, layer 4 measured from alerts. */
export class LayersService {
  #p: RegistryParts;
  #systems: SystemsService;
  constructor(parts: RegistryParts, systems: SystemsService) {
    this.#p = parts;
    this.#systems = systems;
  }

  async get(ctx: RequestContext, systemId: string): Promise<SystemLayers> {
    const sys = await this.#systems.readable(ctx, systemId);
    const now = this.#p.now();
    const today = now.toISOString().slice(0, 10);
    const orgIds = [sys.org_id, ...(sys.operator_org_id && sys.operator_org_id !== sys.org_id ? [sys.operator_org_id] : [])];
    const [records, providers, connectors] = await Promise.all([
      repo.records(this.#p.db, systemId), repo.providers(this.#p.db, orgIds), repo.connectors(this.#p.db, systemId, sys.org_id, CONNECTION_WINDOW_DAYS),
    ]);
    const [l1, l2, l3] = [1, 2, 3].map((n) => records.find((r) => r.layer === n));
    const contractTo = str(l2?.details.contractTo);
    const assessedOn = str(l3?.details.date);
    const last = connectors[0]?.last_alert_at ?? null;
    return {
      systemId,
      onSite: {
        state: !l1 ? 'missing' : daysSince(l1.recorded_on, now) > STALE_DAYS ? 'stale' : 'in_place',
        unit: str(l1?.details.unit), contact: str(l1?.details.contact), staff: typeof l1?.details.staff === 'number' ? l1.details.staff : null, record: recorded(l1),
      },
      monitoring: {
        state: !providers.length ? 'missing' : contractTo && contractTo < today ? 'stale' : 'in_place',
        providers: providers.map((p) => ({ orgId: p.org_id, name: p.name, services: p.services, since: p.since, forOrgId: p.for_org_id })),
        contractFrom: str(l2?.details.contractFrom), contractTo, note: str(l2?.details.note), record: recorded(l2),
      },
      assessment: {
        state: !assessedOn ? 'missing' : daysSince(assessedOn, now) > STALE_DAYS ? 'stale' : 'in_place',
        assessor: str(l3?.details.assessor), assessorOrgId: str(l3?.details.assessorOrgId), date: assessedOn, result: str(l3?.details.result),
        source: l3 ? (str(l3.details.source) === 'campaign' ? 'campaign' : 'declared') : null, record: recorded(l3),
      },
      connection: {
        state: !last ? 'missing' : now.getTime() - last.getTime() <= LIVE_HOURS * 3_600_000 ? 'in_place' : 'stale',
        measuredAt: now.toISOString(), windowDays: CONNECTION_WINDOW_DAYS, lastAlertAt: last?.toISOString() ?? null,
        connectors: connectors.map((c) => ({ sourceId: c.source_id, name: c.name, format: c.format, alerts: c.alerts, lastAlertAt: c.last_alert_at.toISOString() })),
      },
    };
  }

  /** Records the declared layers (1-3) with their evidence and date; layer 4 is never declared. */
  async put(ctx: RequestContext, systemId: string, body: SystemLayersPut): Promise<SystemLayers> {
    const sys = await this.#systems.readable(ctx, systemId);
    if (!registryPolicy.mayWrite(ctx, sys.org_id)) throw forbidden('you may not record the layers of this system');
    if (sys.status !== 'active') throw conflict('a retired system cannot be edited');
    const today = this.#p.now().toISOString().slice(0, 10);
    for (const part of [body.onSite, body.monitoring, body.assessment]) if (part && part.recordedOn > today) throw invalid('a record cannot be dated in the future');
    if (body.assessment && body.assessment.date > today) throw invalid('an assessment cannot be dated in the future');
    if (body.monitoring?.contractFrom && body.monitoring.contractTo && body.monitoring.contractTo < body.monitoring.contractFrom) throw invalid('the contract ends before it starts');
    const before = await this.get(ctx, systemId);
    await transact(this.#p, async (tx) => {
      for (const key of ['onSite', 'monitoring', 'assessment'] as const) {
        const part = body[key];
        if (!part) continue;
        const { evidence, recordedOn, ...details } = part;
        await repo.put(tx, systemId, LAYER_NO[key], key === 'assessment' ? { ...details, source: 'declared' } : details, evidence, recordedOn, ctx.actor.name);
      }
      await recordChange(tx, ctx, { action: 'system.layers', entityType: 'information_system', entityId: systemId, orgId: sys.org_id, before, after: body, event: { type: 'system.changed', audience: { orgIds: [sys.org_id], manage: true }, data: { id: systemId, orgId: sys.org_id } } });
    });
    return this.get(ctx, systemId);
  }
}
