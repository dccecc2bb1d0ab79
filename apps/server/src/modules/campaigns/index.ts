export { CampaignEngine, type CampaignHook } from './campaign.engine.ts';
export { DEFAULT_DETECTOR, type DetectorOptions } from './cluster-tracker.ts';
export { CampaignsService } from './campaigns.service.ts';
export { campaignRoutes } from './campaigns.routes.ts';
export { isNoise } from './noise.ts';
export type { CampaignWrite } from './campaigns.repository.ts';
export { massScanningList, type MassScanningEntry } from './mass-scanning-list.ts';
