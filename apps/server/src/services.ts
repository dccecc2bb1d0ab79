import type { Kysely } from 'kysely';
import type { DB } from './db/index.ts';
import type { Platform } from './core/platform.ts';
import { AuthService } from './modules/auth/index.ts';
import { UsersService } from './modules/users/index.ts';
import { ApiKeysService } from './modules/apikeys/index.ts';
import { OrgsService, OrgStructureService } from './modules/orgs/index.ts';
import { ReferenceService } from './modules/reference/index.ts';
import { AlertsService, AssetsService, IngestService } from './modules/alerts/index.ts';
import { IncidentsService } from './modules/incidents/index.ts';
import { CampaignsService } from './modules/campaigns/index.ts';
import { WarningsService, WarningWebhooksService, WarningPoliciesService } from './modules/warnings/index.ts';

/** The services of every module, wired to one platform. */
export interface Services {
  db: Kysely<DB>;
  auth: AuthService;
  users: UsersService;
  apiKeys: ApiKeysService;
  orgs: OrgsService;
  orgStructure: OrgStructureService;
  reference: ReferenceService;
  ingest: IngestService;
  alerts: AlertsService;
  assets: AssetsService;
  incidents: IncidentsService;
  campaigns: CampaignsService;
  warnings: WarningsService;
  warningWebhooks: WarningWebhooksService;
  warningPolicies: WarningPoliciesService;
}

export function createServices(platform: Platform): Services {
  const ingest = new IngestService(platform);
  platform.relay.subscribe((events) => {
    if (events.some((e) => e.type === 'asset.changed')) ingest.assets.invalidate();
  });
  return {
    ingest,
    alerts: new AlertsService(platform, ingest),
    assets: new AssetsService(platform, ingest.assets),
    incidents: new IncidentsService(platform),
    campaigns: new CampaignsService(platform),
    warnings: new WarningsService(platform),
    warningWebhooks: new WarningWebhooksService(platform),
    warningPolicies: new WarningPoliciesService(platform),
    db: platform.db,
    auth: new AuthService(platform),
    users: new UsersService(platform),
    apiKeys: new ApiKeysService(platform),
    orgs: new OrgsService(platform),
    orgStructure: new OrgStructureService(platform),
    reference: new ReferenceService(platform),
  };
}
