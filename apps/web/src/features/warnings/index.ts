/** Front door of the early-warnings module. */
export { WarningsPage } from './WarningsPage.tsx';
export { WarningInboxPage } from './WarningInboxPage.tsx';
export { WarningComposerPage } from './WarningComposerPage.tsx';
export { WarningDeliveryPage } from './WarningDeliveryPage.tsx';
export { WarningWebhooksPage } from './WarningWebhooksPage.tsx';
export { WarningBanner } from './WarningBanner.tsx';
