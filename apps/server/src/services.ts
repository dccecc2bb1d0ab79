import type { StartedPlatform } from './platform-workers.types.ts';
import { createAuthModule, type AuthModule } from './modules/auth/index.ts';
import { createUsersModule, type UsersModule } from './modules/users/index.ts';
import { createApiKeysModule, type ApiKeysModule } from './modules/apikeys/index.ts';
import { createOrgsModule, type OrgsModule } from './modules/orgs/index.ts';
import { createReferenceModule, type ReferenceModule } from './modules/reference/index.ts';
import { createAuditModule, type AuditModule } from './modules/audit/index.ts';
import { createEventsModule, type EventsModule } from './modules/events/index.ts';
import { createAlertsModule, type AlertsModule } from './modules/alerts/index.ts';
import { createIncidentsModule, type IncidentsModule } from './modules/incidents/index.ts';
import { createStatsModule, type StatsModule } from './modules/stats/index.ts';
import { createCampaignsModule, massScanningList, type CampaignsModule } from './modules/campaigns/index.ts';
import { createWarningsModule, type WarningsModule } from './modules/warnings/index.ts';
import { createConstituencyModule, type ConstituencyModule } from './modules/constituency/index.ts';
import { createRegistryModule, type RegistryModule } from './modules/registry/index.ts';
import { createSystemActivityModule, type SystemActivityModule } from './modules/system-activity/index.ts';
import { createAssessmentsModule, type AssessmentsModule } from './modules/assessments/index.ts';
import { createDocumentsModule, type DocumentsModule } from './modules/documents/index.ts';
import { createIntelModule, type IntelModule } from './modules/intel/index.ts';
import { createExercisesModule, type ExercisesModule } from './modules/exercises/index.ts';
import { createFederationModule, type FederationModule } from './modules/federation/index.ts';

/** The modules of one process, built on one platform: each holds its own services and routes; only this root sees them all. */
export interface Services {
  auth: AuthModule;
  users: UsersModule;
  apiKeys: ApiKeysModule;
  orgs: OrgsModule;
  reference: ReferenceModule;
  audit: AuditModule;
  events: EventsModule;
  alerts: AlertsModule;
  incidents: IncidentsModule;
  stats: StatsModule;
  campaigns: CampaignsModule;
  warnings: WarningsModule;
  intel: IntelModule;
  constituency: ConstituencyModule;
  registry: RegistryModule;
  systemActivity: SystemActivityModule;
  assessments: AssessmentsModule;
  documents: DocumentsModule;
  exercises: ExercisesModule;
  federation: FederationModule;
}

/**
 * Builds every module and wires the few hooks between them; starts nothing (see startServices). A factory's
 * parameter names the narrow parts it uses; it is handed the platform object itself, so a clock replaced
 * later (tests move `platform.now`) is the one every module reads.
 */
export function createServices(platform: StartedPlatform): Services {
  const alerts = createAlertsModule(platform);
  const stats = createStatsModule(platform);
  const { surges } = stats;
  // The watcher looks at the hour's data as it is rolled up (a roll-up of imported history: anew).
  platform.workers.stats.onRolledUp(({ history }) => {
    if (history) surges.invalidate();
    surges.poke();
  });
  // A sector's surge episode proposes one early warning to that sector, refreshed as the episode grows
  // (a coordinator approves it, or a policy issues it).
  surges.onSurge(({ episode: e }) => platform.workers.warnings.proposeFromSurge({
    episodeId: e.id, sector: e.key, observed: e.peak.observed, expected: e.peak.expected, hour: e.peak.hour ?? null, day: e.peak.date, openedAt: e.openedAt,
    signals: e.signals, severity: e.peak.score >= 8 ? 3 : 2,
  }));
  const incidents = createIncidentsModule(platform);
  const warnings = createWarningsModule(platform, platform.workers.warnings);
  const auth = createAuthModule(platform);
  const registry = createRegistryModule(platform);
  return {
    alerts,
    incidents,
    stats,
    campaigns: createCampaignsModule(platform),
    warnings,
    documents: createDocumentsModule(platform, {
      incidents: incidents.incidents,
      incidentParts: incidents.incidentParts,
      warnings: warnings.warnings,
    }),
    intel: createIntelModule(platform, (since) => massScanningList(platform.db, since)),
    constituency: createConstituencyModule(platform, alerts.ingest),
    registry,
    systemActivity: createSystemActivityModule(platform, { systems: registry.systems, layers: registry.systemLayers }),
    assessments: createAssessmentsModule(platform),
    exercises: createExercisesModule(platform, { ingest: alerts.ingest, incidents: incidents.incidents }),
    federation: createFederationModule(platform, auth.auth),
    auth,
    users: createUsersModule(platform),
    apiKeys: createApiKeysModule(platform),
    orgs: createOrgsModule(platform),
    reference: createReferenceModule(platform),
    audit: createAuditModule({ db: platform.db, signer: platform.audit.signer }),
    events: createEventsModule({ consoleEvents: platform.consoleEvents, follower: auth.follower }),
  };
}

/**
 * Starts the modules' background work for this process's roles: the exercise runner on every node; on a
 * `workers` node, each led by one node of the cluster, the surge watcher, feeds whose interval elapsed (once
 * a minute; stopping waits for runs in flight), assessment deadlines and constituency digests.
 */
export function startServices(platform: StartedPlatform, s: Services): void {
  if (platform.config.roles.includes('workers')) {
    for (const [name, job] of Object.entries(s.stats.workers)) void platform.leadership.run(name, job);
    for (const [name, job] of Object.entries(s.intel.workers)) void platform.leadership.run(name, job);
    for (const [name, job] of Object.entries(s.assessments.workers)) void platform.leadership.run(name, job);
    for (const [name, job] of Object.entries(s.constituency.workers)) void platform.leadership.run(name, job);
  }
  s.exercises.runner.start();
  platform.stopHooks.unshift(() => s.exercises.runner.stop());
}
