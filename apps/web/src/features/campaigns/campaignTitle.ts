import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignSummary, CampaignTitleCode } from '@lachan/contracts';

type Titled = Pick<CampaignSummary, 'title' | 'titleCode' | 'titleParams'>;

/** The text of each title code the campaign engine stores (a missing code fails the type check). */
export const CAMPAIGN_TITLE_KEYS = { shared_infrastructure: 'campaigns.titleShared' } as const satisfies Record<CampaignTitleCode, string>;

/** A campaign's title in the reader's language: the engine's title worded from its code; any other as written. */
export function useCampaignTitle(): (c: Partial<Titled> & { title?: string; name?: string; id?: string }) => string {
  const { t } = useTranslation();
  return useCallback(
    (c) => (c.titleCode && c.titleParams ? t(CAMPAIGN_TITLE_KEYS[c.titleCode], { value: c.titleParams.value }) : (c.title ?? c.name ?? c.id ?? '')),
    [t],
  );
}
