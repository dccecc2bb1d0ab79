import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignSummary } from '@lachan/contracts';

type Titled = Pick<CampaignSummary, 'title' | 'titleCode' | 'titleParams'>;

/** A campaign's title in the reader's language: the engine's title worded from its code; any other as written. */
export function useCampaignTitle(): (c: Partial<Titled> & { title?: string; name?: string; id?: string }) => string {
  const { t } = useTranslation();
  return useCallback(
    (c) => (c.titleCode === 'shared_infrastructure' && c.titleParams ? t('campaigns.titleShared', { value: c.titleParams.value }) : (c.title ?? c.name ?? c.id ?? '')),
    [t],
  );
}
