/** Front door of the campaigns module. */
export { CampaignsPage } from './CampaignsPage.tsx';
export { CampaignDetailPage } from './CampaignDetailPage.tsx';
export { MassScanningPage } from './MassScanningPage.tsx';
