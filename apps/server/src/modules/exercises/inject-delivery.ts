import type { Inject } from '@lachan/contracts';
import { systemContext } from '../../core/context.ts';
import { recordChange, transact } from '../../core/change.ts';
import type { Platform } from '../../core/platform.ts';
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
 * Delivers one inject to one team through the platform's real paths: alerts through the ingest
 * pipeline as the team's connector, an incident opened by the organiser for the team, a warning
 * received by the team; messages, documents and pressure calls land in the team's exercise inbox.
 * The delivery is claimed first, so that each reaches each team once whatever the processes.
 */
export class InjectDelivery {
  #p: Platform;
  #d: DeliveryDeps;
  constructor(platform: Platform, deps: DeliveryDeps) {
    this.#p = platform;
    this.#d = deps;
  }

  async deliver(e: ExerciseRow, inject: Inject, offsetMs: number, teamOrgId: string, dueAt: Date): Promise<boolean> {
    const claimed = await transact(this.#p, (tx) => deliveries.claim(tx, e.id, inject.key, teamOrgId, dueAt));
    if (!claimed) return false;
    const team = e.teams.find((t) => t.orgId === teamOrgId)?.name ?? teamOrgId;
    let outcome: DeliveryOutcome;
    try {
      outcome = await this.#make(e, inject, teamOrgId, team);
    } catch (err) {
      outcome = { error: err instanceof Error ? err.message.slice(0, 500) : 'delivery failed' };
    }
    const ctx = systemContext(e.organiser_org_id, 'exercise');
    await transact(this.#p, async (tx) => {
      if (outcome.incidentId) await tagExerciseIncident(tx, outcome.incidentId, e.id);
      if (inject.kind === 'warning' && inject.warning) {
        outcome.warningId = await issueExerciseWarning(tx, {
          exerciseId: e.id, authorOrgId: e.organiser_org_id, titleVi: inject.warning.title.vi, titleEn: inject.warning.title.en,
          bodyVi: inject.warning.body.vi, bodyEn: inject.warning.body.en, severity: inject.warning.severity, recipients: [teamOrgId], by: 'exercise',
        });
      }
      await deliveries.complete(tx, e.id, inject.key, teamOrgId, outcome);
      await deliveries.expect(tx, e.id, teamOrgId, inject.key, offsetMs, inject.expectations);
      await recordChange(tx, ctx, {
        action: 'exercise.inject_delivered', entityType: 'exercise', entityId: e.id, orgId: teamOrgId, after: { inject: inject.key, kind: inject.kind, error: outcome.error ?? null },
        event: { type: 'exercise.inject', audience: { orgIds: [teamOrgId, e.organiser_org_id] }, data: { exerciseId: e.id, injectKey: inject.key, teamOrgId } },
      });
    });
    return true;
  }

  /** What the inject makes in the platform before its delivery is recorded (alerts, an incident). */
  async #make(e: ExerciseRow, inject: Inject, teamOrgId: string, team: string): Promise<DeliveryOutcome> {
    if (inject.alerts) {
      const now = this.#p.now();
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
  }
}
