import type { ModuleRoutes } from '../../common/module-parts.ts';
import { CampaignsService } from './campaigns.service.ts';
import type { CampaignsParts } from './campaigns-parts.ts';
import { campaignRoutes } from './campaigns.routes.ts';

export { CampaignEngine, type CampaignHook } from './campaign.engine.ts';
export { DEFAULT_DETECTOR, type DetectorOptions } from './cluster-tracker.ts';
export { CampaignsService } from './campaigns.service.ts';
export { isNoise } from './noise.ts';
export type { CampaignWrite } from './campaigns.repository.ts';
export type { CampaignsParts, CampaignEngineParts } from './campaigns-parts.ts';
export { massScanningList, type MassScanningEntry } from './mass-scanning-list.ts';

/** The campaigns module's reading side (the engine is the platform's worker) and its routes. */
export interface CampaignsModule {
  campaigns: CampaignsService;
  routes: ModuleRoutes;
}

/** Builds the campaigns module from its parts. */
export function createCampaignsModule(parts: CampaignsParts): CampaignsModule {
  const campaigns = new CampaignsService(parts);
  return { campaigns, routes: async (app) => campaignRoutes(app, campaigns) };
}
