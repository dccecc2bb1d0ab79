import type { Kysely } from 'kysely';
import type { DB } from './db/index.ts';
import type { Platform } from './platform.types.ts';
import { AccountService, AuthService, SecondFactorService } from './modules/auth/index.ts';
import { UsersService } from './modules/users/index.ts';
import { ApiKeysService } from './modules/apikeys/index.ts';
import { OrgsService, OrgStructureService } from './modules/orgs/index.ts';
import { ReferenceService } from './modules/reference/index.ts';
import { AlertsService, AssetsService, IngestService, RetentionService } from './modules/alerts/index.ts';
import { AlertTriageService, IncidentSystemsService, IncidentsService, PromotionRulesService, createIncidentServices, type IncidentServices } from './modules/incidents/index.ts';

import { ForecastService, StatsHistoryService, StatsService, SurgeWatcher } from './modules/stats/index.ts';
import { CampaignsService } from './modules/campaigns/index.ts';
import { WarningsService, WarningWebhooksService, WarningPoliciesService } from './modules/warnings/index.ts';
import { createConstituencyModule, type ConstituencyService, type DigestWorker } from './modules/constituency/index.ts';
import { LayersService, SystemsService } from './modules/registry/index.ts';
import { SystemActivityService } from './modules/system-activity/index.ts';
import { AssessmentDeadlines, AssessmentOverviewService, AssessmentsService, CataloguesService } from './modules/assessments/index.ts';
import { DocumentsService } from './modules/documents/index.ts';
import { ExportsService, FeedsService, IndicatorsService, IntakeService, KnowledgeService, TaxiiService } from './modules/intel/index.ts';
import { createExercisesModule, type ExerciseServices } from './modules/exercises/index.ts';
import { createFederationModule, type FederationServices } from './modules/federation/index.ts';

/** The services of every module, wired to one platform. */
export interface Services {
  db: Kysely<DB>;
  auth: AuthService;
  secondFactor: SecondFactorService;
  account: AccountService;
  retention: RetentionService;
  users: UsersService;
  apiKeys: ApiKeysService;
  orgs: OrgsService;
  orgStructure: OrgStructureService;
  reference: ReferenceService;
  ingest: IngestService;
  alerts: AlertsService;
  assets: AssetsService;
  incidents: IncidentsService;
  incidentParts: IncidentServices;
  incidentSystems: IncidentSystemsService;
  alertTriage: AlertTriageService;
  promotionRules: PromotionRulesService;
  stats: StatsService;
  forecasts: ForecastService;
  surges: SurgeWatcher;
  statsHistory: StatsHistoryService;
  taxii: TaxiiService;
  campaigns: CampaignsService;
  warnings: WarningsService;
  warningWebhooks: WarningWebhooksService;
  warningPolicies: WarningPoliciesService;
  intake: IntakeService;
  feeds: FeedsService;
  exports: ExportsService;
  indicators: IndicatorsService;
  knowledge: KnowledgeService;
  constituency: ConstituencyService;
  constituencyDigests: DigestWorker;
  systems: SystemsService;
  systemLayers: LayersService;
  systemActivity: SystemActivityService;
  catalogues: CataloguesService;
  assessments: AssessmentsService;
  assessmentDeadlines: AssessmentDeadlines;
  assessmentOverview: AssessmentOverviewService;
  documents: DocumentsService;
  exercises: ExerciseServices;
  federation: FederationServices;
}

export function createServices(platform: Platform): Services {
  const ingest = new IngestService(platform);
  const stats = new StatsService(platform);
  const forecasts = new ForecastService(platform, stats);
  const surges = new SurgeWatcher(platform, forecasts);
  const statsHistory = new StatsHistoryService(platform);
  const intake = new IntakeService(platform);
  const feeds = new FeedsService(platform, intake);
  // The watcher looks at the hour's data as it is rolled up (and when history is imported, anew).
  platform.workers.stats.onRolledUp(({ history }) => {
    if (history) surges.invalidate();
    surges.poke();
  });
  statsHistory.onImported(() => surges.invalidate());
  // A sector's surge episode proposes one early warning to that sector, refreshed as the episode grows
  // (a coordinator approves it, or a policy issues it).
  surges.onSurge(({ episode: e }) => platform.workers.warnings.proposeFromSurge({
    episodeId: e.id, sector: e.key, observed: e.peak.observed, expected: e.peak.expected, hour: e.peak.hour ?? null, day: e.peak.date, openedAt: e.openedAt,
    signals: e.signals, severity: e.peak.score >= 8 ? 3 : 2,
  }));
  if (platform.config.roles.includes('workers')) {
    // Led by one node of the cluster each: the surge watcher, and feeds whose interval elapsed (once a minute; stopping waits for runs in flight).
    void platform.leadership.run('surges', { start: () => surges.start(), stop: () => surges.stop() });
    void platform.leadership.run('feeds', {
      start: () => feeds.scheduler.start(),
      stop: async () => {
        await feeds.scheduler.stop();
        await intake.settled();
      },
    });
  }
  platform.relay.subscribe((events) => {
    if (events.some((e) => e.type === 'asset.changed')) ingest.assets.invalidate();
  });
  const incidents = new IncidentsService(platform);
  const constituency = createConstituencyModule(platform, ingest);
  const incidentParts = createIncidentServices(platform, incidents);
  const warnings = new WarningsService(platform);
  const auth = new AuthService(platform);
  const systems = new SystemsService(platform);
  const systemLayers = new LayersService(platform, systems);
  const catalogues = new CataloguesService(platform);
  // Reminders, overdue notices and escalation of assessment tasks, once a minute.
  const assessmentDeadlines = new AssessmentDeadlines(platform);
  if (platform.config.roles.includes('workers')) {
    void platform.leadership.run('assessment-deadlines', assessmentDeadlines.task);
    void platform.leadership.run('constituency-digests', constituency.digests.task);
  }
  return {
    ingest,
    alerts: new AlertsService(platform, ingest),
    assets: new AssetsService(platform, ingest.assets),
    incidents,
    incidentParts,
    incidentSystems: new IncidentSystemsService(platform, incidents),
    alertTriage: new AlertTriageService(platform, incidents),
    promotionRules: new PromotionRulesService(platform),
    stats,
    forecasts,
    surges,
    statsHistory,
    taxii: new TaxiiService(platform),
    campaigns: new CampaignsService(platform),
    warnings,
    documents: new DocumentsService(platform, { incidents, incidentParts, warnings }),
    warningWebhooks: new WarningWebhooksService(platform),
    warningPolicies: new WarningPoliciesService(platform),
    intake,
    feeds,
    exports: new ExportsService(platform),
    indicators: new IndicatorsService(platform),
    knowledge: new KnowledgeService(platform),
    constituency: constituency.service,
    constituencyDigests: constituency.digests,
    systems,
    systemLayers,
    systemActivity: new SystemActivityService(platform, { systems, layers: systemLayers }),
    catalogues,
    assessments: new AssessmentsService(platform, catalogues),
    assessmentDeadlines,
    assessmentOverview: new AssessmentOverviewService(platform),
    exercises: createExercisesModule(platform, { ingest, incidents }),
    federation: createFederationModule(platform, auth),
    db: platform.db,
    auth,
    secondFactor: new SecondFactorService(platform, auth),
    account: new AccountService(platform),
    retention: new RetentionService(platform),
    users: new UsersService(platform),
    apiKeys: new ApiKeysService(platform),
    orgs: new OrgsService(platform),
    orgStructure: new OrgStructureService(platform),
    reference: new ReferenceService(platform),
  };
}
