import type { Kysely } from 'kysely';
import type { DB } from './db/index.ts';
import type { Platform } from './core/platform.ts';
import { AuthService, SecondFactorService } from './modules/auth/index.ts';
import { UsersService } from './modules/users/index.ts';
import { ApiKeysService } from './modules/apikeys/index.ts';
import { OrgsService, OrgStructureService } from './modules/orgs/index.ts';
import { ReferenceService } from './modules/reference/index.ts';
import { AlertsService, AssetsService, IngestService } from './modules/alerts/index.ts';
import { AlertTriageService, IncidentsService, PromotionRulesService, createIncidentServices, type IncidentServices } from './modules/incidents/index.ts';

import { ForecastService, StatsService, SurgeWatcher } from './modules/stats/index.ts';
import { CampaignsService } from './modules/campaigns/index.ts';
import { WarningsService, WarningWebhooksService, WarningPoliciesService } from './modules/warnings/index.ts';
import { ExportsService, FeedsService, IndicatorsService, IntakeService, KnowledgeService, TaxiiService } from './modules/intel/index.ts';

/** The services of every module, wired to one platform. */
export interface Services {
  db: Kysely<DB>;
  auth: AuthService;
  secondFactor: SecondFactorService;
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
  alertTriage: AlertTriageService;
  promotionRules: PromotionRulesService;
  stats: StatsService;
  forecasts: ForecastService;
  surges: SurgeWatcher;
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
}

export function createServices(platform: Platform): Services {
  const ingest = new IngestService(platform);
  const stats = new StatsService(platform);
  const forecasts = new ForecastService(platform, stats);
  const surges = new SurgeWatcher(platform, forecasts);
  const intake = new IntakeService(platform);
  const feeds = new FeedsService(platform, intake);
  surges.start();
  platform.stopHooks.push(() => surges.stop());
  // A sector surge proposes an early warning to that sector (a coordinator approves it, or a policy issues it).
  surges.onSurge((s) => platform.workers.warnings.proposeFromSurge({
    sector: s.key, rsitClass: '', count: Math.round(s.observed), baseline: Math.round(s.expected), windowStart: s.since ?? s.date, severity: s.score >= 6 ? 3 : 2,
  }));
  // Feeds whose interval elapsed run once a minute; shutdown waits for runs in flight.
  feeds.scheduler.start();
  platform.stopHooks.push(async () => {
    await feeds.scheduler.stop();
    await intake.settled();
  });
  platform.relay.subscribe((events) => {
    if (events.some((e) => e.type === 'asset.changed')) ingest.assets.invalidate();
  });
  const incidents = new IncidentsService(platform);
  const auth = new AuthService(platform);
  return {
    ingest,
    alerts: new AlertsService(platform, ingest),
    assets: new AssetsService(platform, ingest.assets),
    incidents,
    incidentParts: createIncidentServices(platform, incidents),
    alertTriage: new AlertTriageService(platform, incidents),
    promotionRules: new PromotionRulesService(platform),
    stats,
    forecasts,
    surges,
    taxii: new TaxiiService(platform),
    campaigns: new CampaignsService(platform),
    warnings: new WarningsService(platform),
    warningWebhooks: new WarningWebhooksService(platform),
    warningPolicies: new WarningPoliciesService(platform),
    intake,
    feeds,
    exports: new ExportsService(platform),
    indicators: new IndicatorsService(platform),
    knowledge: new KnowledgeService(platform),
    db: platform.db,
    auth,
    secondFactor: new SecondFactorService(platform, auth),
    users: new UsersService(platform),
    apiKeys: new ApiKeysService(platform),
    orgs: new OrgsService(platform),
    orgStructure: new OrgStructureService(platform),
    reference: new ReferenceService(platform),
  };
}
