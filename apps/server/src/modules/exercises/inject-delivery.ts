import type { Inject } from '@lachan/contracts';
import { systemContext } from '../../core/context.ts';
import { recordChange, transact } from '../events/index.ts';
import type { ExercisesParts } from './exercises-parts.ts';
import type { IngestService } from '../alerts/index.ts';
import { tagExerciseIncident, type IncidentsService } from '../incidents/index.ts';
import { issueExerciseWarning } from '../warnings/index.ts';
import { deliveriesRepository as deliveries, type DeliveryOutcome } from './deliveries.repository.ts';
import type { ExerciseRow } from './exercises.repository.ts';
import { fillRecord } from './scenario-check.ts';

/** An inject due now for some teams, at the wall instant scenario time reached it. */
export interface DueInject {
  inject: Inject;
  offsetMs: number;
  teams: readonly string[];
  dueAt: Date;
}

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
  #p: ExercisesParts;
  #d: DeliveryDeps;
  constructor(parts: ExercisesParts, deps: DeliveryDeps) {
    this.#p = parts;
    this.#d = deps;
  }

  /** Delivers to the teams not yet served; answers how many were. */
  async deliver(e: ExerciseRow, inject: Inject, offsetMs: number, teamOrgIds: readonly string[], dueAt: Date): Promise<number> {
    return this.deliverMany(e, [{ inject, offsetMs, teams: teamOrgIds, dueAt }]);
  }

  /**
   * Delivers a group of injects due together, in one batch: one claim for every inject and team, the
   * platform objects made for all of them at once, then one transaction recording every delivery.
   * Answers how many deliveries (inject and team) were made.
   */
  async deliverMany(e: ExerciseRow, items: readonly DueInject[]): Promise<number> {
    if (!items.length) return 0;
    const claimed = await transact(this.#p, (tx) => deliveries.claimMany(tx, e.id, items.map((i) => ({ key: i.inject.key, teams: i.teams, dueAt: i.dueAt }))));
    const mine = items.flatMap((i) => (claimed.get(i.inject.key)?.length ? [{ ...i, teams: claimed.get(i.inject.key)! }] : []));
    if (!mine.length) return 0;
    const made = await Promise.all(mine.map((i) => this.#make(e, i.inject, i.teams)));
    const ctx = systemContext(e.organiser_org_id, 'exercise');
    await transact(this.#p, async (tx) => {
      for (const [n, i] of mine.entries()) {
        const outcomes = made[n]!;
        const { inject, teams } = i;
        for (const o of outcomes.values()) if (o.incidentId) await tagExerciseIncident(tx, o.incidentId, e.id);
        if (inject.kind === 'warning' && inject.warning) {
          const warningId = await issueExerciseWarning(tx, {
            exerciseId: e.id, authorOrgId: e.organiser_org_id, titleVi: inject.warning.title.vi, titleEn: inject.warning.title.en,
            bodyVi: inject.warning.body.vi, bodyEn: inject.warning.body.en, severity: inject.warning.severity, recipients: teams, by: 'exercise',
          });
          for (const o of outcomes.values()) o.warningId = warningId;
        }
        await deliveries.complete(tx, e.id, inject.key, outcomes);
        await deliveries.expect(tx, e.id, teams, inject.key, i.offsetMs, inject.expectations);
        await recordChange(tx, ctx, {
          action: 'exercise.inject_delivered', entityType: 'exercise', entityId: e.id, orgId: e.organiser_org_id,
          after: { inject: inject.key, kind: inject.kind, teams: teams.length, errors: [...outcomes.values()].filter((o) => o.error).length },
          event: { type: 'exercise.inject', audience: { orgIds: [...teams, e.organiser_org_id] }, data: { exerciseId: e.id, injectKey: inject.key } },
        });
      }
    });
    return mine.reduce((n, i) => n + i.teams.length, 0);
  }

  /** What the inject makes in the platform for its teams before their deliveries are recorded (alerts, incidents). */
  async #make(e: ExerciseRow, inject: Inject, teams: readonly string[]): Promise<Map<string, DeliveryOutcome>> {
    const failed = (err: unknown): DeliveryOutcome => ({ error: err instanceof Error ? err.message.slice(0, 500) : 'delivery failed' });
    if (inject.alerts) {
      // Every team's alerts in one batch, each as if from the team's own connector.
      const now = this.#p.now();
      const name = (team: string) => e.teams.find((t) => t.orgId === team)?.name ?? team;
      const alerts = inject.alerts;
      try {
        const r = await this.#d.ingest.ingestExerciseTeams({
          exerciseId: e.id, connector: alerts.connector, format: alerts.format,
          teams: teams.map((team) => ({ orgId: team, records: alerts.records.map((rec) => fillRecord(rec, { now, team: name(team), run: e.id.slice(0, 8) })) })),
        });
        return new Map(teams.map((team) => {
          const x = r.get(team);
          return [team, x ? { sourceId: x.sourceId, alerts: x.accepted + x.duplicates } : { error: 'not stored' }] as const;
        }));
      } catch (err) {
        return new Map(teams.map((team) => [team, failed(err)] as const));
      }
    }
    const incident = inject.incident;
    if (incident) {
      const ctx = systemContext(e.organiser_org_id, `Exercise: ${e.title}`.slice(0, 200));
      return new Map(await Promise.all(teams.map(async (team) => {
        try {
          const made = await this.#d.incidents.create(ctx, {
            orgId: team, title: incident.title.vi, description: `${incident.description.vi}\n\n${incident.title.en}: ${incident.description.en}`, severity: incident.severity,
          });
          return [team, { incidentId: made.id }] as const;
        } catch (err) {
          return [team, failed(err)] as const;
        }
      })));
    }
    return new Map(teams.map((team) => [team, {}] as const));
  }
}
