import type { Inject } from '@lachan/contracts';
import { systemContext } from '../../core/context.ts';
import { recordChange, transact } from '../events/index.ts';
import type { Platform } from '../../platform.types.ts';
import type { IngestService } from '../alerts/index.ts';
import { tagExerciseIncident, type IncidentsService } from '../incidents/index.ts';
import { issueExerciseWarning } from '../warnings/index.ts';
import { deliveriesRepository as deliveries, type DeliveryOutcome } from './deliveries.repository.ts';
import type { ExerciseRow } from './exercises.repository.ts';
import { fillRecord } from './scenario-check.ts';

/** The parts of the platform an inject goes through. */
export interface DeliveryDeps {
  ingest: IngestService;
  incidents: IncidentsService;
}

/**
 * Delivers one inject to its teams through the platform's real paths: alerts through the ingest
 * pipeline as each team's connector, an incident opened by the organiser for each team, a warning
 * received by the teams; messages, documents and pressure calls land in the teams' exercise inboxes.
 * The deliveries are claimed first, so that each reaches each team once whatever the processes; what
 * needs no ingest is delivered to every team in one transaction.
 */
export class InjectDelivery {
  #p: Platform;
  #d: DeliveryDeps;
  constructor(platform: Platform, deps: DeliveryDeps) {
    this.#p = platform;
    this.#d = deps;
  }

  /** Delivers to the teams not yet served; answers how many were. */
  async deliver(e: ExerciseRow, inject: Inject, offsetMs: number, teamOrgIds: readonly string[], dueAt: Date): Promise<number> {
    const teams = await transact(this.#p, (tx) => deliveries.claim(tx, e.id, inject.key, teamOrgIds, dueAt));
    if (!teams.length) return 0;
    const outcomes = new Map<string, DeliveryOutcome>(await Promise.all(teams.map(async (team) => [team, await this.#make(e, inject, team)] as const)));
    const ctx = systemContext(e.organiser_org_id, 'exercise');
    await transact(this.#p, async (tx) => {
      for (const o of outcomes.values()) if (o.incidentId) await tagExerciseIncident(tx, o.incidentId, e.id);
      if (inject.kind === 'warning' && inject.warning) {
        const warningId = await issueExerciseWarning(tx, {
          exerciseId: e.id, authorOrgId: e.organiser_org_id, titleVi: inject.warning.title.vi, titleEn: inject.warning.title.en,
          bodyVi: inject.warning.body.vi, bodyEn: inject.warning.body.en, severity: inject.warning.severity, recipients: teams, by: 'exercise',
        });
        for (const o of outcomes.values()) o.warningId = warningId;
      }
      await deliveries.complete(tx, e.id, inject.key, outcomes);
      await deliveries.expect(tx, e.id, teams, inject.key, offsetMs, inject.expectations);
      await recordChange(tx, ctx, {
        action: 'exercise.inject_delivered', entityType: 'exercise', entityId: e.id, orgId: e.organiser_org_id,
        after: { inject: inject.key, kind: inject.kind, teams: teams.length, errors: [...outcomes.values()].filter((o) => o.error).length },
        event: { type: 'exercise.inject', audience: { orgIds: [...teams, e.organiser_org_id] }, data: { exerciseId: e.id, injectKey: inject.key } },
      });
    });
    return teams.length;
  }

  /** What the inject makes in the platform for one team before its delivery is recorded (alerts, an incident). */
  async #make(e: ExerciseRow, inject: Inject, teamOrgId: string): Promise<DeliveryOutcome> {
    try {
      if (inject.alerts) {
        const now = this.#p.now();
        const team = e.teams.find((t) => t.orgId === teamOrgId)?.name ?? teamOrgId;
        const records = inject.alerts.records.map((r) => fillRecord(r, { now, team, run: e.id.slice(0, 8) }));
        const r = await this.#d.ingest.ingestExercise({ exerciseId: e.id, orgId: teamOrgId, connector: inject.alerts.connector, format: inject.alerts.format, records });
        return { sourceId: r.sourceId, alerts: r.accepted + r.duplicates };
      }
      if (inject.incident) {
        const ctx = systemContext(e.organiser_org_id, `Exercise: ${e.title}`.slice(0, 200));
        const made = await this.#d.incidents.create(ctx, {
          orgId: teamOrgId, title: inject.incident.title.vi, description: `${inject.incident.description.vi}\n\n${inject.incident.title.en}: ${inject.incident.description.en}`,
          severity: inject.incident.severity,
        });
        return { incidentId: made.id };
      }
      return {};
    } catch (err) {
      return { error: err instanceof Error ? err.message.slice(0, 500) : 'delivery failed' };
    }
  }
}
