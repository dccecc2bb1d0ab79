import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CampaignSummary } from '@lachan/contracts';

const STATUS_COLORS: Record<CampaignSummary['status'], string> = { detected: 'yellow', confirmed: 'red', dismissed: 'gray', merged: 'dark', retracted: 'gray' };
const CONFIDENCE_COLORS: Record<CampaignSummary['confidence'], string> = { low: 'gray', medium: 'blue', high: 'indigo' };

/** Where the centre's review stands: detected, confirmed, dismissed, merged. */
export function CampaignStatusBadge({ status }: { status: CampaignSummary['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge size="sm" radius="sm" variant="light" color={STATUS_COLORS[status]} tt="none" data-status={status}>
      {t(`campaigns.status.${status}`)}
    </Badge>
  );
}

/** How sure the correlation is that these organisations share one attacker. */
export function ConfidenceBadge({ confidence }: { confidence: CampaignSummary['confidence'] }) {
  const { t } = useTranslation();
  return (
    <Badge size="sm" radius="sm" variant={confidence === 'high' ? 'filled' : 'light'} color={CONFIDENCE_COLORS[confidence]} tt="none" data-confidence={confidence}>
      {t(`campaigns.confidence.${confidence}`)}
    </Badge>
  );
}
